package com.realsim.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.card.CardFixtures;
import com.realsim.card.EndUserService;
import com.realsim.identity.BarSubject;
import com.realsim.identity.BarredIdentities;
import com.realsim.identity.IdDocument;
import com.realsim.identity.NewBar;
import com.realsim.order.OrderFixtures;
import com.realsim.platform.Actor;
import com.realsim.platform.ChinaTime;
import com.realsim.risk.AlertFilter;
import com.realsim.risk.RiskAlerts;
import com.realsim.risk.RiskReverifications;
import com.realsim.risk.RiskScans;
import com.realsim.risk.RuleCode;
import com.realsim.risk.ScanView;
import com.realsim.testsupport.RunAs;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * New alerts and re-verification on the real risk module: a scan that opens an alert on a card of enterprise E tells
 * E's admin and agent A's users once (with the count of their alerts), and OPS requiring re-verification of it tells
 * them again, with the deadline; agent B's tenant hears nothing.
 */
@SpringBootTest
class RiskNotificationsTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    RiskScans scans;

    @Autowired
    RiskAlerts alerts;

    @Autowired
    RiskReverifications reverifications;

    @Autowired
    BarredIdentities bars;

    @Autowired
    EndUserService endUsers;

    @Autowired
    Clock clock;

    @Test
    void aNewAlertAndItsReverificationAreToldToTheCardsTenantOnly() {
        NotificationWorld world = new NotificationWorld(context);
        Actor ops = OrderFixtures.ops();
        String iccid = world.orders
                .enterpriseCards(1, world.orders.endUserPlan(), world.agentA, world.enterpriseE)
                .get(0);
        IdDocument person = CardFixtures.newIdentity();
        RunAs.run(world.a1, () -> endUsers.bind(iccid, CardFixtures.details(person)));
        LocalDate today = ChinaTime.today(clock);
        RunAs.run(
                ops,
                () -> bars.record(new NewBar(
                        BarSubject.PERSON,
                        person.type(),
                        person.number(),
                        null,
                        "通知测试〔2026〕1号",
                        today,
                        today.plusYears(2),
                        "notification check")));

        long scan = RunAs.run(ops, () -> scans.start()).id();
        Awaitility.await()
                .atMost(Duration.ofSeconds(180))
                .until(() -> RunAs.run(ops, () -> scans.scan(scan)).status() != ScanView.ScanStatus.RUNNING);
        long alert = RunAs.run(
                        ops,
                        () -> alerts.list(
                                new AlertFilter(null, RuleCode.BARRED_IDENTITY, null, iccid, null, null), null, 1))
                .get(0)
                .id();

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> world.count(world.e1, NotificationKind.RISK_ALERTS_OPENED) == 1
                        && world.count(world.a1, NotificationKind.RISK_ALERTS_OPENED) == 1
                        && world.count(world.a2, NotificationKind.RISK_ALERTS_OPENED) == 1);
        NotificationView opened =
                RunAs.run(world.e1, () -> notifications().list(null).items().get(0));
        assertThat(opened.arguments()).as("E's cards have one new alert").containsExactly("1");
        assertThat(opened.link()).isEqualTo("/risk/alerts");

        RunAs.run(ops, () -> reverifications.require(alert, "持卡人被列入惩戒名单，请重新核验"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> world.count(world.e1, NotificationKind.REVERIFICATION_REQUIRED) == 1
                        && world.count(world.a2, NotificationKind.REVERIFICATION_REQUIRED) == 1);
        NotificationView required =
                RunAs.run(world.a2, () -> notifications().list(null).items().get(0));
        assertThat(required.kind()).isEqualTo(NotificationKind.REVERIFICATION_REQUIRED);
        assertThat(required.link()).isEqualTo("/risk/alerts/" + alert);
        assertThat(required.arguments()).hasSize(3).startsWith(String.valueOf(alert), "1");
        assertThat(required.arguments().get(2))
                .as("the deadline, China time")
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");

        for (Actor other : List.of(world.b1, world.f1)) {
            assertThat(world.kinds(other)).as(other.name()).isEmpty();
        }
    }

    private Notifications notifications() {
        return context.getBean(Notifications.class);
    }
}
