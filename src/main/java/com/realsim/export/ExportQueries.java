package com.realsim.export;

import com.realsim.audit.AuditScope;
import com.realsim.identity.IdType;
import com.realsim.identity.PersonalData;
import com.realsim.identity.SealContext;
import com.realsim.platform.ChinaTime;
import com.realsim.platform.TenantScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The read-only SQL of each export over the tables of the card, order, enterprise, verification and audit modules
 * (this module writes none of them), restricted to the creator's tenant as their lists are ({@link
 * TenantScope#sqlCondition}, the audit trail's {@link AuditScope}), in the lists' order (newest first). Each row
 * holds the values the screens show: personal data masked, unless the operator report's full version is asked for.
 */
@Component
@RequiredArgsConstructor
class ExportQueries {

    private final PersonalData personalData;

    /** One export's statement: its columns, SQL, parameters and how a row becomes the file's values. */
    record Extract(List<String> header, String sql, Map<String, Object> parameters, RowValues values) {

        String countSql() {
            return "SELECT count(*) FROM (" + sql + ") AS rows_of_export";
        }
    }

    @FunctionalInterface
    interface RowValues {
        Object[] of(ResultSet rs) throws SQLException;
    }

    Extract extract(ExportKind kind, ExportFilter filter, TenantScope scope, boolean unmasked) {
        return switch (kind) {
            case CARDS -> cards(filter, scope);
            case ORDERS -> orders(filter, scope);
            case AUDIT -> audit(filter, scope);
            case OPERATOR_REPORT -> operatorReport(filter, scope, unmasked);
        };
    }

    private Extract cards(ExportFilter filter, TenantScope scope) {
        Map<String, Object> parameters = parameters(scope);
        StringBuilder where = new StringBuilder(scope.sqlCondition("c.agent_id", "c.enterprise_id"));
        optional(where, parameters, filter, "state", "c.state");
        optional(where, parameters, filter, "operator", "c.operator");
        if (filter.id("enterpriseId") != null) {
            where.append(" AND c.enterprise_id = :enterpriseId");
            parameters.put("enterpriseId", filter.id("enterpriseId"));
        }
        String sql = "SELECT c.iccid, c.msisdn, c.imsi, c.operator, p.code AS plan_code, c.state, e.name AS enterprise,"
                + " u.status AS real_name, u.name_masked, u.id_type, u.id_number_masked, " + time("c.activated_at")
                + ", " + time("c.created_at")
                + " FROM card c JOIN service_plan p ON p.id = c.plan_id"
                + " LEFT JOIN enterprise e ON e.id = c.enterprise_id"
                + " LEFT JOIN card_end_user u ON u.card_id = c.id AND u.ended_at IS NULL"
                + " WHERE " + where + " ORDER BY c.id DESC";
        return new Extract(
                List.of(
                        "iccid",
                        "msisdn",
                        "imsi",
                        "operator",
                        "plan",
                        "state",
                        "enterprise",
                        "realNameStatus",
                        "endUserName",
                        "endUserIdType",
                        "endUserIdNumber",
                        "activatedAt",
                        "createdAt"),
                sql,
                parameters,
                rs -> new Object[] {
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getString(10),
                    rs.getString(11),
                    rs.getString(12),
                    rs.getString(13)
                });
    }

    private Extract orders(ExportFilter filter, TenantScope scope) {
        Map<String, Object> parameters = parameters(scope);
        StringBuilder where = new StringBuilder(scope.sqlCondition("o.agent_id", "o.enterprise_id"));
        optional(where, parameters, filter, "status", "o.status");
        optional(where, parameters, filter, "type", "o.type");
        if (filter.id("enterpriseId") != null) {
            where.append(" AND o.enterprise_id = :enterpriseId");
            parameters.put("enterpriseId", filter.id("enterpriseId"));
        }
        String sql = "SELECT o.id, o.type, o.status, e.name AS enterprise, o.card_count, o.handler_name_masked,"
                + " o.handler_id_number_masked, o.created_by, " + time("o.created_at") + ", " + time("o.closed_at")
                + " FROM business_order o LEFT JOIN enterprise e ON e.id = o.enterprise_id"
                + " WHERE " + where + " ORDER BY o.id DESC";
        return new Extract(
                List.of(
                        "number",
                        "type",
                        "status",
                        "enterprise",
                        "cardCount",
                        "handlerName",
                        "handlerIdNumber",
                        "createdBy",
                        "createdAt",
                        "closedAt"),
                sql,
                parameters,
                rs -> new Object[] {
                    String.format("ORD-%06d", rs.getLong(1)),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getInt(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getString(10)
                });
    }

    private Extract audit(ExportFilter filter, TenantScope scope) {
        Map<String, Object> parameters = parameters(scope);
        StringBuilder where = new StringBuilder(AuditScope.condition(scope));
        optional(where, parameters, filter, "action", "action");
        optional(where, parameters, filter, "targetType", "target_type");
        String sql =
                "SELECT id, " + time("at") + ", actor, role, action, target_type, target_id, outcome, details::text"
                        + " FROM audit_entry WHERE " + where + " ORDER BY at DESC, id DESC";
        return new Extract(
                List.of("id", "at", "actor", "role", "action", "targetType", "targetId", "outcome", "details"),
                sql,
                parameters,
                rs -> new Object[] {
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9)
                });
    }

    /**
     * One row per card of the operator sold (a completed new-install order closed in the period) or bound to an end
     * user in the period, in the creator's scope.
     */
    private Extract operatorReport(ExportFilter filter, TenantScope scope, boolean unmasked) {
        Map<String, Object> parameters = period(filter, scope);
        String sql = "SELECT c.iccid, c.msisdn, e.name AS enterprise, " + time("sold.closed_at") + ", u.name_masked,"
                + " u.id_type, u.id_number_masked, vc.check_method, " + time("u.decided_at")
                + ", u.status AS real_name, c.state,"
                + " u.seal_key, u.name_enc, u.id_number_enc"
                + " FROM card c"
                + " LEFT JOIN enterprise e ON e.id = c.enterprise_id"
                + " LEFT JOIN LATERAL (SELECT o.closed_at FROM business_order_card oc"
                + "   JOIN business_order o ON o.id = oc.order_id"
                + "   WHERE oc.iccid = c.iccid AND o.type = 'NEW_INSTALL' AND o.status = 'COMPLETED'"
                + "   ORDER BY o.closed_at DESC LIMIT 1) sold ON true"
                + " LEFT JOIN card_end_user u ON u.card_id = c.id AND u.ended_at IS NULL"
                + " LEFT JOIN verification_case vc ON vc.id = u.verification_case_id"
                + " WHERE c.operator = :operator AND " + scope.sqlCondition("c.agent_id", "c.enterprise_id")
                + " AND ((sold.closed_at >= :from AND sold.closed_at < :to)"
                + "   OR (u.bound_at >= :from AND u.bound_at < :to))"
                + " ORDER BY c.id DESC";
        return new Extract(
                List.of(
                        "iccid",
                        "msisdn",
                        "enterprise",
                        "soldAt",
                        "endUserName",
                        "endUserIdType",
                        "endUserIdNumber",
                        "verifiedBy",
                        "verifiedAt",
                        "realNameStatus",
                        "state"),
                sql,
                parameters,
                rs -> new Object[] {
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    unmasked ? clearName(rs) : rs.getString(5),
                    rs.getString(6),
                    unmasked ? clearIdNumber(rs) : rs.getString(7),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getString(10),
                    rs.getString(11)
                });
    }

    /**
     * The operator report's summary: cards sold and bound in the period, and the operator's stock now (cards by
     * state), in the creator's scope.
     */
    Extract operatorSummary(ExportFilter filter, TenantScope scope) {
        Map<String, Object> parameters = period(filter, scope);
        String cards = "c.operator = :operator AND " + scope.sqlCondition("c.agent_id", "c.enterprise_id");
        String sql = "SELECT 'sold' AS figure, count(DISTINCT c.id) AS cards FROM card c"
                + " JOIN business_order_card oc ON oc.iccid = c.iccid JOIN business_order o ON o.id = oc.order_id"
                + " WHERE " + cards + " AND o.type = 'NEW_INSTALL' AND o.status = 'COMPLETED'"
                + " AND o.closed_at >= :from AND o.closed_at < :to"
                + " UNION ALL SELECT 'bound', count(DISTINCT c.id) FROM card c JOIN card_end_user u ON u.card_id = c.id"
                + " WHERE " + cards + " AND u.bound_at >= :from AND u.bound_at < :to"
                + " UNION ALL (SELECT 'stock.' || c.state, count(*) FROM card c WHERE " + cards
                + " GROUP BY c.state ORDER BY c.state)";
        return new Extract(
                List.of("figure", "cards"), sql, parameters, rs -> new Object[] {rs.getString(1), rs.getLong(2)});
    }

    private static Map<String, Object> period(ExportFilter filter, TenantScope scope) {
        Map<String, Object> parameters = parameters(scope);
        parameters.put("operator", filter.get("operator"));
        parameters.put("from", startOf(filter.date("from")));
        parameters.put("to", startOf(filter.date("to").plusDays(1)));
        return parameters;
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ChinaTime.ZONE).toInstant());
    }

    private String clearName(ResultSet rs) throws SQLException {
        byte[] sealed = rs.getBytes("name_enc");
        return sealed == null ? null : personalData.openText(sealed, place(rs, "name"));
    }

    private String clearIdNumber(ResultSet rs) throws SQLException {
        byte[] sealed = rs.getBytes("id_number_enc");
        return sealed == null
                ? null
                : personalData.openIdNumber(IdType.valueOf(rs.getString("id_type")), sealed, place(rs, "id_number"));
    }

    private static SealContext place(ResultSet rs, String column) throws SQLException {
        return SealContext.of("card_end_user", column, rs.getObject("seal_key", UUID.class));
    }

    private static Map<String, Object> parameters(TenantScope scope) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("scopeTenant", scope.sqlParameter());
        return parameters;
    }

    private static void optional(
            StringBuilder where, Map<String, Object> parameters, ExportFilter filter, String key, String column) {
        String value = filter.get(key);
        if (value != null) {
            where.append(" AND ").append(column).append(" = :").append(key);
            parameters.put(key, value);
        }
    }

    /** A time as the file shows it, formatted by PostgreSQL as it sends the row: Beijing time, to the second. */
    private static String time(String column) {
        return "to_char(" + column + " AT TIME ZONE '" + ChinaTime.ZONE.getId() + "', 'YYYY-MM-DD HH24:MI:SS')";
    }
}
