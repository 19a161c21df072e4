package com.realsim.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.approval.ExceptionKind;
import com.realsim.approval.ExceptionService;
import com.realsim.card.CardFeedService;
import com.realsim.card.CardFeedService.StatusReport;
import com.realsim.order.OrderFixtures;
import com.realsim.order.OrderStatus;
import com.realsim.order.OrderView;
import com.realsim.platform.Actor;
import com.realsim.platform.error.NotFoundException;
import com.realsim.testsupport.RunAs;
import com.realsim.verification.VerificationService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Notifications from the real modules' events on the real database: who hears a decision (the agent's users, not
 * another tenant's, not the enterprise's admins), a feed batch stopping many cards gives each user one notice, and
 * the reader's side: the unread count, the list newest first, marking one and all read, and another user's
 * notification not found.
 */
@SpringBootTest
class NotificationsTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Notifications notifications;

    @Autowired
    ExceptionService exceptions;

    @Autowired
    CardFeedService feed;

    @Autowired
    VerificationService verifications;

    @Autowired
    Clock clock;

    NotificationWorld world;

    @BeforeEach
    void twoTenants() {
        world = new NotificationWorld(context);
    }

    @Test
    void anEnterpriseVerifiedByOpsIsToldToTheAgentsUsersOnly() {
        long draft = world.cards.draftEnterprise(world.agentA);
        world.cards.verify(world.agentA, draft);

        String link = "/enterprises/" + draft;
        awaitThat(() -> world.links(world.a1, NotificationKind.ENTERPRISE_VERIFIED)
                        .contains(link)
                && world.links(world.a2, NotificationKind.ENTERPRISE_VERIFIED).contains(link));
        assertThat(world.links(world.a1, NotificationKind.ENTERPRISE_VERIFIED)).containsOnlyOnce(link);
        for (Actor other : List.of(world.e1, world.b1, world.f1)) {
            assertThat(world.links(other, NotificationKind.ENTERPRISE_VERIFIED))
                    .as(other.name())
                    .doesNotContain(link);
        }
    }

    @Test
    void anExceptionRejectedByOpsIsToldToTheAgentsUsersAndNotToAnotherTenant() {
        String iccid = world.orders
                .enterpriseCards(1, world.orders.endUserPlan(), world.agentA, world.enterpriseE)
                .get(0);
        long id = RunAs.run(world.a1, () -> exceptions.request(iccid, ExceptionKind.PROVINCIAL_APPROVAL, "省公司已批准"))
                .id();
        Actor ops = OrderFixtures.ops();
        RunAs.run(ops, () -> exceptions.claim(id));
        RunAs.run(ops, () -> exceptions.reject(id, "批文与卡号不符，请重新上传"));

        awaitThat(() -> world.count(world.a1, NotificationKind.EXCEPTION_REJECTED) == 1
                && world.count(world.a2, NotificationKind.EXCEPTION_REJECTED) == 1);
        assertThat(world.links(world.a1, NotificationKind.EXCEPTION_REJECTED)).containsExactly("/exceptions/" + id);
        for (Actor other : List.of(world.e1, world.b1, world.f1)) {
            assertThat(world.count(other, NotificationKind.EXCEPTION_REJECTED))
                    .as(other.name())
                    .isZero();
        }
        NotificationView seen =
                RunAs.run(world.a1, () -> notifications.list(null).items().get(0));
        assertThat(seen.kind()).isEqualTo(NotificationKind.EXCEPTION_REJECTED);
        assertThat(seen.arguments()).containsExactly(String.valueOf(id), iccid);
        assertThat(seen.arguments())
                .as("the OPS reason may name people: it stays on the record")
                .noneMatch(argument -> argument.contains("批文"));
    }

    @Test
    void aRejectedComparisonTellsTheAgentsUsersOfTheCaseAndOfTheOrder() {
        List<String> iccids = world.orders.inventory(1, world.orders.dataOnlyPlan());
        OrderView order = world.orders.submit(world.a1, OrderFixtures.newInstall(world.enterpriseE, iccids));
        world.orders.attachDocuments(world.a1, order.id());
        long caseId = world.orders.attachHandlerPhoto(world.a1, order.id()).verificationCaseId();

        RunAs.run(OrderFixtures.ops(), () -> verifications.reject(caseId, "照片与证件不符"));

        awaitThat(() -> world.count(world.a2, NotificationKind.ORDER_REJECTED) == 1
                && world.count(world.a1, NotificationKind.ORDER_REJECTED) == 1);
        assertThat(world.links(world.a1, NotificationKind.VERIFICATION_REJECTED))
                .containsExactly("/verifications/" + caseId);
        assertThat(world.links(world.a2, NotificationKind.ORDER_REJECTED)).containsExactly("/orders/" + order.id());
        for (Actor other : List.of(world.e1, world.b1, world.f1)) {
            assertThat(world.kinds(other)).as(other.name()).doesNotContain("ORDER_REJECTED", "VERIFICATION_REJECTED");
        }
    }

    @Test
    void aCompletedOrderTellsTheAgentsUsers() {
        List<String> iccids = world.orders.inventory(1, world.orders.dataOnlyPlan());
        OrderView order = world.orders.submit(world.a1, OrderFixtures.newInstall(world.enterpriseE, iccids));
        assertThat(world.orders.throughComparison(world.a1, order.id()).status())
                .isEqualTo(OrderStatus.COMPLETED);

        awaitThat(() -> world.count(world.a2, NotificationKind.ORDER_COMPLETED) == 1);
        assertThat(world.links(world.a2, NotificationKind.ORDER_COMPLETED)).containsExactly("/orders/" + order.id());
        assertThat(world.count(world.b1, NotificationKind.ORDER_COMPLETED)).isZero();
        assertThat(world.count(world.e1, NotificationKind.ORDER_COMPLETED)).isZero();
    }

    @Test
    void arrearsOnManyCardsGiveEachUserOfTheTenantOneNotice() {
        List<String> iccids = List.of(
                world.cards.enterpriseCard(world.agentA, world.enterpriseE),
                world.cards.enterpriseCard(world.agentA, world.enterpriseE),
                world.cards.enterpriseCard(world.agentA, world.enterpriseE));
        iccids.forEach(world.cards::activate);
        String at = clock.instant().toString();

        var outcome = RunAs.run(
                OrderFixtures.ops(),
                () -> feed.statusEvents(iccids.stream()
                        .map(iccid -> new StatusReport(iccid, "ARREARS", at))
                        .toList()));
        assertThat(outcome.rejected()).isEmpty();

        awaitThat(() -> world.count(world.e1, NotificationKind.CARDS_STOPPED_ARREARS) == 1
                && world.count(world.a1, NotificationKind.CARDS_STOPPED_ARREARS) == 1
                && world.count(world.a2, NotificationKind.CARDS_STOPPED_ARREARS) == 1);
        assertThat(world.links(world.e1, NotificationKind.CARDS_STOPPED_ARREARS))
                .containsExactly("/cards?reason=ARREARS");
        assertThat(world.count(world.b1, NotificationKind.CARDS_STOPPED_ARREARS))
                .isZero();
        assertThat(world.count(world.f1, NotificationKind.CARDS_STOPPED_ARREARS))
                .isZero();

        // the same day's next stop: still one notice, unread again
        RunAs.run(world.e1, notifications::markAllRead);
        assertThat(RunAs.run(world.e1, notifications::unreadCount)).isZero();
        String fourth = world.cards.enterpriseCard(world.agentA, world.enterpriseE);
        world.cards.activate(fourth);
        RunAs.run(OrderFixtures.ops(), () -> feed.statusEvents(List.of(new StatusReport(fourth, "ARREARS", at))));
        awaitThat(() -> RunAs.run(world.e1, notifications::unreadCount) == 1);
        assertThat(world.count(world.e1, NotificationKind.CARDS_STOPPED_ARREARS))
                .isEqualTo(1);
    }

    @Test
    void theReaderCountsListsAndMarksOnlyTheirOwn() {
        Recipients recipients = context.getBean(Recipients.class);
        for (int i = 1; i <= 3; i++) {
            recipients.agent(
                    world.agentA,
                    new Recipients.Notice(
                            NotificationKind.ORDER_COMPLETED,
                            List.of(String.valueOf(i), "#order.type.NEW_INSTALL", "2"),
                            "/orders/" + i,
                            "TEST:" + world.agentA + ":" + i),
                    world.a2.name());
        }
        assertThat(RunAs.run(world.a1, notifications::unreadCount)).isEqualTo(3);
        assertThat(RunAs.run(world.a2, notifications::unreadCount))
                .as("not told of one's own act")
                .isZero();
        assertThat(RunAs.run(world.b1, notifications::unreadCount)).isZero();

        List<NotificationView> list =
                RunAs.run(world.a1, () -> notifications.list(null).items());
        assertThat(list).extracting(NotificationView::link).containsExactly("/orders/3", "/orders/2", "/orders/1");

        NotificationView read =
                RunAs.run(world.a1, () -> notifications.markRead(list.get(1).id()));
        assertThat(read.unread()).isFalse();
        assertThat(RunAs.run(world.a1, notifications::unreadCount)).isEqualTo(2);
        assertThat(RunAs.run(world.a1, () -> notifications.markRead(list.get(1).id()))
                        .readAt())
                .as("marking again keeps the first reading")
                .isEqualTo(read.readAt());

        for (Actor intruder : List.of(world.a2, world.b1, world.e1)) {
            assertThatThrownBy(() -> RunAs.run(
                            intruder, () -> notifications.markRead(list.get(0).id())))
                    .as(intruder.name())
                    .isInstanceOf(NotFoundException.class);
        }
        assertThat(RunAs.run(world.a1, notifications::markAllRead)).isEqualTo(2);
        assertThat(RunAs.run(world.a1, notifications::unreadCount)).isZero();

        // a redelivered event writes nothing twice
        recipients.agent(
                world.agentA,
                new Recipients.Notice(
                        NotificationKind.ORDER_COMPLETED,
                        List.of("1", "x", "2"),
                        "/orders/1",
                        "TEST:" + world.agentA + ":1"),
                null);
        assertThat(RunAs.run(world.a1, notifications::unreadCount)).isZero();
    }

    @Test
    void aUserMovedToAnotherAgentNoLongerReadsTheOldAgentsNotices() {
        Recipients recipients = context.getBean(Recipients.class);
        recipients.agent(
                world.agentA,
                new Recipients.Notice(NotificationKind.ORDER_REJECTED, List.of("9", "x"), "/orders/9", "TEST:moved"),
                null);
        assertThat(RunAs.run(world.a1, notifications::unreadCount)).isEqualTo(1);
        Actor movedToB =
                new Actor(Actor.Kind.USER, world.a1.id(), world.a1.name(), world.a1.role(), world.agentB, null);
        assertThat(RunAs.run(movedToB, notifications::unreadCount)).isZero();
        assertThat(RunAs.run(movedToB, () -> notifications.list(null).items())).isEmpty();
    }

    private static void awaitThat(java.util.concurrent.Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(condition);
    }
}
