package com.realsim.card;

import com.realsim.approval.CardEligibility;
import com.realsim.card.inventory.CardImportResult;
import com.realsim.card.inventory.CardImportService;
import com.realsim.catalogue.ExceptionKind;
import com.realsim.catalogue.NewServicePlan;
import com.realsim.catalogue.Operator;
import com.realsim.catalogue.OperatorService;
import com.realsim.catalogue.RealNamePolicy;
import com.realsim.catalogue.RealNameRuleDefinition;
import com.realsim.catalogue.ServiceDirection;
import com.realsim.catalogue.ServicePlanService;
import com.realsim.enterprise.EnterpriseFixtures;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.identity.IdDocument;
import com.realsim.identity.IdType;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.platform.error.ValidationException;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import com.realsim.verification.IssuedLink;
import com.realsim.verification.VerificationDecided;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventSerializer;

/**
 * Real cards of the real card module for other modules' tests (approval, verification, identity, the browser
 * journeys), built only through the card module's public services as people and orders build them: plans created by
 * an ADMIN, cards imported by OPS and handed over to a verified enterprise as a completed order does, end users bound
 * by the agent, self-service links issued by the agent. Nothing stands in for the card module: its tenant scope, its
 * real-name requirement (the rules of V41), its quota and its listeners are the ones the application runs.
 */
public final class RealCards {

    public static final Actor ADMIN = ActorAuthentication.actor(Role.ADMIN, null, null);
    public static final Actor OPS = ActorAuthentication.actor(Role.OPS, null, null);

    /** The card module's subject type of self-service links (the links of a card's end user). */
    public static final String SELF_SERVICE_SUBJECT = EndUserService.SUBJECT_TYPE;

    private static final AtomicLong serial =
            new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));
    private static final AtomicLong agents =
            new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000L, 9_000_000L));
    private static final AtomicInteger people = new AtomicInteger();
    private static final AtomicInteger priorities = new AtomicInteger();
    private static final Map<Long, AtomicInteger> enterprisesPerAgent = new ConcurrentHashMap<>();

    private final CardImportService imports;
    private final CardsForOrders orders;
    private final CardService cards;
    private final EndUserService endUsers;
    private final ServicePlanService plans;
    private final OperatorService operators;
    private final RealNamePolicy rules;
    private final EnterpriseService enterpriseService;
    private final EnterpriseFixtures enterprises;
    private final JdbcTemplate sql;
    private final EventSerializer events;

    public RealCards(ApplicationContext context) {
        this.imports = context.getBean(CardImportService.class);
        this.orders = context.getBean(CardsForOrders.class);
        this.cards = context.getBean(CardService.class);
        this.endUsers = context.getBean(EndUserService.class);
        this.plans = context.getBean(ServicePlanService.class);
        this.operators = context.getBean(OperatorService.class);
        this.rules = context.getBean(RealNamePolicy.class);
        this.enterpriseService = context.getBean(EnterpriseService.class);
        this.enterprises = new EnterpriseFixtures(enterpriseService);
        this.sql = context.getBean(JdbcTemplate.class);
        this.events = context.getBean(EventSerializer.class);
    }

    // --- tenants ----------------------------------------------------------------------------------------------------

    /** An agent organisation id no other test uses. */
    public static long newAgent() {
        return agents.incrementAndGet();
    }

    public static Actor agent(long agentId) {
        return ActorAuthentication.actor(Role.AGENT, agentId, null);
    }

    public static Actor enterpriseAdmin(long enterpriseId) {
        return ActorAuthentication.actor(Role.ENTERPRISE_ADMIN, null, enterpriseId);
    }

    /** A VERIFIED enterprise of this agent (registered, documented, submitted, approved; at most four per agent). */
    public long verifiedEnterprise(long agentId) {
        int index = enterprisesPerAgent
                .computeIfAbsent(agentId, id -> new AtomicInteger())
                .getAndIncrement();
        return enterprises.verified(agentId, EnterpriseFixtures.code(index)).id();
    }

    // --- plans: one per row of the real-name requirement table ------------------------------------------------------

    /** A test-card package: the enterprise's real-name suffices (rule TEST_PACKAGE). */
    public String testPackagePlan() {
        return plan("RC-TEST", true, ServiceDirection.NONE, ServiceDirection.NONE, true);
    }

    /** Directional data only (rule DIRECTIONAL_DATA_ONLY): no end user needed. */
    public String directionalDataPlan() {
        return plan("RC-DATA-DIR", true, ServiceDirection.NONE, ServiceDirection.NONE, false);
    }

    /** Non-directional data (rule NON_DIRECTIONAL_DATA): the end user, or a provincial approval. */
    public String nonDirectionalDataPlan() {
        return plan("RC-DATA-ND", false, ServiceDirection.NONE, ServiceDirection.NONE, false);
    }

    /** Directional SMS: on a 149 number the end user or a group approval (SEGMENT_149_DIRECTIONAL_VOICE_SMS). */
    public String directionalSmsPlan() {
        return plan("RC-SMS-DIR", true, ServiceDirection.NONE, ServiceDirection.DIRECTIONAL, false);
    }

    /** Non-directional voice: on a 149 number the end user, waived by nothing (SEGMENT_149_NON_DIRECTIONAL_…). */
    public String nonDirectionalVoicePlan() {
        return plan("RC-VOICE-ND", true, ServiceDirection.NON_DIRECTIONAL, ServiceDirection.NONE, false);
    }

    private String plan(
            String code, boolean dataDirectional, ServiceDirection voice, ServiceDirection sms, boolean test) {
        return plans.plan(code)
                .orElseGet(() -> plans.create(
                        new NewServicePlan(code, "Plan " + code, dataDirectional, voice, sms, test, false), ADMIN))
                .code();
    }

    // --- cards ------------------------------------------------------------------------------------------------------

    /** A card of this plan and number segment imported by OPS into the inventory: its ICCID. */
    public String inventoryCard(String segment, String plan) {
        return importCard(segment + String.format("%08d", serial.incrementAndGet() % 100_000_000L), plan);
    }

    private String importCard(String msisdn, String plan) {
        String body = "898600" + String.format("%013d", serial.incrementAndGet());
        String iccid = body + luhn(body);
        String row = String.join(
                ",",
                iccid,
                msisdn,
                "46000" + String.format("%010d", serial.incrementAndGet() % 10_000_000_000L),
                Operator.CHINA_MOBILE.name(),
                plan);
        CardImportResult result = imports.importNow(
                new ByteArrayInputStream(
                        ("iccid,msisdn,imsi,operator,planCode\n" + row + "\n").getBytes(StandardCharsets.UTF_8)),
                "real-cards.csv",
                OPS);
        if (result.imported() != 1) {
            throw new IllegalStateException("The card was not imported: " + result.rejected());
        }
        return iccid;
    }

    /** A card handed over to this enterprise by a completed order (an order id no real order has): pending. */
    public String enterpriseCard(long agentId, long enterpriseId, String segment, String plan) {
        return handOver(inventoryCard(segment, plan), agentId, enterpriseId);
    }

    private String handOver(String iccid, long agentId, long enterpriseId) {
        orders.handOver(List.of(iccid), agentId, enterpriseId, CardFixtures.newOrder(), OPS);
        return iccid;
    }

    /** A card with a customer, as the self-service page knows it: id, tenant and the enterprise's name. */
    public record CustomerCard(String iccid, long id, long agentId, long enterpriseId, String enterpriseName) {}

    /**
     * A card of a new verified enterprise of this agent whose plan needs its end user (non-directional data), waiting
     * for activation: what an end user verifies through a self-service link.
     */
    public CustomerCard endUserCard(long agentId) {
        long enterpriseId = verifiedEnterprise(agentId);
        String iccid = enterpriseCard(agentId, enterpriseId, "138", nonDirectionalDataPlan());
        return new CustomerCard(
                iccid,
                cardId(iccid),
                agentId,
                enterpriseId,
                enterpriseService.name(enterpriseId).orElseThrow());
    }

    /** A card of this enterprise whose real-name requirement, by the real rules, allows exactly this exception. */
    public String cardAllowing(CardEligibility.Allowed allowed, long agentId, long enterpriseId) {
        return switch (allowed) {
            case PROVINCIAL_APPROVAL -> enterpriseCard(agentId, enterpriseId, "138", nonDirectionalDataPlan());
            case GROUP_APPROVAL -> enterpriseCard(agentId, enterpriseId, "149", directionalSmsPlan());
            case NOT_ALLOWED -> enterpriseCard(agentId, enterpriseId, "149", nonDirectionalVoicePlan());
            case NOT_NEEDED -> enterpriseCard(agentId, enterpriseId, "138", directionalDataPlan());
        };
    }

    /** A card with its own real-name rule (matching its whole number), which an ADMIN can change for it alone. */
    public record CardUnderItsOwnRule(String iccid, long ruleId, RealNameRuleDefinition rule) {}

    /**
     * A card of this enterprise under a rule of its own, ahead of the seeded ones: its end user is required and a
     * provincial approval may waive it (as for non-directional data).
     */
    public CardUnderItsOwnRule cardUnderItsOwnRule(long agentId, long enterpriseId) {
        String msisdn = "138" + String.format("%08d", serial.incrementAndGet() % 100_000_000L);
        String iccid = handOver(importCard(msisdn, nonDirectionalDataPlan()), agentId, enterpriseId);
        for (int attempt = 0; attempt < 40; attempt++) {
            int priority = nextPriority();
            RealNameRuleDefinition rule = new RealNameRuleDefinition(
                    priority, "OWN_RULE_" + msisdn, msisdn, null, null, null, true, ExceptionKind.PROVINCIAL_APPROVAL);
            try {
                return new CardUnderItsOwnRule(iccid, rules.create(rule, ADMIN).id(), rule);
            } catch (ValidationException priorityTaken) {
                // another test's rule holds this priority: the next one
            }
        }
        throw new IllegalStateException("No free rule priority ahead of the seeded rules");
    }

    /** An ADMIN changes the card's own rule: its end user is no longer required (nothing to waive). */
    public void endUserNoLongerRequired(CardUnderItsOwnRule card) {
        RealNameRuleDefinition rule = card.rule();
        rules.change(
                card.ruleId(),
                new RealNameRuleDefinition(
                        rule.priority(),
                        rule.code(),
                        rule.msisdnPrefix(),
                        null,
                        null,
                        null,
                        false,
                        ExceptionKind.NONE_NEEDED),
                ADMIN);
    }

    /** Priorities 1–39 that no seeded rule has (those are 10, 20, 30): ahead of every rule a card of 138 meets. */
    private static int nextPriority() {
        int priority;
        do {
            priority = priorities.incrementAndGet() % 40;
        } while (priority % 10 == 0);
        return priority;
    }

    public CardView view(String iccid) {
        return RunAs.run(OPS, () -> cards.view(iccid));
    }

    public long cardId(String iccid) {
        return view(iccid).id();
    }

    /** The card cancelled by OPS (final): its self-service link no longer works. */
    public CardView cancel(String iccid) {
        return RunAs.run(OPS, () -> cards.cancel(iccid, "cancelled for the test"));
    }

    // --- end users --------------------------------------------------------------------------------------------------

    /** The agent's one-time link for the card's end user. */
    public IssuedLink selfServiceLink(long agentId, String iccid) {
        return RunAs.run(agent(agentId), () -> endUsers.selfServiceLink(iccid));
    }

    /** The path of the agent's one-time link ({@code /s/…}). */
    public String selfServicePath(long agentId, String iccid) {
        String url = selfServiceLink(agentId, iccid).url();
        return url.substring(url.indexOf("/s/"));
    }

    /** A valid resident ID number (GB 11643, Beijing Xicheng) that no other test of this JVM uses. */
    public static IdDocument newIdentity() {
        int n = people.incrementAndGet();
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(n / 900);
        String body = "110102" + birth.toString().replace("-", "") + String.format("%03d", n % 900 + 100);
        return IdDocument.of(IdType.RESIDENT_ID, body + checkCharacter(body), "idNumber", LocalDate.of(2026, 1, 1));
    }

    /**
     * The identity holds as many cards at China Mobile as the operator allows (bound by the agent to new cards of this
     * enterprise), so that its next card is refused with {@code QUOTA_EXCEEDED}. No setting is changed.
     */
    public void fillQuota(long agentId, long enterpriseId, IdDocument identity) {
        int limit = operators.quota(Operator.CHINA_MOBILE).maxCardsPerId();
        for (int i = 0; i < limit; i++) {
            String iccid = enterpriseCard(agentId, enterpriseId, "138", nonDirectionalDataPlan());
            RunAs.run(
                    agent(agentId), () -> endUsers.bind(iccid, new EndUserDetails("王小明", identity, "北京市东城区东华门街道 1 号")));
        }
    }

    /** Waits until the card's end user has this status (the verification's decision reaches the card after commit). */
    public CardView awaitEndUser(String iccid, EndUserStatus status) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() ->
                        view(iccid).endUser() != null && view(iccid).endUser().status() == status);
        return view(iccid);
    }

    /**
     * The verification decisions the card module's listener has handled, oldest first: read from the event
     * publication registry (publications of {@link VerificationDecided} to a listener of the card module that are
     * complete), so that a test sees what the real module heard, not what a stand-in recorded.
     */
    public List<VerificationDecided> decisions() {
        return sql
                .queryForList(
                        "SELECT serialized_event FROM event_publication WHERE event_type = ? AND listener_id LIKE ?"
                                + " AND completion_date IS NOT NULL ORDER BY publication_date",
                        String.class,
                        VerificationDecided.class.getName(),
                        RealCards.class.getPackageName() + ".%")
                .stream()
                .map(serialized -> events.deserialize(serialized, VerificationDecided.class))
                .toList();
    }

    private static int luhn(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }

    private static char checkCharacter(String body) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }
}
