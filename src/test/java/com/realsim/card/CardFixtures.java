package com.realsim.card;

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
import com.realsim.verification.VerificationService;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationContext;

/**
 * Test data for the card module's second half, built through the real services: agents with verified enterprises,
 * cards imported and handed over by an order, fresh identities for end users (valid GB 11643 numbers no other test
 * uses), and the plans of each row of the real-name requirement table.
 */
final class CardFixtures {

    private static final AtomicLong agents =
            new AtomicLong(ThreadLocalRandom.current().nextLong(100_000, 900_000));
    private static final AtomicLong orders = new AtomicLong(50_000);
    private static final AtomicInteger people = new AtomicInteger();

    static final Actor OPS = ActorAuthentication.actor(Role.OPS, null, null);

    final CardService cards;
    final CardsForOrders cardOrders;
    final EndUserService endUsers;
    final IdentityQuota quota;
    final BlindIndex blindIndex;
    final VerificationService verifications;
    final TestInventory inventory;
    final ServicePlanService plans;
    private final EnterpriseFixtures enterprises;
    private final AtomicInteger codes = new AtomicInteger();

    CardFixtures(ApplicationContext context) {
        this.cards = context.getBean(CardService.class);
        this.cardOrders = context.getBean(CardsForOrders.class);
        this.endUsers = context.getBean(EndUserService.class);
        this.quota = context.getBean(IdentityQuota.class);
        this.blindIndex = context.getBean(BlindIndex.class);
        this.verifications = context.getBean(VerificationService.class);
        this.plans = context.getBean(ServicePlanService.class);
        this.inventory = new TestInventory(context.getBean(CardImportService.class), cards, plans, cardOrders);
        this.enterprises = new EnterpriseFixtures(context.getBean(EnterpriseService.class));
    }

    // --- tenants --------------------------------------------------------------------------------------------------

    /** A fresh agent organisation (no other test uses its id). */
    static long newAgent() {
        return agents.incrementAndGet();
    }

    static long newOrder() {
        return orders.incrementAndGet();
    }

    static Actor agent(long agentId) {
        return ActorAuthentication.actor(Role.AGENT, agentId, null);
    }

    static Actor enterpriseAdmin(long enterpriseId) {
        return ActorAuthentication.actor(Role.ENTERPRISE_ADMIN, null, enterpriseId);
    }

    /** A VERIFIED enterprise of this agent with its current responsible person (at most four per agent). */
    long verifiedEnterprise(long agentId) {
        return enterprises
                .verified(agentId, EnterpriseFixtures.code(codes.getAndIncrement()))
                .id();
    }

    /** The agent's draft enterprise completed, submitted and approved: VERIFIED now. */
    void verify(long agentId, long draftEnterpriseId) {
        enterprises.verify(agentId, draftEnterpriseId);
    }

    /** An enterprise registered but not yet submitted (DRAFT). */
    long draftEnterprise(long agentId) {
        return enterprises
                .draft(agentId, EnterpriseFixtures.code(codes.getAndIncrement()))
                .id();
    }

    // --- plans: one per row of the requirement table --------------------------------------------------------------

    String testPackage() {
        return inventory.plan("T2-TEST", false, ServiceDirection.NONE, ServiceDirection.NONE, true);
    }

    String directionalDataOnly() {
        return inventory.dataOnlyPlan();
    }

    String nonDirectionalData() {
        return inventory.plan("T2-DATA-ND", false, ServiceDirection.NONE, ServiceDirection.NONE, false);
    }

    /** With a 149 number: non-directional voice (nothing can waive the end user). */
    String nonDirectionalVoice() {
        return inventory.plan("T2-VOICE-ND", true, ServiceDirection.NON_DIRECTIONAL, ServiceDirection.NONE, false);
    }

    /** With a 149 number: directional SMS (a group approval can waive the end user); elsewhere the DEFAULT rule. */
    String directionalSms() {
        return inventory.plan("T2-SMS-DIR", true, ServiceDirection.NONE, ServiceDirection.DIRECTIONAL, false);
    }

    /** Directional data only, bound to one device (机卡绑定). */
    String devicePlan() {
        return plans.plan("T2-DEVICE")
                .orElseGet(() -> plans.create(
                        new NewServicePlan(
                                "T2-DEVICE",
                                "Meter with device binding",
                                true,
                                ServiceDirection.NONE,
                                ServiceDirection.NONE,
                                false,
                                true),
                        TestInventory.ADMIN))
                .code();
    }

    // --- cards ----------------------------------------------------------------------------------------------------

    String inventoryCard(String segment, String plan) {
        return inventory.importCard(segment, plan);
    }

    String inventoryCard(String segment, String plan, Operator operator) {
        return inventory.importCards(1, segment, plan, operator).get(0);
    }

    /** A card handed to the enterprise by a completed new-card order, waiting for activation. */
    String pendingCard(long agentId, long enterpriseId, String segment, String plan) {
        String iccid = inventoryCard(segment, plan);
        cardOrders.handOver(List.of(iccid), agentId, enterpriseId, false, newOrder(), OPS);
        return iccid;
    }

    String pendingCard(long agentId, long enterpriseId, String segment, String plan, Operator operator) {
        String iccid = inventoryCard(segment, plan, operator);
        cardOrders.handOver(List.of(iccid), agentId, enterpriseId, false, newOrder(), OPS);
        return iccid;
    }

    /** An ACTIVE card whose plan needs no end user, activated on the real facts. */
    String activeDataCard(long agentId, long enterpriseId) {
        String iccid = pendingCard(agentId, enterpriseId, "138", directionalDataOnly());
        activate(iccid);
        return iccid;
    }

    CardView activate(String iccid) {
        return RunAs.run(OPS, () -> cards.activate(iccid));
    }

    CardView view(String iccid) {
        return RunAs.run(OPS, () -> cards.view(iccid));
    }

    // --- end users ------------------------------------------------------------------------------------------------

    /** A valid resident ID number (GB 11643) that no other test of this JVM uses. */
    static IdDocument newIdentity() {
        int n = people.incrementAndGet();
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(n / 900);
        String body = "110101" + birth.toString().replace("-", "") + String.format("%03d", n % 900 + 100);
        return IdDocument.of(IdType.RESIDENT_ID, body + checkCharacter(body), "idNumber", LocalDate.of(2026, 1, 1));
    }

    /** A passport number (E + 8 digits) that no other test of this JVM uses. */
    static IdDocument newPassport() {
        return IdDocument.of(
                IdType.PASSPORT,
                "E" + String.format("%08d", 10_000_000 + people.incrementAndGet()),
                "idNumber",
                LocalDate.of(2026, 1, 1));
    }

    static EndUserDetails details(IdDocument identity) {
        return new EndUserDetails("王小明", identity, "北京市东城区东华门街道 1 号");
    }

    String quotaKey(IdDocument identity) {
        return blindIndex.of(identity);
    }

    int held(Operator operator, IdDocument identity) {
        return quota.held(operator, quotaKey(identity));
    }

    /** Binds the end user through the agent's use case (the real binding path, with the quota). */
    CardView bind(long agentId, String iccid, IdDocument identity) {
        return RunAs.run(agent(agentId), () -> endUsers.bind(iccid, details(identity)));
    }

    /** Uploads the three photos as the agent; answers the verification case they opened. */
    long photos(long agentId, String iccid) {
        return RunAs.run(agent(agentId), () -> {
            endUsers.attachPhoto(iccid, EndUserPhoto.ID_FRONT, TestFiles.jpeg());
            endUsers.attachPhoto(iccid, EndUserPhoto.ID_BACK, TestFiles.png());
            return endUsers.attachPhoto(iccid, EndUserPhoto.LIVE_PHOTO, TestFiles.jpeg())
                    .verificationCaseId();
        });
    }

    /** OPS decide the case; the card module hears of it after the commit (awaited). */
    void decide(String iccid, long caseId, boolean approve) {
        Actor reviewer = ActorAuthentication.actor(Role.OPS, null, null);
        RunAs.run(
                reviewer,
                () -> approve
                        ? verifications.approve(caseId, "photos match the ID")
                        : verifications.reject(caseId, "the live photo shows someone else"));
        EndUserStatus expected = approve ? EndUserStatus.VERIFIED : EndUserStatus.REJECTED;
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> view(iccid).endUser().status() == expected);
    }

    /** The end user bound by the agent, photographed, and approved by OPS: VERIFIED. */
    CardView verifiedEndUser(long agentId, String iccid, IdDocument identity) {
        bind(agentId, iccid, identity);
        decide(iccid, photos(agentId, iccid), true);
        return view(iccid);
    }

    /** An ACTIVE card whose plan needs an end user: bound, verified, then activated on the real facts. */
    String activeCardWithEndUser(long agentId, long enterpriseId, String plan, IdDocument identity) {
        String iccid = pendingCard(agentId, enterpriseId, "138", plan);
        verifiedEndUser(agentId, iccid, identity);
        activate(iccid);
        return iccid;
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
