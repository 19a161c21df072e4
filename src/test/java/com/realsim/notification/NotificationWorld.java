package com.realsim.notification;

import com.realsim.account.AccountService;
import com.realsim.account.NewUser;
import com.realsim.account.UserSummary;
import com.realsim.card.CardFixtures;
import com.realsim.order.OrderFixtures;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.RunAs;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two tenants with real user accounts (the bell is per user, so its users must exist): agent A with two AGENT users
 * and its verified enterprise E with one admin; agent B with one AGENT user and its verified enterprise F with one
 * admin.
 */
final class NotificationWorld {

    private static final AtomicInteger names = new AtomicInteger();
    static final String PASSWORD = "Notify-pass-2026";

    final CardFixtures cards;
    final OrderFixtures orders;
    final long agentA;
    final long agentB;
    final long enterpriseE;
    final long enterpriseF;
    final Actor a1;
    final Actor a2;
    final Actor e1;
    final Actor b1;
    final Actor f1;
    private final JdbcTemplate jdbc;

    NotificationWorld(ApplicationContext context) {
        cards = new CardFixtures(context);
        orders = new OrderFixtures(context);
        jdbc = context.getBean(JdbcTemplate.class);
        AccountService accounts = context.getBean(AccountService.class);
        String run = System.nanoTime() % 1_000_000_000L + "-" + names.incrementAndGet();
        agentA = RunAs.run(OrderFixtures.ADMIN, () -> accounts.createAgent("通知测试代理商A-" + run))
                .id();
        agentB = RunAs.run(OrderFixtures.ADMIN, () -> accounts.createAgent("通知测试代理商B-" + run))
                .id();
        enterpriseE = cards.verifiedEnterprise(agentA);
        enterpriseF = cards.verifiedEnterprise(agentB);
        a1 = user(accounts, "na1-" + run, Role.AGENT, agentA, null);
        a2 = user(accounts, "na2-" + run, Role.AGENT, agentA, null);
        e1 = user(accounts, "ne1-" + run, Role.ENTERPRISE_ADMIN, null, enterpriseE);
        b1 = user(accounts, "nb1-" + run, Role.AGENT, agentB, null);
        f1 = user(accounts, "nf1-" + run, Role.ENTERPRISE_ADMIN, null, enterpriseF);
    }

    private static Actor user(AccountService accounts, String name, Role role, Long agentId, Long enterpriseId) {
        UserSummary user = RunAs.run(
                OrderFixtures.ADMIN,
                () -> accounts.createUser(new NewUser(name, PASSWORD, role, agentId, enterpriseId)));
        return new Actor(Actor.Kind.USER, user.id(), name, role, agentId, enterpriseId);
    }

    List<Actor> everyone() {
        return List.of(a1, a2, e1, b1, f1);
    }

    /** The kinds of the user's notifications, newest first, straight from the table. */
    List<String> kinds(Actor user) {
        return jdbc.queryForList(
                "SELECT kind FROM notification WHERE user_id = ? ORDER BY id DESC", String.class, user.id());
    }

    /** The user's notifications of one kind. */
    int count(Actor user, NotificationKind kind) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM notification WHERE user_id = ? AND kind = ?",
                Integer.class,
                user.id(),
                kind.name());
    }

    /** The links of the user's notifications of one kind. */
    List<String> links(Actor user, NotificationKind kind) {
        return jdbc.queryForList(
                "SELECT link FROM notification WHERE user_id = ? AND kind = ? ORDER BY id",
                String.class,
                user.id(),
                kind.name());
    }
}
