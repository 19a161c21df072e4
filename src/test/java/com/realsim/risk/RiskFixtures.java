package com.realsim.risk;

import com.realsim.card.CardFixtures;
import com.realsim.card.CardUsageService;
import com.realsim.card.CardUsageService.Report;
import com.realsim.platform.ChinaTime;
import com.realsim.testsupport.RunAs;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the risk tests build on: cards, usage and bindings made through the real modules (CardFixtures), a rule
 * applied at a chosen instant with chosen parameters and severity, and the alert it left for a subject.
 */
final class RiskFixtures {

    final CardFixtures cards;
    final CardUsageService usage;
    final RuleScan scans;
    final RiskRules rules;
    final JdbcClient jdbc;
    final Clock clock;

    RiskFixtures(ApplicationContext context) {
        this.cards = new CardFixtures(context);
        this.usage = context.getBean(CardUsageService.class);
        this.scans = context.getBean(RuleScan.class);
        this.rules = context.getBean(RiskRules.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.clock = context.getBean(Clock.class);
    }

    LocalDate today() {
        return ChinaTime.today(clock);
    }

    /** The operator's feed reports one day of a card's usage. */
    void used(String iccid, LocalDate day, long dataKb, long sms, long voice, String imei) {
        CardUsageService.Outcome outcome = RunAs.run(
                CardFixtures.OPS,
                () -> usage.ingest(List.of(new Report(iccid, day.toString(), dataKb, sms, voice, imei, null))));
        if (outcome.accepted() != 1) {
            throw new IllegalStateException("Usage refused: " + outcome.rejected());
        }
    }

    /** The rule as seeded, with these parameters and this severity instead. */
    RiskRuleView rule(RuleCode code, Severity severity, Map<String, Integer> parameters) {
        RiskRuleView seeded = RunAs.run(CardFixtures.ADMIN, () -> rules.rule(code));
        Map<String, BigDecimal> values = new TreeMap<>(seeded.parameters());
        parameters.forEach((name, value) -> values.put(name, BigDecimal.valueOf(value)));
        return new RiskRuleView(code, true, severity, values, seeded.ranges(), seeded.updatedAt(), seeded.updatedBy());
    }

    RuleScan.Outcome apply(RuleCode code, Map<String, Integer> parameters, Instant at) {
        return apply(rule(code, Severity.HIGH, parameters), at);
    }

    RuleScan.Outcome apply(RiskRuleView rule, Instant at) {
        return scans.apply(rule, null, at);
    }

    record Alert(long id, String severity, String status, String evidence, int cards) {}

    /** The newest alert of the rule about the subject. */
    Optional<Alert> alert(RuleCode code, String subjectKind, String subjectKey) {
        return jdbc.sql("""
                        SELECT a.id, a.severity, a.status, a.evidence::text,
                               (SELECT count(*) FROM risk_alert_card c WHERE c.alert_id = a.id)
                        FROM risk_alert a WHERE rule_code = ? AND subject_kind = ? AND subject_key = ?
                        ORDER BY id DESC LIMIT 1""")
                .params(code.name(), subjectKind, subjectKey)
                .query((rs, row) ->
                        new Alert(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .optional();
    }

    Optional<Alert> cardAlert(RuleCode code, String iccid) {
        return alert(code, "CARD", Long.toString(cards.cardId(iccid)));
    }

    long alertCount(RuleCode code, String subjectKind, String subjectKey) {
        return jdbc.sql("SELECT count(*) FROM risk_alert WHERE rule_code = ? AND subject_kind = ? AND subject_key = ?")
                .params(code.name(), subjectKind, subjectKey)
                .query(Long.class)
                .single();
    }
}
