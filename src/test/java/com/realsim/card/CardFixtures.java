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
import com.realsim.catalogue.RealNameRuleView;
import com.realsim.catalogue.ServiceDirection;
import com.realsim.catalogue.ServicePlanService;
import com.realsim.enterprise.EnterpriseFixtures;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.identity.BlindIndex;
import com.realsim.identity.IdDocument;
import com.realsim.identity.IdType;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import com.realsim.testsupport.TestFiles;
import com.realsim.verification.IssuedLink;
import com.realsim.verification.VerificationDecided;
import com.realsim.verification.VerificationService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * Test data of cards for every module's tests, built only through the real modules' use cases: plans (one per row
 * of the real-name requirement table), cards imported through the real inventory pipeline and handed to an
 * enterprise as a completed order does, verified enterprises of fresh agents, end users bound, photographed and
 * decided, self-service links, a full one-ID-N-cards quota, and cards whose real-name rule allows a given exception
 * (the seeded rules, or a rule of the test's own that it may change). Nothing is faked: every card is a row of the
 * card module, judged by its rules, and what the card module heard (a verification's decision) is read from the
 * event publication registry, not from a recording stand-in.
 *
 * <p>Identifiers (ICCIDs, numbers, IMSIs, ID numbers, agent ids) are fresh for the whole test JVM, so tests sharing a
 * Spring context and its database never meet each other's data.
 */
public final class CardFixtures {

    public static final Actor ADMIN = ActorAuthentication.actor(Role.ADMIN, null, null);
    public static final Actor OPS = ActorAuthentication.actor(Role.OPS, null, null);

    /** What a card of {@link #cardAllowing} is refused or allowed with: the requirement codes of the seeded rules. */
    public static final String PROVINCIAL_RULE = "NON_DIRECTIONAL_DATA";

    public static final String GROUP_RULE = "SEGMENT_149_DIRECTIONAL_VOICE_SMS";
    public static final String NOT_ALLOWED_RULE = "SEGMENT_149_NON_DIRECTIONAL_VOICE_SMS";
    public static final String NOT_NEEDED_RULE = "DIRECTIONAL_DATA_ONLY";

    /** The card module's subject type of self-service links (the links of a card's end user). */
    public static final String SELF_SERVICE_SUBJECT = EndUserService.SUBJECT_TYPE;

    private static final AtomicLong serial =
            new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L));
    private static final AtomicLong agents =
            new AtomicLong(ThreadLocalRandom.current().nextLong(100_000, 900_000));
    private static final AtomicLong orders = new AtomicLong(50_000);
    private static final AtomicInteger people = new AtomicInteger();
    private static final Map<Long, AtomicInteger> enterprisesPerAgent = new ConcurrentHashMap<>();
    /** Priorities of the tests' own rules: below the seeded DEFAULT (1000), above every other seeded or test rule. */
    private static final AtomicInteger ownRulePriorities = new AtomicInteger(600);

    public final CardService cards;
    public final CardsForOrders cardOrders;
    public final EndUserService endUsers;
    private final JdbcTemplate jdbc;
    final CardImportService imports;
    final ServicePlanService plans;
    final OperatorService operators;
    final RealNamePolicy policy;
    private final BlindIndex blindIndex;
    private final VerificationService verifications;
    private final EnterpriseService enterpriseService;
    private final EventSerializer events;

    public CardFixtures(ApplicationContext context) {
        this.cards = context.getBean(CardService.class);
        this.cardOrders = context.getBean(CardsForOrders.class);
        this.endUsers = context.getBean(EndUserService.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.imports = context.getBean(CardImportService.class);
        this.plans = context.getBean(ServicePlanService.class);
        this.operators = context.getBean(OperatorService.class);
        this.policy = context.getBean(RealNamePolicy.class);
        this.blindIndex = context.getBean(BlindIndex.class);
        this.verifications = context.getBean(VerificationService.class);
        this.enterpriseService = context.getBean(EnterpriseService.class);
        this.events = context.getBean(EventSerializer.class);
    }

    // --- tenants --------------------------------------------------------------------------------------------------

    /** A fresh agent organisation id (no other test uses it). */
    public static long newAgent() {
        return agents.incrementAndGet();
    }

    /** The id of an order no test created: what a completed order's effects record as the card's handler order. */
    public static long newOrder() {
        return orders.incrementAndGet();
    }

    public static Actor agent(long agentId) {
        return ActorAuthentication.actor(Role.AGENT, agentId, null);
    }

    public static Actor enterpriseAdmin(long enterpriseId) {
        return ActorAuthentication.actor(Role.ENTERPRISE_ADMIN, null, enterpriseId);
    }

    /** A VERIFIED enterprise of this agent with its current responsible person (at most four per agent). */
    public long verifiedEnterprise(long agentId) {
        return enterprises().verified(agentId, nextCode(agentId)).id();
    }

    /** An enterprise registered but not yet submitted (DRAFT): its cards' real-name is incomplete. */
    public long draftEnterprise(long agentId) {
        return enterprises().draft(agentId, nextCode(agentId)).id();
    }

    /** The agent's draft enterprise completed, submitted and approved: VERIFIED now. */
    public void verify(long agentId, long draftEnterpriseId) {
        enterprises().verify(agentId, draftEnterpriseId);
    }

    private EnterpriseFixtures enterprises() {
        return new EnterpriseFixtures(enterpriseService);
    }

    private static String nextCode(long agentId) {
        return EnterpriseFixtures.code(enterprisesPerAgent
                .computeIfAbsent(agentId, id -> new AtomicInteger())
                .getAndIncrement());
    }

    // --- plans: one per row of the requirement table --------------------------------------------------------------

    /** A plan of this shape, created by an ADMIN once per code. */
    public String plan(
            String code,
            boolean dataDirectional,
            ServiceDirection voice,
            ServiceDirection sms,
            boolean testPackage,
            boolean imeiBinding) {
        return plans.plan(code)
                .orElseGet(() -> plans.create(
                        new NewServicePlan(code, "Plan " + code, dataDirectional, voice, sms, testPackage, imeiBinding),
                        ADMIN))
                .code();
    }

    /** A test package (测试卡套餐): a handed-over card starts its test period; never needs the end user. */
    public String testPackagePlan() {
        return plan("T2-TEST", false, ServiceDirection.NONE, ServiceDirection.NONE, true, false);
    }

    /** Directional data only: the enterprise's real-name suffices (DIRECTIONAL_DATA_ONLY). */
    public String directionalDataPlan() {
        return plan("T-DATA-DIR", true, ServiceDirection.NONE, ServiceDirection.NONE, false, false);
    }

    /** Non-directional data: the end user is required, a provincial approval can waive it (NON_DIRECTIONAL_DATA). */
    public String nonDirectionalDataPlan() {
        return plan("T2-DATA-ND", false, ServiceDirection.NONE, ServiceDirection.NONE, false, false);
    }

    /** With a 149 number: non-directional voice (nothing can waive the end user). */
    public String nonDirectionalVoicePlan() {
        return plan("T2-VOICE-ND", true, ServiceDirection.NON_DIRECTIONAL, ServiceDirection.NONE, false, false);
    }

    /** With a 149 number: directional SMS (a group approval can waive the end user); elsewhere the DEFAULT rule. */
    public String directionalSmsPlan() {
        return plan("T2-SMS-DIR", true, ServiceDirection.NONE, ServiceDirection.DIRECTIONAL, false, false);
    }

    /** Directional data only, bound to one device (机卡绑定). */
    public String devicePlan() {
        return plan("T2-DEVICE", true, ServiceDirection.NONE, ServiceDirection.NONE, false, true);
    }

    // --- identifiers and inventory files --------------------------------------------------------------------------

    /** A fresh 20-digit ICCID with its Luhn check digit. */
    public static String iccid() {
        String body = "898600" + String.format("%013d", serial.incrementAndGet());
        return body + luhn(body);
    }

    /**
     * A fresh number in this segment: 3 digits (e.g. "149") make an 11-digit mobile number, 5 digits a 13-digit IoT
     * number.
     */
    public static String msisdn(String segment) {
        return segment + String.format("%08d", serial.incrementAndGet() % 100_000_000L);
    }

    public static String imsi() {
        return "46000" + String.format("%010d", serial.incrementAndGet() % 10_000_000_000L);
    }

    /** One line of an inventory file ({@code iccid,msisdn,imsi,operator,planCode}). */
    public static String row(String iccid, String msisdn, String operator, String plan) {
        return String.join(",", iccid, msisdn, imsi(), operator, plan);
    }

    /** An inventory file with the header and these lines. */
    public static ByteArrayInputStream csv(List<String> rows) {
        return new ByteArrayInputStream(("iccid,msisdn,imsi,operator,planCode\n" + String.join("\n", rows) + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    static int luhn(String body) {
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

    // --- cards ----------------------------------------------------------------------------------------------------

    /** Cards imported by OPS through the real inventory import; answers their ICCIDs. */
    public List<String> inventoryCards(int count, String segment, String plan, Operator operator) {
        List<String> iccids = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String iccid = iccid();
            iccids.add(iccid);
            rows.add(row(iccid, msisdn(segment), operator.name(), plan));
        }
        CardImportResult result = imports.importNow(csv(rows), "fixture.csv", OPS);
        if (result.imported() != count) {
            throw new IllegalStateException("Fixture import rejected rows: " + result.rejected());
        }
        return iccids;
    }

    public List<String> inventoryCards(int count, String segment, String plan) {
        return inventoryCards(count, segment, plan, Operator.CHINA_MOBILE);
    }

    public String inventoryCard(String segment, String plan) {
        return inventoryCards(1, segment, plan).get(0);
    }

    public String inventoryCard(String segment, String plan, Operator operator) {
        return inventoryCards(1, segment, plan, operator).get(0);
    }

    /**
     * Cards of this plan handed to the enterprise as a completed new installation does (through the card module's
     * order API, recording an order no test created as their handler's): waiting for activation.
     */
    public List<String> enterpriseCards(int count, String segment, String plan, long agentId, long enterpriseId) {
        List<String> iccids = inventoryCards(count, segment, plan);
        cardOrders.handOver(iccids, agentId, enterpriseId, newOrder(), OPS);
        return iccids;
    }

    /** A card handed to the enterprise by a completed new-card order, waiting for activation. */
    public String enterpriseCard(long agentId, long enterpriseId, String segment, String plan) {
        return enterpriseCards(1, segment, plan, agentId, enterpriseId).get(0);
    }

    public String enterpriseCard(long agentId, long enterpriseId, String segment, String plan, Operator operator) {
        String iccid = inventoryCard(segment, plan, operator);
        cardOrders.handOver(List.of(iccid), agentId, enterpriseId, newOrder(), OPS);
        return iccid;
    }

    /** A card of the enterprise on a directional-data plan (no end user needed), waiting for activation. */
    public String enterpriseCard(long agentId, long enterpriseId) {
        return enterpriseCard(agentId, enterpriseId, "138", directionalDataPlan());
    }

    /** An ACTIVE card whose plan needs no end user, activated on the real facts. */
    public String activeDataCard(long agentId, long enterpriseId) {
        String iccid = enterpriseCard(agentId, enterpriseId);
        activate(iccid);
        return iccid;
    }

    /**
     * An ACTIVE card of this form factor ({@code PLUG_IN}, {@code PATCH}, {@code ESIM} with its EID) on the
     * directional-data plan, imported with the import's optional columns.
     */
    public String activeCardOfForm(long agentId, long enterpriseId, String formFactor, String eid) {
        String iccid = iccid();
        String file = "iccid,msisdn,imsi,operator,planCode,formFactor,eid\n"
                + row(iccid, msisdn("138"), "CHINA_MOBILE", directionalDataPlan()) + "," + formFactor + ","
                + (eid == null ? "" : eid) + "\n";
        CardImportResult result =
                imports.importNow(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), "fixture.csv", OPS);
        if (result.imported() != 1) {
            throw new IllegalStateException("Fixture import rejected rows: " + result.rejected());
        }
        cardOrders.handOver(List.of(iccid), agentId, enterpriseId, newOrder(), OPS);
        activate(iccid);
        return iccid;
    }

    public CardView activate(String iccid) {
        return RunAs.run(OPS, () -> cards.activate(iccid));
    }

    /** The card as OPS see it. */
    public CardView view(String iccid) {
        return RunAs.run(OPS, () -> cards.view(iccid));
    }

    /** The card's id (what self-service links and exception requests name as their subject). */
    public long cardId(String iccid) {
        return view(iccid).id();
    }

    /** A card with a customer, as the self-service page knows it: id, tenant and the enterprise's name. */
    public record CustomerCard(String iccid, long id, long agentId, long enterpriseId, String enterpriseName) {}

    /**
     * A card of a new verified enterprise of this agent whose plan needs its end user (a 138 number on non-directional
     * data), waiting for activation: what an end user verifies through a self-service link.
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

    /** The agent cancels the card (销户): its end user's quota slot is free again. */
    public CardView cancel(long agentId, String iccid) {
        return RunAs.run(agent(agentId), () -> cards.cancel(iccid, "no longer needed"));
    }

    // --- what an exception request needs: a card whose requirement allows this exception -------------------------

    /**
     * A card of the enterprise, waiting for activation, whose seeded real-name rule allows exactly this: a provincial
     * approval (a 138 number on non-directional data, {@link #PROVINCIAL_RULE}), a group approval (149, directional
     * SMS, {@link #GROUP_RULE}), nothing (149, non-directional voice, {@link #NOT_ALLOWED_RULE}), or no exception is
     * needed (138, directional data only, {@link #NOT_NEEDED_RULE}).
     */
    public String cardAllowing(CardEligibility.Allowed allowed, long agentId, long enterpriseId) {
        return switch (allowed) {
            case PROVINCIAL_APPROVAL -> enterpriseCard(agentId, enterpriseId, "138", nonDirectionalDataPlan());
            case GROUP_APPROVAL -> enterpriseCard(agentId, enterpriseId, "149", directionalSmsPlan());
            case NOT_ALLOWED -> enterpriseCard(agentId, enterpriseId, "149", nonDirectionalVoicePlan());
            case NOT_NEEDED -> enterpriseCard(agentId, enterpriseId, "138", directionalDataPlan());
        };
    }

    /**
     * A card of the enterprise under a real-name rule of the test's own, named {@code code}, which allows {@code
     * allowed}: an ADMIN adds the rule for exactly this card's number (a 13-digit IoT number no other card has), so
     * that {@link #changeOwnRule} changes this card's requirement and no other's — as an ADMIN's edit of the policy
     * changes a card's requirement after an exception was requested for it.
     */
    public String cardUnderOwnRule(String code, CardEligibility.Allowed allowed, long agentId, long enterpriseId) {
        // directional data with directional SMS outside the 149 segment: only the seeded DEFAULT (1000) matches it
        String iccid = enterpriseCard(agentId, enterpriseId, "14733", directionalSmsPlan());
        String number = view(iccid).msisdn();
        policy.create(ownRule(ownRulePriorities.incrementAndGet(), code, number, allowed), ADMIN);
        return iccid;
    }

    /** The ADMIN changes the test's own rule: its cards now allow this (NOT_NEEDED: no end user required at all). */
    public void changeOwnRule(String code, CardEligibility.Allowed allowed) {
        RealNameRuleView rule = policy.rules().stream()
                .filter(r -> r.rule().code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No rule " + code));
        policy.change(
                rule.id(), ownRule(rule.rule().priority(), code, rule.rule().msisdnPrefix(), allowed), ADMIN);
    }

    private static RealNameRuleDefinition ownRule(
            int priority, String code, String number, CardEligibility.Allowed allowed) {
        ExceptionKind kind = switch (allowed) {
            case NOT_NEEDED -> ExceptionKind.NONE_NEEDED;
            case PROVINCIAL_APPROVAL -> ExceptionKind.PROVINCIAL_APPROVAL;
            case GROUP_APPROVAL -> ExceptionKind.GROUP_APPROVAL;
            case NOT_ALLOWED -> ExceptionKind.NOT_ALLOWED;
        };
        return new RealNameRuleDefinition(
                priority, code, number, null, null, null, kind != ExceptionKind.NONE_NEEDED, kind);
    }

    // --- end users ------------------------------------------------------------------------------------------------

    /** A valid resident ID number (GB 11643) that no other test of this JVM uses. */
    public static IdDocument newIdentity() {
        int n = people.incrementAndGet();
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(n / 900);
        String body = "110101" + birth.toString().replace("-", "") + String.format("%03d", n % 900 + 100);
        return IdDocument.of(IdType.RESIDENT_ID, body + checkCharacter(body), "idNumber", LocalDate.of(2026, 1, 1));
    }

    /** A passport number (E + 8 digits) that no other test of this JVM uses. */
    public static IdDocument newPassport() {
        return IdDocument.of(
                IdType.PASSPORT,
                "E" + String.format("%08d", 10_000_000 + people.incrementAndGet()),
                "idNumber",
                LocalDate.of(2026, 1, 1));
    }

    /**
     * The end user's details: an address of their own (derived from the number), so that the people of unrelated
     * tests never share an ID address ({@code SHARED_ADDRESS}).
     */
    public static EndUserDetails details(IdDocument identity) {
        return details(
                identity, "北京市东城区东华门街道 " + Math.floorMod(identity.number().hashCode(), 1_000_000) + " 号");
    }

    public static EndUserDetails details(IdDocument identity, String idAddress) {
        return new EndUserDetails("王小明", identity, idAddress);
    }

    /** Binds the end user with this ID address through the agent's use case. */
    public CardView bind(long agentId, String iccid, IdDocument identity, String idAddress) {
        return RunAs.run(agent(agentId), () -> endUsers.bind(iccid, details(identity, idAddress)));
    }

    /** The key of the identity's one-ID-N-cards counter (its blind index). */
    public String quotaKey(IdDocument identity) {
        return blindIndex.of(identity);
    }

    /** How many cards the identity holds at the operator, by its one-ID-N-cards counter. */
    public int held(Operator operator, IdDocument identity) {
        List<Integer> held = jdbc.queryForList(
                "SELECT cards_held FROM identity_quota WHERE operator = ? AND id_bidx = ?",
                Integer.class,
                operator.name(),
                quotaKey(identity));
        return held.isEmpty() ? 0 : held.get(0);
    }

    /**
     * How many cards the identity really holds at the operator, counted from the cards (not cancelled, with the
     * identity as their current end user) rather than the counter: what the counter must agree with.
     */
    public long boundCards(Operator operator, IdDocument identity) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM card_end_user e JOIN card c ON c.id = e.card_id
                 WHERE e.ended_at IS NULL AND c.state <> 'CANCELLED' AND c.operator = ? AND e.id_number_bidx = ?""", Long.class, operator.name(), quotaKey(identity));
    }

    /** Binds the end user through the agent's use case (the real binding path, with the quota). */
    public CardView bind(long agentId, String iccid, IdDocument identity) {
        return RunAs.run(agent(agentId), () -> endUsers.bind(iccid, details(identity)));
    }

    /** Uploads the three photos as the agent; answers the verification case they opened. */
    public long photos(long agentId, String iccid) {
        return RunAs.run(agent(agentId), () -> {
            endUsers.attachPhoto(iccid, EndUserPhoto.ID_FRONT, TestFiles.jpeg());
            endUsers.attachPhoto(iccid, EndUserPhoto.ID_BACK, TestFiles.png());
            return endUsers.attachPhoto(iccid, EndUserPhoto.LIVE_PHOTO, TestFiles.jpeg())
                    .verificationCaseId();
        });
    }

    /** OPS decide the case; the card module hears of it after the commit (awaited). */
    public void decide(String iccid, long caseId, boolean approve) {
        RunAs.run(
                OPS,
                () -> approve
                        ? verifications.approve(caseId, "photos match the ID")
                        : verifications.reject(caseId, "the live photo shows someone else"));
        EndUserStatus expected = approve ? EndUserStatus.VERIFIED : EndUserStatus.REJECTED;
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> view(iccid).endUser().status() == expected);
    }

    /** The end user bound by the agent, photographed, and approved by OPS: VERIFIED. */
    public CardView verifiedEndUser(long agentId, String iccid, IdDocument identity) {
        bind(agentId, iccid, identity);
        decide(iccid, photos(agentId, iccid), true);
        return view(iccid);
    }

    /** An ACTIVE card whose plan needs an end user: bound, verified, then activated on the real facts. */
    public String activeCardWithEndUser(long agentId, long enterpriseId, String plan, IdDocument identity) {
        String iccid = enterpriseCard(agentId, enterpriseId, "138", plan);
        verifiedEndUser(agentId, iccid, identity);
        activate(iccid);
        return iccid;
    }

    /** A one-time self-service link for the card's end user, issued by the agent (the URL carries the token). */
    public IssuedLink selfServiceLink(long agentId, String iccid) {
        return RunAs.run(agent(agentId), () -> endUsers.selfServiceLink(iccid));
    }

    /** The path of the agent's one-time link ({@code /s/…}). */
    public String selfServicePath(long agentId, String iccid) {
        String url = selfServiceLink(agentId, iccid).url();
        return url.substring(url.indexOf("/s/"));
    }

    /** Waits until the card's end user has this status (a verification's decision reaches the card after commit). */
    public CardView awaitEndUser(String iccid, EndUserStatus status) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            CardView card = view(iccid);
            return card.endUser() != null && card.endUser().status() == status;
        });
        return view(iccid);
    }

    /**
     * The verification decisions the card module's listener has handled, oldest first: read from the event
     * publication registry (complete publications of {@link VerificationDecided} to a listener of the card module),
     * so that a test sees what the real module heard, not what a stand-in recorded.
     */
    public List<VerificationDecided> decisions() {
        return jdbc
                .queryForList(
                        "SELECT serialized_event FROM event_publication WHERE event_type = ? AND listener_id LIKE ?"
                                + " AND completion_date IS NOT NULL ORDER BY publication_date",
                        String.class,
                        VerificationDecided.class.getName(),
                        CardFixtures.class.getPackageName() + ".%")
                .stream()
                .map(serialized -> events.deserialize(serialized, VerificationDecided.class))
                .toList();
    }

    /**
     * The identity holds as many cards at the operator as its limit allows: bound by an agent to cards of a verified
     * enterprise of a fresh agent, so that the next binding of it at this operator is refused ({@code
     * QUOTA_EXCEEDED}). No setting is changed: other tests sharing the database are not affected.
     */
    public void fillQuota(IdDocument identity, Operator operator) {
        long agentId = newAgent();
        long enterpriseId = verifiedEnterprise(agentId);
        int free = operators.quota(operator).maxCardsPerId() - held(operator, identity);
        for (int i = 0; i < free; i++) {
            bind(agentId, enterpriseCard(agentId, enterpriseId, "138", directionalDataPlan(), operator), identity);
        }
    }

    static char checkCharacter(String body) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }
}
