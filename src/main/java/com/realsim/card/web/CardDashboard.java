package com.realsim.card.web;

import com.realsim.card.BlockingReason;
import com.realsim.card.CardService;
import com.realsim.card.CardState;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.platform.Actor;
import com.realsim.platform.ChinaTime;
import com.realsim.platform.Role;
import com.realsim.platform.TenantScope;
import com.realsim.platform.web.Dashboard;
import com.realsim.platform.web.Dashboard.Chart;
import com.realsim.platform.web.Dashboard.Figure;
import com.realsim.platform.web.Dashboard.Panel;
import com.realsim.platform.web.Dashboard.Series;
import com.realsim.platform.web.Dashboard.Text;
import com.realsim.platform.web.PageTimes;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The card module's dashboard panels, each one statement within the actor's scope: cards by state (OPS, AGENT,
 * ENTERPRISE_ADMIN), blocked cards by reason with what clears each, real-name completion (the enterprise admin's
 * cards; per customer for an agent), data use per day over the last 30 days and the cards that need action now (the
 * enterprise admin's), and the quota drift for OPS and ADMIN while the last check found any.
 *
 * <p>A card's real-name counts as incomplete (the card list's {@code realName=INCOMPLETE}) while it is in service and
 * blocked by {@code UNVERIFIED}, or its current end user is not (yet) verified: bound and waiting for review, or
 * rejected.
 */
@Component
@RequiredArgsConstructor
class CardDashboard implements Dashboard.Contribution {

    static final int USAGE_DAYS = 30;
    static final int ACTION_SHOWN = 8;
    static final int CUSTOMERS_SHOWN = 10;

    /** The condition on card {@code c}: its real-name is incomplete. */
    static final String INCOMPLETE = """
            (EXISTS (SELECT 1 FROM card_blocking_reason r WHERE r.card_id = c.id AND r.cleared_at IS NULL
                     AND r.reason = 'UNVERIFIED')
             OR EXISTS (SELECT 1 FROM card_end_user u WHERE u.card_id = c.id AND u.ended_at IS NULL
                        AND u.status IN ('BOUND', 'REJECTED')))""";

    static final String IN_SERVICE = "c.state NOT IN ('INVENTORY', 'CANCELLED')";

    /** Reasons a customer can act on (the others are cleared by OPS or the operator's systems alone). */
    static final List<String> CUSTOMER_ACTS = List.of(
            "UNVERIFIED",
            "MACHINE_CARD_SEPARATION",
            "RISK_REVERIFICATION_OVERDUE",
            "CUSTOMER_REQUEST",
            "ARREARS",
            "DATA_LIMIT_REACHED");

    private static final Map<CardState, String> TONES = Map.of(
            CardState.INVENTORY, "secondary",
            CardState.TEST, "info",
            CardState.PENDING_ACTIVATION, "warning",
            CardState.ACTIVE, "success",
            CardState.SUSPENDED, "danger",
            CardState.PRE_CANCELLED, "warning",
            CardState.CANCELLED, "dark");

    private final CardService cards;
    private final EnterpriseService enterprises;
    private final JdbcClient jdbc;
    private final PageTimes times;
    private final Clock clock;

    @Override
    @Transactional(readOnly = true)
    public List<Panel> panelsFor(Actor actor) {
        List<Panel> panels = new ArrayList<>();
        if (actor.is(Role.OPS) || actor.is(Role.ADMIN)) {
            long drifted = cards.quotaDrift();
            if (drifted > 0) {
                panels.add(Panel.of(
                        "card-checks",
                        Text.of("card.dashboard.checks"),
                        5,
                        Chart.NONE,
                        List.of(Figure.of(
                                Text.of("card.tile.quotaDrift"), drifted, "/over-limit-identities", "danger"))));
            }
        }
        if (actor.is(Role.ADMIN)) {
            panels.add(imports());
            return panels;
        }
        TenantScope scope = actor.scope();
        panels.add(byState(actor));
        panels.add(blocked(scope));
        if (actor.is(Role.ENTERPRISE_ADMIN)) {
            panels.add(needAction(scope));
            panels.add(realName(scope));
            panels.add(usage(scope));
        }
        if (actor.is(Role.AGENT)) {
            panels.add(realNamePerCustomer(scope));
        }
        return panels;
    }

    private Panel byState(Actor actor) {
        Map<CardState, Long> counts = cards.countByState();
        List<Figure> figures = new ArrayList<>();
        for (CardState state : CardState.values()) {
            if (state == CardState.INVENTORY && !actor.is(Role.OPS)) {
                continue;
            }
            figures.add(Figure.of(
                    Text.of(state.messageKey()),
                    counts.getOrDefault(state, 0L),
                    "/cards?state=" + state.name(),
                    TONES.get(state)));
        }
        return Panel.of("cards-by-state", Text.of("card.chart.byState"), 20, Chart.BAR, figures);
    }

    private Panel blocked(TenantScope scope) {
        Map<BlockingReason, Long> counts = new EnumMap<>(BlockingReason.class);
        jdbc.sql("""
                        SELECT r.reason, count(DISTINCT r.card_id) AS n
                        FROM card_blocking_reason r JOIN card c ON c.id = r.card_id
                        WHERE r.cleared_at IS NULL AND c.state <> 'CANCELLED' AND %s
                        GROUP BY r.reason""".formatted(scope.sqlCondition("c.agent_id", "c.enterprise_id")))
                .param("scopeTenant", scope.sqlParameter())
                .query((rs, n) -> counts.put(BlockingReason.valueOf(rs.getString("reason")), rs.getLong("n")))
                .list();
        List<Figure> figures = new ArrayList<>();
        for (BlockingReason reason : BlockingReason.values()) {
            figures.add(Figure.of(
                            Text.of(reason.messageKey()),
                            counts.getOrDefault(reason, 0L),
                            "/cards?reason=" + reason.name(),
                            "danger")
                    .withDetail(Text.of(reason.clearedBy().messageKey())));
        }
        return Panel.of("blocked-by-reason", Text.of("card.dashboard.blocked"), 30, Chart.BAR, figures);
    }

    private Panel realName(TenantScope scope) {
        long[] counts = jdbc.sql(
                        """
                        SELECT count(*) FILTER (WHERE %1$s) AS incomplete, count(*) AS cards
                        FROM card c WHERE %2$s AND %3$s""".formatted(INCOMPLETE, IN_SERVICE, scope.sqlCondition("c.agent_id", "c.enterprise_id")))
                .param("scopeTenant", scope.sqlParameter())
                .query((rs, n) -> new long[] {rs.getLong("incomplete"), rs.getLong("cards")})
                .single();
        long incomplete = counts[0];
        long complete = counts[1] - incomplete;
        return Panel.of(
                        "real-name",
                        Text.of("card.dashboard.realName"),
                        40,
                        Chart.PIE,
                        List.of(
                                Figure.of(
                                        Text.of("card.dashboard.realName.COMPLETE"),
                                        complete,
                                        "/cards?realName=COMPLETE",
                                        "success"),
                                Figure.of(
                                        Text.of("card.dashboard.realName.INCOMPLETE"),
                                        incomplete,
                                        "/cards?realName=INCOMPLETE",
                                        "warning")))
                .withNote(Text.of("card.dashboard.realName.share", percent(complete, counts[1])));
    }

    private Panel realNamePerCustomer(TenantScope scope) {
        Map<Long, long[]> rows = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT c.enterprise_id, count(*) FILTER (WHERE %1$s) AS incomplete, count(*) AS cards
                        FROM card c WHERE %2$s AND %3$s
                        GROUP BY c.enterprise_id
                        ORDER BY incomplete DESC, c.enterprise_id LIMIT :shown""".formatted(INCOMPLETE, IN_SERVICE, scope.sqlCondition("c.agent_id", "c.enterprise_id")))
                .param("scopeTenant", scope.sqlParameter())
                .param("shown", CUSTOMERS_SHOWN)
                .query((rs, n) -> rows.put(
                        rs.getLong("enterprise_id"), new long[] {rs.getLong("incomplete"), rs.getLong("cards")}))
                .list();
        Map<Long, String> names = rows.isEmpty() ? Map.of() : enterprises.names(rows.keySet());
        List<Figure> figures = new ArrayList<>();
        rows.forEach((enterpriseId, counts) -> figures.add(Figure.of(
                        Text.plain(names.getOrDefault(enterpriseId, "#" + enterpriseId)),
                        counts[0],
                        "/cards?enterprise=" + enterpriseId + "&realName=INCOMPLETE",
                        counts[0] > 0 ? "warning" : "success")
                .withDetail(Text.of(
                        "card.dashboard.realName.customer",
                        counts[1] - counts[0],
                        counts[1],
                        percent(counts[1] - counts[0], counts[1])))));
        return Panel.of("real-name-per-customer", Text.of("card.dashboard.realNamePerCustomer"), 40, Chart.BAR, figures)
                .withNote(Text.of("card.dashboard.realNamePerCustomer.note"));
    }

    private Panel usage(TenantScope scope) {
        LocalDate today = ChinaTime.today(clock);
        Map<LocalDate, Long> megabytes = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT u.usage_date, sum(u.data_kb + u.non_directional_kb) / 1024 AS mb
                        FROM card_usage u
                        WHERE u.usage_date BETWEEN :from AND :to AND %s
                        GROUP BY u.usage_date""".formatted(scope.sqlCondition("u.agent_id", "u.enterprise_id")))
                .param("scopeTenant", scope.sqlParameter())
                .param("from", Date.valueOf(today.minusDays(USAGE_DAYS - 1)))
                .param("to", Date.valueOf(today))
                .query((rs, n) -> megabytes.put(rs.getDate("usage_date").toLocalDate(), rs.getLong("mb")))
                .list();
        return Panel.days(
                        "data-use",
                        Text.of("card.dashboard.usage", USAGE_DAYS),
                        50,
                        USAGE_DAYS,
                        List.of(new Series(
                                Text.of("card.dashboard.usage.mb"), megabytes, "/cards?state=ACTIVE", "primary")))
                .withNote(Text.of("card.dashboard.usage.note"));
    }

    private Panel needAction(TenantScope scope) {
        List<Figure> figures = new ArrayList<>();
        long[] total = {0};
        jdbc.sql("""
                        SELECT c.id, c.iccid, r.reason, r.since, count(*) OVER () AS total
                        FROM card_blocking_reason r JOIN card c ON c.id = r.card_id
                        WHERE r.cleared_at IS NULL AND c.state <> 'CANCELLED' AND r.reason IN (:reasons) AND %s
                        ORDER BY r.since, r.card_id LIMIT :shown""".formatted(scope.sqlCondition("c.agent_id", "c.enterprise_id")))
                .param("scopeTenant", scope.sqlParameter())
                .param("reasons", CUSTOMER_ACTS)
                .param("shown", ACTION_SHOWN)
                .query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    BlockingReason reason = BlockingReason.valueOf(rs.getString("reason"));
                    return figures.add(new Figure(
                            Text.plain(rs.getString("iccid")),
                            null,
                            "/cards/" + rs.getLong("id"),
                            Text.of(
                                    "card.dashboard.action.detail",
                                    Text.of(reason.messageKey()),
                                    times.format(rs.getTimestamp("since").toInstant()),
                                    Text.of(reason.clearedBy().messageKey())),
                            "danger"));
                })
                .list();
        Panel panel = Panel.of("cards-need-action", Text.of("card.dashboard.action"), 15, Chart.NONE, figures);
        return total[0] > figures.size()
                ? panel.withNote(Text.of("card.dashboard.action.more", total[0] - figures.size()))
                : panel;
    }

    /** ADMIN: the inventory imports of the last 30 days by status (their pages are OPS'). */
    private Panel imports() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String status : List.of("QUEUED", "RUNNING", "FINISHED", "FAILED")) {
            counts.put(status, 0L);
        }
        jdbc.sql("SELECT status, count(*) AS n FROM card_import WHERE created_at >= :since GROUP BY status")
                .param("since", java.sql.Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(USAGE_DAYS))))
                .query((rs, n) -> counts.put(rs.getString("status"), rs.getLong("n")))
                .list();
        List<Figure> figures = new ArrayList<>();
        counts.forEach((status, n) -> figures.add(Figure.of(
                Text.of("card.dashboard.imports", Text.of("card.import.status." + status)),
                n,
                null,
                "FAILED".equals(status) ? "danger" : "secondary")));
        return Panel.of("imports-exports", Text.of("dashboard.importsExports", USAGE_DAYS), 30, Chart.BAR, figures)
                .withNote(Text.of("card.dashboard.imports.note"));
    }

    private static long percent(long part, long whole) {
        return whole == 0 ? 100 : Math.round(100.0 * part / whole);
    }
}
