package com.realsim.card.domain;

import com.realsim.approval.ApprovedException;
import com.realsim.approval.ExceptionKind;
import com.realsim.card.BlockingReason;
import com.realsim.card.BlockingReasonView;
import com.realsim.card.CardState;
import com.realsim.card.CardView;
import com.realsim.card.EndUserStatus;
import com.realsim.card.EndUserView;
import com.realsim.card.Imei;
import com.realsim.catalogue.Operator;
import com.realsim.catalogue.ServicePlanService;
import com.realsim.catalogue.ServicePlanSummary;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.enterprise.EnterpriseStanding;
import com.realsim.enterprise.EnterpriseStatus;
import com.realsim.enterprise.StandingFacts;
import com.realsim.identity.IdType;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.TenantScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A card as pages and the Partner API show it ({@link CardView}), read in one statement: the card, its blocking
 * reasons (one row each), its current end user (the masked columns only), its approved exception (the approval
 * module's view {@code approved_exception}) and its enterprise's standing facts (the enterprise module's view {@code
 * enterprise_standing}), within the actor's tenant scope. The rules stay where they live: the real-name is judged by
 * {@link CardRealName}, the enterprise's standing by {@link EnterpriseService#standing(StandingFacts)}; plans and the
 * real-name rules come from their caches. Runs in the caller's transaction if there is one (after a change, the
 * caller flushes first), otherwise as a single statement on its own.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CardStatuses {

    private static final String STATUS = """
            SELECT c.id, c.iccid, c.msisdn, c.imsi, c.operator, c.plan_id, c.state, c.agent_id, c.enterprise_id,
                   c.imei_binding, c.bound_imei, c.rebinds_in_month, c.handled_by_order_id, c.created_at,
                   c.activated_at, c.last_usage_at, c.pre_cancelled_at, c.updated_at,
                   b.reason, b.since, b.added_by, b.note, b.cleared_at, b.cleared_by, b.clear_note,
                   u.name_masked, u.id_type, u.id_number_masked, u.id_address_masked, u.status AS end_user_status,
                   u.verification_case_id, u.id_front_document_id, u.id_back_document_id,
                   u.live_photo_document_id, u.bound_at, u.bound_by,
                   x.exception_id, x.kind AS exception_kind, x.requirement_code, x.approved_by, x.approved_at,
                   s.enterprise_id AS standing_enterprise_id, s.agent_id AS standing_agent_id,
                   s.status AS enterprise_status, s.legal_representative, s.authorization_valid_from,
                   s.authorization_valid_to
            FROM card c
            LEFT JOIN card_blocking_reason b ON b.card_id = c.id
            LEFT JOIN card_end_user u ON u.card_id = c.id AND u.ended_at IS NULL
            LEFT JOIN approved_exception x ON x.card_id = c.id
            LEFT JOIN enterprise_standing s ON s.enterprise_id = c.enterprise_id
            WHERE %s AND %s
            ORDER BY b.cleared_at IS NOT NULL, b.since, b.id""";

    private final JdbcClient jdbc;
    private final ServicePlanService plans;
    private final CardRealName realName;
    private final EnterpriseService enterprises;

    /** The card with this ICCID if the current actor may see it (another tenant's card is not found). */
    public Optional<CardView> visible(String iccid) {
        return read("c.iccid = :key", iccid, CurrentActor.scope());
    }

    /** The card with this id if the current actor may see it (another tenant's card is not found). */
    public Optional<CardView> visible(long id) {
        return read("c.id = :key", id, CurrentActor.scope());
    }

    /** The card with this id, whoever owns it: for a card just changed, which the caller loaded through the scope. */
    public CardView of(long id) {
        return read("c.id = :key", id, TenantScope.everything()).orElseThrow();
    }

    private Optional<CardView> read(String key, Object value, TenantScope scope) {
        return jdbc.sql(STATUS.formatted(key, scope.sqlCondition("c.agent_id", "c.enterprise_id")))
                .param("key", value)
                .param("scopeTenant", scope.sqlParameter())
                .query(this::view);
    }

    /** The rows of one card (one per blocking reason, active ones first, each group oldest first), or none. */
    private Optional<CardView> view(ResultSet rows) throws SQLException {
        if (!rows.next()) {
            return Optional.empty();
        }
        long id = rows.getLong("id");
        String msisdn = rows.getString("msisdn");
        ServicePlanSummary plan = plans.plan(rows.getLong("plan_id"));
        Long enterpriseId = longOrNull(rows, "enterprise_id");
        Long handledByOrderId = longOrNull(rows, "handled_by_order_id");
        Optional<EndUserView> endUser = endUser(rows);
        Optional<ApprovedException> approval = approval(rows);
        Optional<EnterpriseStanding> standing = standing(rows);
        // filled from every row below: the card's own columns are the same on each
        List<BlockingReasonView> reasons = new ArrayList<>();
        CardView card = new CardView(
                id,
                rows.getString("iccid"),
                msisdn,
                rows.getString("imsi"),
                Operator.valueOf(rows.getString("operator")),
                plan,
                CardState.valueOf(rows.getString("state")),
                longOrNull(rows, "agent_id"),
                enterpriseId,
                rows.getBoolean("imei_binding"),
                Imei.mask(rows.getString("bound_imei")),
                rows.getInt("rebinds_in_month"),
                reasons,
                realName.assess(
                        plan, msisdn, standing, handledByOrderId != null, endUser.map(EndUserView::status), approval),
                endUser.orElse(null),
                approval.orElse(null),
                handledByOrderId,
                instant(rows, "created_at"),
                instant(rows, "activated_at"),
                instant(rows, "last_usage_at"),
                instant(rows, "pre_cancelled_at"),
                instant(rows, "updated_at"));
        do {
            if (rows.getString("reason") != null) {
                reasons.add(new BlockingReasonView(
                        BlockingReason.valueOf(rows.getString("reason")),
                        instant(rows, "since"),
                        rows.getString("added_by"),
                        rows.getString("note"),
                        instant(rows, "cleared_at"),
                        rows.getString("cleared_by"),
                        rows.getString("clear_note")));
            }
        } while (rows.next());
        return Optional.of(card);
    }

    /** The current end user, masked as {@link CardEndUser#view()} shows them. */
    private static Optional<EndUserView> endUser(ResultSet rows) throws SQLException {
        String status = rows.getString("end_user_status");
        if (status == null) {
            return Optional.empty();
        }
        IdType idType = IdType.valueOf(rows.getString("id_type"));
        return Optional.of(new EndUserView(
                rows.getString("name_masked"),
                idType,
                rows.getString("id_number_masked"),
                rows.getString("id_address_masked"),
                EndUserStatus.valueOf(status),
                longOrNull(rows, "verification_case_id"),
                longOrNull(rows, "id_front_document_id"),
                longOrNull(rows, "id_back_document_id"),
                longOrNull(rows, "live_photo_document_id"),
                CardEndUser.backNeeded(idType),
                instant(rows, "bound_at"),
                rows.getString("bound_by")));
    }

    private static Optional<ApprovedException> approval(ResultSet rows) throws SQLException {
        Long exceptionId = longOrNull(rows, "exception_id");
        return exceptionId == null
                ? Optional.empty()
                : Optional.of(new ApprovedException(
                        exceptionId,
                        rows.getLong("id"),
                        rows.getString("iccid"),
                        ExceptionKind.valueOf(rows.getString("exception_kind")),
                        rows.getString("requirement_code"),
                        rows.getString("approved_by"),
                        instant(rows, "approved_at")));
    }

    private Optional<EnterpriseStanding> standing(ResultSet rows) throws SQLException {
        Long enterpriseId = longOrNull(rows, "standing_enterprise_id");
        if (enterpriseId == null) {
            return Optional.empty();
        }
        boolean legal = rows.getBoolean("legal_representative");
        Boolean legalRepresentative = rows.wasNull() ? null : legal;
        return Optional.of(enterprises.standing(new StandingFacts(
                enterpriseId,
                rows.getLong("standing_agent_id"),
                EnterpriseStatus.valueOf(rows.getString("enterprise_status")),
                legalRepresentative,
                rows.getObject("authorization_valid_from", LocalDate.class),
                rows.getObject("authorization_valid_to", LocalDate.class))));
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        Timestamp value = rows.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Long longOrNull(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }
}
