package com.realsim.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.realsim.account.AccountService;
import com.realsim.account.CustomerHandOver;
import com.realsim.card.CardFixtures;
import com.realsim.card.CardTestConfiguration;
import com.realsim.identity.IdDocument;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.NotFoundException;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import com.realsim.verification.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The alert lifecycle: one open alert per rule and subject however often a rule finds it, severity that rises and
 * never falls, a dismissed alert quiet for the cooldown on a movable clock (and found again after it), claim and
 * release between two OPS people, bulk dismissal, and what each tenant reads of an alert.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(CardTestConfiguration.class)
class RiskAlertsTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    @Autowired
    RiskAlerts alerts;

    RiskFixtures risk;
    CardFixtures cards;
    long agentId;
    long enterpriseId;
    final Actor ops = ActorAuthentication.actor(Role.OPS, null, null);

    @BeforeEach
    void tenant() {
        risk = new RiskFixtures(context);
        cards = risk.cards;
        agentId = CardFixtures.newAgent();
        enterpriseId = cards.verifiedEnterprise(agentId);
    }

    /** A card that SILENT_CARD (30 days) finds at the clock's instant plus 30 days. */
    String silentCard() {
        return cards.activeDataCard(agentId, enterpriseId);
    }

    void silentScan(Severity severity) {
        risk.apply(
                risk.rule(RuleCode.SILENT_CARD, severity, Map.of("days", 30)),
                clock.instant().plus(Duration.ofDays(30)));
    }

    @Test
    void oneOpenAlertPerRuleAndSubjectAndItsSeverityOnlyRises() {
        String iccid = silentCard();
        String subject = Long.toString(cards.cardId(iccid));
        silentScan(Severity.MEDIUM);
        silentScan(Severity.MEDIUM);
        assertThat(risk.alertCount(RuleCode.SILENT_CARD, "CARD", subject)).isEqualTo(1);
        assertThat(risk.cardAlert(RuleCode.SILENT_CARD, iccid).orElseThrow().severity())
                .isEqualTo("MEDIUM");

        silentScan(Severity.CRITICAL);
        assertThat(risk.cardAlert(RuleCode.SILENT_CARD, iccid).orElseThrow().severity())
                .isEqualTo("CRITICAL");
        silentScan(Severity.LOW);
        assertThat(risk.cardAlert(RuleCode.SILENT_CARD, iccid).orElseThrow().severity())
                .as("a later finding never lowers it")
                .isEqualTo("CRITICAL");
        assertThat(risk.alertCount(RuleCode.SILENT_CARD, "CARD", subject)).isEqualTo(1);
        assertThat(risk.cardAlert(RuleCode.SILENT_CARD, iccid).orElseThrow().cards())
                .isEqualTo(1);
    }

    @Test
    void aDismissedAlertStaysQuietForTheCooldownThenOpensAgain() {
        Duration cooldown = RunAs.run(ops, () -> risk.rules.settings()).dismissalCooldown();
        String iccid = silentCard();
        String subject = Long.toString(cards.cardId(iccid));
        // silent for one day: found at every instant of the test, so that only the cooldown keeps it quiet
        risk.apply(
                risk.rule(RuleCode.SILENT_CARD, Severity.MEDIUM, Map.of("days", 1)),
                clock.instant().plus(Duration.ofDays(1)));
        long id = risk.cardAlert(RuleCode.SILENT_CARD, iccid).orElseThrow().id();

        AlertView dismissed = RunAs.run(ops, () -> alerts.dismiss(id, "设备在仓库中待安装"));
        assertThat(dismissed.status()).isEqualTo(AlertStatus.DISMISSED);
        assertThat(dismissed.decisionReason()).isEqualTo("设备在仓库中待安装");
        assertThat(dismissed.dismissedUntil())
                // PostgreSQL keeps microseconds, rounding the nanoseconds of the clock
                .isCloseTo(clock.instant().plus(cooldown), within(1, java.time.temporal.ChronoUnit.MICROS));

        clock.advance(cooldown.minusSeconds(1));
        risk.apply(risk.rule(RuleCode.SILENT_CARD, Severity.MEDIUM, Map.of("days", 1)), clock.instant());
        assertThat(risk.alertCount(RuleCode.SILENT_CARD, "CARD", subject))
                .as("within the cooldown")
                .isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        risk.apply(risk.rule(RuleCode.SILENT_CARD, Severity.MEDIUM, Map.of("days", 1)), clock.instant());
        assertThat(risk.alertCount(RuleCode.SILENT_CARD, "CARD", subject)).isEqualTo(2);
        assertThat(risk.cardAlert(RuleCode.SILENT_CARD, iccid).orElseThrow().status())
                .isEqualTo("OPEN");

        assertThatThrownBy(() -> RunAs.run(ops, () -> alerts.dismiss(id, "再次忽略")))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.ILLEGAL_STATE_TRANSITION));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> risk.jdbc
                                .sql("SELECT count(*) FROM audit_entry WHERE action = 'RISK_ALERT_DISMISSED'"
                                        + " AND target_type = 'RISK_ALERT' AND target_id = ? AND agent_id = ?")
                                .params(Long.toString(id), agentId)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    @Test
    void oneOpsPersonHoldsAnAlertUntilReleasingIt() {
        String iccid = silentCard();
        silentScan(Severity.MEDIUM);
        long id = risk.cardAlert(RuleCode.SILENT_CARD, iccid).orElseThrow().id();
        Actor other = ActorAuthentication.actor(Role.OPS, null, null);

        assertThat(RunAs.run(ops, () -> alerts.claim(id)).assignee()).isEqualTo(ops.name());
        assertThatThrownBy(() -> RunAs.run(other, () -> alerts.claim(id)))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("risk.alert.heldByOther"));
        assertThatThrownBy(() -> RunAs.run(other, () -> alerts.release(id))).isInstanceOf(DomainException.class);
        assertThat(RunAs.run(
                        ops,
                        () -> alerts.list(
                                new AlertFilter(null, RuleCode.SILENT_CARD, null, iccid, ops.name(), null), null, 10)))
                .extracting(AlertView::id)
                .containsExactly(id);
        assertThat(RunAs.run(ops, () -> alerts.release(id)).assignee()).isNull();
        assertThat(RunAs.run(other, () -> alerts.claim(id)).assignee()).isEqualTo(other.name());
    }

    @Test
    void bulkDismissalTakesTheOpenAlertsAndNamesTheOthers() {
        String first = silentCard();
        String second = silentCard();
        silentScan(Severity.MEDIUM);
        long a = risk.cardAlert(RuleCode.SILENT_CARD, first).orElseThrow().id();
        long b = risk.cardAlert(RuleCode.SILENT_CARD, second).orElseThrow().id();
        RunAs.run(ops, () -> alerts.dismiss(a, "已核实"));

        BulkOutcome outcome = RunAs.run(ops, () -> alerts.dismiss(List.of(a, b, Long.MAX_VALUE), "批量核实无风险"));
        assertThat(outcome.done()).containsExactly(b);
        assertThat(outcome.skipped()).containsExactly(a, Long.MAX_VALUE);
        assertThat(risk.cardAlert(RuleCode.SILENT_CARD, second).orElseThrow().status())
                .isEqualTo("DISMISSED");
    }

    @Test
    void tenantsReadTheAlertsOnTheirOwnCardsOnly() {
        String iccid = silentCard();
        silentScan(Severity.MEDIUM);
        long id = risk.cardAlert(RuleCode.SILENT_CARD, iccid).orElseThrow().id();
        Actor agent = CardFixtures.agent(agentId);
        Actor admin = CardFixtures.enterpriseAdmin(enterpriseId);
        assertThat(RunAs.run(agent, () -> alerts.alert(id)).iccid()).isEqualTo(iccid);
        assertThat(RunAs.run(admin, () -> alerts.alert(id)).cards()).containsExactly(iccid);

        long otherAgent = CardFixtures.newAgent();
        long siblingEnterprise = cards.verifiedEnterprise(agentId);
        for (Actor intruder : List.of(
                CardFixtures.agent(otherAgent),
                CardFixtures.enterpriseAdmin(siblingEnterprise),
                ActorAuthentication.actor(Role.ADMIN, null, null))) {
            assertThatThrownBy(() -> RunAs.run(intruder, () -> alerts.alert(id)))
                    .as(intruder.role().name())
                    .isInstanceOf(NotFoundException.class);
            assertThat(RunAs.run(intruder, () -> alerts.list(AlertFilter.none(), null, 200)))
                    .extracting(AlertView::id)
                    .doesNotContain(id);
        }
    }

    @Test
    void alertsFollowAHandedOverEnterpriseToItsNewAgent() {
        // the hand-over needs agent organisations of record, not only tenant ids
        AccountService accounts = context.getBean(AccountService.class);
        long agentId =
                RunAs.run(CardFixtures.ADMIN, () -> accounts.createAgent("原渠道")).id();
        long newAgent =
                RunAs.run(CardFixtures.ADMIN, () -> accounts.createAgent("新渠道")).id();
        long enterpriseId = cards.verifiedEnterprise(agentId);
        String iccid = cards.activeDataCard(agentId, enterpriseId);
        silentScan(Severity.MEDIUM);
        long id = risk.cardAlert(RuleCode.SILENT_CARD, iccid).orElseThrow().id();

        RunAs.run(
                CardFixtures.ADMIN,
                () -> context.getBean(CustomerHandOver.class).handOverEnterprise(enterpriseId, newAgent, "客户更换代理商"));

        assertThat(RunAs.run(CardFixtures.agent(newAgent), () -> alerts.alert(id))
                        .iccid())
                .isEqualTo(iccid);
        assertThat(RunAs.run(CardFixtures.agent(newAgent), () -> alerts.list(AlertFilter.none(), null, 200)))
                .extracting(AlertView::id)
                .contains(id);
        assertThatThrownBy(() -> RunAs.run(CardFixtures.agent(agentId), () -> alerts.alert(id)))
                .isInstanceOf(NotFoundException.class);
        assertThat(RunAs.run(CardFixtures.agent(agentId), () -> alerts.list(AlertFilter.none(), null, 200)))
                .extracting(AlertView::id)
                .doesNotContain(id);
    }

    @Test
    void anIdentityAcrossTwoAgentsShowsEachAgentItsOwnCardsOnly() {
        IdDocument person = CardFixtures.newIdentity();
        long otherAgent = CardFixtures.newAgent();
        long otherEnterprise = cards.verifiedEnterprise(otherAgent);
        String mine = cards.enterpriseCard(agentId, enterpriseId, "138", cards.nonDirectionalDataPlan());
        String theirs = cards.enterpriseCard(otherAgent, otherEnterprise, "138", cards.nonDirectionalDataPlan());
        cards.bind(agentId, mine, person);
        cards.bind(otherAgent, theirs, person);
        risk.apply(RuleCode.IDENTITY_ACROSS_ENTERPRISES, Map.of("enterprises", 2), clock.instant());
        long id = risk.alert(RuleCode.IDENTITY_ACROSS_ENTERPRISES, "IDENTITY", cards.quotaKey(person))
                .orElseThrow()
                .id();

        AlertView asOps = RunAs.run(ops, () -> alerts.alert(id));
        assertThat(asOps.cards()).containsExactlyInAnyOrder(mine, theirs);
        assertThat(asOps.evidence()).containsKey("iccids");
        assertThat(asOps.subject()).isEqualTo(person.masked());

        AlertView asAgent = RunAs.run(CardFixtures.agent(agentId), () -> alerts.alert(id));
        assertThat(asAgent.cards()).containsExactly(mine);
        assertThat(asAgent.evidence()).doesNotContainKey("iccids");
        assertThat(asAgent.evidence().toString()).doesNotContain(theirs);
        AlertView asOther = RunAs.run(CardFixtures.agent(otherAgent), () -> alerts.alert(id));
        assertThat(asOther.cards()).containsExactly(theirs);
    }
}
