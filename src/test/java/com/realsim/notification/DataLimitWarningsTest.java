package com.realsim.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.card.CardUsageService;
import com.realsim.card.CardUsageService.Report;
import com.realsim.catalogue.NewServicePlan;
import com.realsim.catalogue.ServiceDirection;
import com.realsim.catalogue.ServicePlanService;
import com.realsim.order.OrderFixtures;
import com.realsim.platform.ChinaTime;
import com.realsim.testsupport.RunAs;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The warning before the operator's data-limit stop, on the real usage feed and plans: a card of enterprise E past
 * 90 % of its plan's 1 MB this month gives E's admin and agent A's users one notice with the count; a card below it
 * and another tenant's card below it give nothing; a second card crossing updates the same notice (count 2, unread
 * again); the next run with nothing new changes nothing.
 */
@SpringBootTest
class DataLimitWarningsTest {

    private static final AtomicInteger plans = new AtomicInteger();

    @Autowired
    ApplicationContext context;

    @Autowired
    ServicePlanService planService;

    @Autowired
    CardUsageService usage;

    @Autowired
    DataLimitWarnings warnings;

    @Autowired
    Notifications notifications;

    @Autowired
    Clock clock;

    @Test
    void cardsNearTheirPlansMonthlyDataWarnTheirTenantBeforeTheStop() {
        NotificationWorld world = new NotificationWorld(context);
        String plan = RunAs.run(
                        OrderFixtures.ADMIN,
                        () -> planService.create(
                                new NewServicePlan(
                                        "NOTIFY-1MB-" + System.nanoTime() % 100_000_000L + "-"
                                                + plans.incrementAndGet(),
                                        "1 MB a month",
                                        true,
                                        ServiceDirection.NONE,
                                        ServiceDirection.NONE,
                                        false,
                                        false,
                                        NewServicePlan.DEFAULT_TEST_PERIOD_DAYS,
                                        1),
                                OrderFixtures.ADMIN))
                .code();
        String near = world.cards.enterpriseCard(world.agentA, world.enterpriseE, "138", plan);
        String below = world.cards.enterpriseCard(world.agentA, world.enterpriseE, "138", plan);
        String otherTenant = world.cards.enterpriseCard(world.agentB, world.enterpriseF, "138", plan);
        List.of(near, below, otherTenant).forEach(world.cards::activate);
        String today = ChinaTime.today(clock).toString();
        ingest(
                new Report(near, today, 950L, 0L, 0L, null, null),
                new Report(below, today, 100L, 0L, 0L, null, null),
                new Report(otherTenant, today, 900L, 0L, 0L, null, null));

        warnings.warn();

        String month = today.substring(0, 7);
        for (var reader : List.of(world.e1, world.a1, world.a2)) {
            List<NotificationView> mine =
                    RunAs.run(reader, () -> notifications.list(null).items());
            assertThat(mine)
                    .as(reader.name())
                    .filteredOn(n -> n.kind() == NotificationKind.DATA_LIMIT_NEAR)
                    .singleElement()
                    .satisfies(n -> assertThat(n.arguments()).containsExactly("1", month));
        }
        assertThat(world.count(world.f1, NotificationKind.DATA_LIMIT_NEAR))
                .as("921.6 KB is 90 %")
                .isZero();
        assertThat(world.count(world.b1, NotificationKind.DATA_LIMIT_NEAR)).isZero();

        RunAs.run(world.e1, notifications::markAllRead);
        warnings.warn();
        assertThat(RunAs.run(world.e1, notifications::unreadCount))
                .as("nothing new")
                .isZero();

        ingest(new Report(below, today, 1000L, 0L, 0L, null, null));
        warnings.warn();
        assertThat(RunAs.run(world.e1, notifications::unreadCount)).isEqualTo(1);
        assertThat(world.count(world.e1, NotificationKind.DATA_LIMIT_NEAR)).isEqualTo(1);
        assertThat(RunAs.run(
                        world.e1, () -> notifications.list(null).items().get(0).arguments()))
                .containsExactly("2", month);
    }

    private void ingest(Report... reports) {
        var outcome = RunAs.run(OrderFixtures.ops(), () -> usage.ingest(List.of(reports)));
        assertThat(outcome.rejected()).isEmpty();
    }
}
