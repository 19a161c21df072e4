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
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
                   c.activated_at, g.last_usage_on::timestamp AT TIME ZONE 'Asia/Shanghai' AS last_usage_at,
                   c.pre_cancelled_at, c.updated_at,
                   b.reason, b.since, b.added_by, b.note, b.cleared_at, b.cleared_by, b.clear_note,
                   u.name_masked, u.id_type, u.id_number_masked, u.id_address_masked, u.status AS end_user_status,
                   u.verification_case_id, u.id_front_document_id, u.id_back_document_id,
                   u.live_photo_document_id, u.bound_at, u.bound_by,
                   x.exception_id, x.kind AS exception_kind, x.requirement_code, x.approved_by, x.approved_at,
                   s.enterprise_id AS standing_enterprise_id, s.agent_id AS standing_agent_id,
                   s.status AS enterprise_status, s.legal_representative, s.authorization_valid_from,
                   s.authorization_valid_to
            FROM card c
            LEFT JOIN card_usage_summary g ON g.card_id = c.id
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

    /**
     * The statement's text for each key and scope condition, made once: Spring JDBC's and the driver's caches of
     * prepared statements look the text up by its hash, which a string made anew for each read (1.5 KB, formatted)
     * had to compute again, twice per read.
     */
    private final Map<List<String>, String> statements = new ConcurrentHashMap<>();

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

    /**
     * The statement's rows are taken as they are and the connection returned before anything else is asked (a plan,
     * the rules, the standing's judgement may need a connection of their own: asked while holding this one, 32
     * concurrent reads on a pool of 12 would wait for each other for ever).
     */
    private Optional<CardView> read(String key, Object value, TenantScope scope) {
        String statement = statements.computeIfAbsent(
                List.of(key, scope.sqlCondition("c.agent_id", "c.enterprise_id")),
                parts -> STATUS.formatted(parts.get(0), parts.get(1)));
        List<Map<String, Object>> rows = jdbc.sql(statement)
                .param("key", value)
                .param("scopeTenant", scope.sqlParameter())
                .query()
                .listOfRows();
        return rows.isEmpty() ? Optional.empty() : Optional.of(view(rows));
    }

    /** The rows of one card: one per blocking reason, active ones first, each group oldest first. */
    private CardView view(List<Map<String, Object>> rows) {
        Map<String, Object> card = rows.get(0);
        String msisdn = (String) card.get("msisdn");
        ServicePlanSummary plan = plans.plan(number(card, "plan_id"));
        Long handledByOrderId = number(card, "handled_by_order_id");
        Optional<EndUserView> endUser = endUser(card);
        Optional<ApprovedException> approval = approval(card);
        Optional<EnterpriseStanding> standing = standing(card);
        List<BlockingReasonView> reasons = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (row.get("reason") != null) {
                reasons.add(new BlockingReasonView(
                        BlockingReason.valueOf((String) row.get("reason")),
                        instant(row, "since"),
                        (String) row.get("added_by"),
                        (String) row.get("note"),
                        instant(row, "cleared_at"),
                        (String) row.get("cleared_by"),
                        (String) row.get("clear_note")));
            }
        }
        return new CardView(
                number(card, "id"),
                (String) card.get("iccid"),
                msisdn,
                (String) card.get("imsi"),
                Operator.valueOf((String) card.get("operator")),
                plan,
                CardState.valueOf((String) card.get("state")),
                number(card, "agent_id"),
                number(card, "enterprise_id"),
                (Boolean) card.get("imei_binding"),
                Imei.mask((String) card.get("bound_imei")),
                number(card, "rebinds_in_month").intValue(),
                reasons,
                realName.assess(
                        plan, msisdn, standing, handledByOrderId != null, endUser.map(EndUserView::status), approval),
                endUser.orElse(null),
                approval.orElse(null),
                handledByOrderId,
                instant(card, "created_at"),
                instant(card, "activated_at"),
                instant(card, "last_usage_at"),
                instant(card, "pre_cancelled_at"),
                instant(card, "updated_at"));
    }

    /**
     * The columns {@link #approval} and {@link #standing} read, for a statement of many cards ({@link RealNameOfCards})
     * that joins {@code approved_exception x} and {@code enterprise_standing s} as this one does.
     */
    static final String FACT_COLUMNS = """
            x.exception_id, x.kind AS exception_kind, x.requirement_code, x.approved_by, x.approved_at,
            s.enterprise_id AS standing_enterprise_id, s.agent_id AS standing_agent_id,
            s.status AS enterprise_status, s.legal_representative, s.authorization_valid_from,
            s.authorization_valid_to""";

    /** The current end user, masked as {@link CardEndUser#view()} shows them. */
    private static Optional<EndUserView> endUser(Map<String, Object> row) {
        String status = (String) row.get("end_user_status");
        if (status == null) {
            return Optional.empty();
        }
        IdType idType = IdType.valueOf((String) row.get("id_type"));
        return Optional.of(new EndUserView(
                (String) row.get("name_masked"),
                idType,
                (String) row.get("id_number_masked"),
                (String) row.get("id_address_masked"),
                EndUserStatus.valueOf(status),
                number(row, "verification_case_id"),
                number(row, "id_front_document_id"),
                number(row, "id_back_document_id"),
                number(row, "live_photo_document_id"),
                CardEndUser.backNeeded(idType),
                instant(row, "bound_at"),
                (String) row.get("bound_by")));
    }

    static Optional<ApprovedException> approval(Map<String, Object> row) {
        Long exceptionId = number(row, "exception_id");
        return exceptionId == null
                ? Optional.empty()
                : Optional.of(new ApprovedException(
                        exceptionId,
                        number(row, "id"),
                        (String) row.get("iccid"),
                        ExceptionKind.valueOf((String) row.get("exception_kind")),
                        (String) row.get("requirement_code"),
                        (String) row.get("approved_by"),
                        instant(row, "approved_at")));
    }

    Optional<EnterpriseStanding> standing(Map<String, Object> row) {
        Long enterpriseId = number(row, "standing_enterprise_id");
        return enterpriseId == null
                ? Optional.empty()
                : Optional.of(enterprises.standing(new StandingFacts(
                        enterpriseId,
                        number(row, "standing_agent_id"),
                        EnterpriseStatus.valueOf((String) row.get("enterprise_status")),
                        (Boolean) row.get("legal_representative"),
                        date(row, "authorization_valid_from"),
                        date(row, "authorization_valid_to"))));
    }

    static Long number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? null : ((Number) value).longValue();
    }

    private static Instant instant(Map<String, Object> row, String column) {
        Object value = row.get(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return ((OffsetDateTime) value).toInstant();
    }

    private static LocalDate date(Map<String, Object> row, String column) {
        Object value = row.get(column);
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Date day) {
            return day.toLocalDate();
        }
        return (LocalDate) value;
    }
}
