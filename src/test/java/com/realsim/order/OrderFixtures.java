package com.realsim.order;

import com.realsim.card.CardFixtures;
import com.realsim.catalogue.ServiceDirection;
import com.realsim.enterprise.EnterpriseFixtures;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.enterprise.EnterpriseView;
import com.realsim.identity.IdType;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import com.realsim.testsupport.TestFiles;
import com.realsim.verification.VerificationService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationContext;

/**
 * Test data for orders: verified enterprises of fresh agents, inventory cards imported through the real pipeline
 * (the card module's {@link CardFixtures}), valid order inputs of every type, and the photos an order needs, uploaded
 * as the agent would.
 */
public final class OrderFixtures {

    public static final String HANDLER_ID_NUMBER = "420106199810051639";
    public static final Actor ADMIN = ActorAuthentication.actor(Role.ADMIN, null, null);
    public static final Actor OPS = ActorAuthentication.actor(Role.OPS, null, null);

    private static final AtomicLong agents =
            new AtomicLong(ThreadLocalRandom.current().nextLong(100_000L, 900_000L));
    private static final Map<Long, AtomicInteger> enterprisesPerAgent = new ConcurrentHashMap<>();

    private final CardFixtures cards;
    private final EnterpriseService enterprises;
    private final OrderService orders;
    private final VerificationService verifications;

    public OrderFixtures(ApplicationContext context) {
        this.cards = new CardFixtures(context);
        this.enterprises = context.getBean(EnterpriseService.class);
        this.orders = context.getBean(OrderService.class);
        this.verifications = context.getBean(VerificationService.class);
    }

    /** An agent organisation id no other test uses. */
    public static long newAgentId() {
        return agents.incrementAndGet();
    }

    public static Actor agent(long agentId) {
        return ActorAuthentication.actor(Role.AGENT, agentId, null);
    }

    public static Actor ops() {
        return ActorAuthentication.actor(Role.OPS, null, null);
    }

    public static Actor enterpriseAdmin(long enterpriseId) {
        return ActorAuthentication.actor(Role.ENTERPRISE_ADMIN, null, enterpriseId);
    }

    /** A verified enterprise of this agent (at most four per agent: the shared test vectors have four codes). */
    public EnterpriseView verifiedEnterprise(long agentId) {
        int index = enterprisesPerAgent
                .computeIfAbsent(agentId, id -> new AtomicInteger())
                .getAndIncrement();
        return new EnterpriseFixtures(enterprises).verified(agentId, EnterpriseFixtures.code(index));
    }

    /** A draft (not verified) enterprise of this agent. */
    public EnterpriseView draftEnterprise(long agentId) {
        int index = enterprisesPerAgent
                .computeIfAbsent(agentId, id -> new AtomicInteger())
                .getAndIncrement();
        return new EnterpriseFixtures(enterprises).draft(agentId, EnterpriseFixtures.code(index));
    }

    /** A fresh 20-digit ICCID with its Luhn check digit. */
    public static String iccid() {
        return CardFixtures.iccid();
    }

    /** A plan with this shape, created once per code. */
    public String plan(String code, boolean dataDirectional, ServiceDirection voice, boolean test, boolean imei) {
        return cards.plan(code, dataDirectional, voice, ServiceDirection.NONE, test, imei);
    }

    /** Directional data only: enterprise-level real-name suffices. */
    public String dataOnlyPlan() {
        return cards.directionalDataPlan();
    }

    public String testPackagePlan() {
        return cards.testPackagePlan();
    }

    public String imeiBoundPlan() {
        return cards.devicePlan();
    }

    /** Non-directional data: the end user is required. */
    public String endUserPlan() {
        return cards.nonDirectionalDataPlan();
    }

    /** Imports cards of this plan into the inventory and answers their ICCIDs. */
    public List<String> inventory(int count, String planCode) {
        return cards.inventoryCards(count, "138", planCode);
    }

    /**
     * Cards of this plan already with the enterprise, waiting for activation (handed over as a completed new
     * installation would, through the card module's order API, with an order id of no real order).
     */
    public List<String> enterpriseCards(int count, String planCode, long agentId, long enterpriseId) {
        return cards.enterpriseCards(count, "138", planCode, agentId, enterpriseId);
    }

    /** Uploads the photos, the handler's on-site photo, and lets an OPS user approve the comparison. */
    public OrderView throughComparison(Actor agent, long orderId) {
        attachDocuments(agent, orderId);
        OrderView photographed = attachHandlerPhoto(agent, orderId);
        RunAs.run(ops(), () -> verifications.approve(photographed.verificationCaseId(), "Same person as the ID"));
        return awaitClosed(agent, orderId);
    }

    /** Waits until the order is no longer open (a verification decision reaches it asynchronously). */
    public OrderView awaitClosed(Actor reader, long orderId) {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(120))
                .until(() -> !RunAs.run(reader, () -> orders.get(orderId)).open());
        return RunAs.run(reader, () -> orders.get(orderId));
    }

    public static OrderInput.HandlerInput handler() {
        return new OrderInput.HandlerInput(
                "李四",
                IdType.RESIDENT_ID,
                HANDLER_ID_NUMBER,
                "湖北省武汉市江岸区解放大道 1 号",
                LocalDate.now().plusYears(1));
    }

    public static OrderInput.DeviceInput device() {
        return new OrderInput.DeviceInput("智能水表", "WM-200", "智慧水务", 30);
    }

    public static OrderInput newInstall(long enterpriseId, List<String> iccids) {
        return new OrderInput(OrderType.NEW_INSTALL, enterpriseId, iccids, handler(), device(), null, null, null);
    }

    public static OrderInput of(OrderType type, long enterpriseId, List<String> iccids) {
        return new OrderInput(type, enterpriseId, iccids, handler(), null, null, null, null);
    }

    public static OrderInput transfer(long enterpriseId, long targetEnterpriseId, List<String> iccids) {
        return new OrderInput(
                OrderType.TRANSFER, enterpriseId, iccids, handler(), null, targetEnterpriseId, null, null);
    }

    public static OrderInput rebind(long enterpriseId, List<String> iccids, String imei) {
        return new OrderInput(OrderType.REBIND_IMEI, enterpriseId, iccids, handler(), null, null, null, imei);
    }

    public static OrderInput replacement(long enterpriseId, List<String> oldIccids, List<String> newIccids) {
        List<OrderInput.ReplacementInput> pairs = new ArrayList<>();
        for (int i = 0; i < oldIccids.size(); i++) {
            pairs.add(new OrderInput.ReplacementInput(oldIccids.get(i), newIccids.get(i)));
        }
        return new OrderInput(OrderType.CARD_REPLACEMENT, enterpriseId, null, handler(), null, null, pairs, null);
    }

    public OrderView submit(Actor agent, OrderInput input) {
        return RunAs.run(agent, () -> orders.create(input));
    }

    /** Uploads every document the order's type requires (not the handler's on-site photo). */
    public OrderView attachDocuments(Actor agent, long orderId) {
        return RunAs.run(agent, () -> {
            OrderView order = orders.get(orderId);
            OrderView last = order;
            for (OrderDocumentKind kind : order.type().uploadableDocuments()) {
                last = orders.attach(orderId, kind, TestFiles.jpeg()).order();
            }
            return last;
        });
    }

    public OrderView attachHandlerPhoto(Actor agent, long orderId) {
        return RunAs.run(
                agent,
                () -> orders.attachHandlerPhoto(orderId, TestFiles.jpeg()).order());
    }
}
