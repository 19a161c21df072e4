package com.realsim.card;

import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test data for cards in a database shared by the tests of one Spring context: fresh ICCIDs (valid Luhn) and numbers
 * that no other test uses, plans, and cards imported through the real pipeline.
 */
final class TestInventory {

    static final Actor ADMIN = ActorAuthentication.actor(Role.ADMIN, null, null);
    static final Actor OPS = ActorAuthentication.actor(Role.OPS, null, null);
    /** The order test cards come through (the order module is not involved in the card module's tests). */
    static final long ORDER_ID = 4_242L;

    private static final AtomicLong serial =
            new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));

    private final CardImportService imports;
    private final CardService cards;
    private final ServicePlanService plans;
    private final CardsForOrders orders;

    TestInventory(CardImportService imports, CardService cards, ServicePlanService plans, CardsForOrders orders) {
        this.imports = imports;
        this.cards = cards;
        this.plans = plans;
        this.orders = orders;
    }

    /** A fresh 20-digit ICCID with its Luhn check digit. */
    static String iccid() {
        String body = "898600" + String.format("%013d", serial.incrementAndGet());
        return body + IccidTest.checkDigit(body);
    }

    /** A fresh 11-digit number in the given segment (e.g. "149"). */
    static String msisdn(String segment) {
        return segment + String.format("%08d", serial.incrementAndGet() % 100_000_000L);
    }

    static String imsi() {
        return "46000" + String.format("%010d", serial.incrementAndGet() % 10_000_000_000L);
    }

    static String row(String iccid, String msisdn, String operator, String plan) {
        return String.join(",", iccid, msisdn, imsi(), operator, plan);
    }

    static ByteArrayInputStream csv(List<String> rows) {
        return new ByteArrayInputStream(("iccid,msisdn,imsi,operator,planCode\n" + String.join("\n", rows) + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A plan with this shape, created once per code. */
    String plan(String code, boolean dataDirectional, ServiceDirection voice, ServiceDirection sms, boolean test) {
        return plans.plan(code)
                .orElseGet(() -> plans.create(
                        new NewServicePlan(code, "Plan " + code, dataDirectional, voice, sms, test, false), ADMIN))
                .code();
    }

    String dataOnlyPlan() {
        return plan("T-DATA-DIR", true, ServiceDirection.NONE, ServiceDirection.NONE, false);
    }

    /** Imports cards into the inventory and answers their ICCIDs. */
    List<String> importCards(int count, String segment, String planCode) {
        return importCards(count, segment, planCode, Operator.CHINA_MOBILE);
    }

    List<String> importCards(int count, String segment, String planCode, Operator operator) {
        List<String> iccids = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String iccid = iccid();
            iccids.add(iccid);
            rows.add(row(iccid, msisdn(segment), operator.name(), planCode));
        }
        CardImportResult result = imports.importNow(csv(rows), "fixture.csv", OPS);
        if (result.imported() != count) {
            throw new IllegalStateException("Fixture import rejected rows: " + result.rejected());
        }
        return iccids;
    }

    String importCard(String segment, String planCode) {
        return importCards(1, segment, planCode).get(0);
    }

    /** Runs a use case as this actor, as a request would. */
    static <T> T asActor(Actor actor, java.util.function.Supplier<T> work) {
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TestAuthentication(actor));
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }

    static final class TestAuthentication
            extends org.springframework.security.authentication.AbstractAuthenticationToken
            implements com.realsim.platform.ActorPrincipal {

        private final Actor actor;

        TestAuthentication(Actor actor) {
            super(List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(
                    actor.role().authority())));
            this.actor = actor;
            setAuthenticated(true);
        }

        @Override
        public Actor actor() {
            return actor;
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return actor.name();
        }
    }

    /** A card of this agent and enterprise, waiting for activation. */
    String customerCard(long agentId, long enterpriseId) {
        String iccid = importCard("138", dataOnlyPlan());
        orders.handOver(List.of(iccid), agentId, enterpriseId, false, ORDER_ID, OPS);
        return iccid;
    }
}
