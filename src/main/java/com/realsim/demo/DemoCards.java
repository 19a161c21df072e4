package com.realsim.demo;

import com.realsim.approval.ExceptionKind;
import com.realsim.approval.ExceptionService;
import com.realsim.approval.ExceptionView;
import com.realsim.card.CardService;
import com.realsim.card.CardView;
import com.realsim.card.EndUserDetails;
import com.realsim.card.EndUserPhoto;
import com.realsim.card.EndUserService;
import com.realsim.card.inventory.CardImportResult;
import com.realsim.card.inventory.CardImportService;
import com.realsim.catalogue.NewServicePlan;
import com.realsim.catalogue.ServiceDirection;
import com.realsim.catalogue.ServicePlanService;
import com.realsim.identity.IdType;
import com.realsim.order.OrderDocumentKind;
import com.realsim.order.OrderInput;
import com.realsim.order.OrderService;
import com.realsim.order.OrderType;
import com.realsim.order.OrderView;
import com.realsim.platform.Actor;
import com.realsim.platform.ChinaTime;
import com.realsim.verification.VerificationService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The cards of the demo: three service plans, an inventory import, a new installation that went through the handler's
 * comparison, cards in every state a visitor should see (active, suspended by the customer, waiting for the end user,
 * end user under review, an exception waiting for OPS), and a second order still waiting for OPS. Everything goes
 * through the same use cases as the pages, as the demo accounts, so the audit trail tells the same story.
 */
@Component
@Profile("demo")
@RequiredArgsConstructor
class DemoCards {

    private static final Logger log = LoggerFactory.getLogger(DemoCards.class);
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final ServicePlanService plans;
    private final CardImportService imports;
    private final OrderService orders;
    private final VerificationService verifications;
    private final CardService cards;
    private final EndUserService endUsers;
    private final ExceptionService exceptions;
    private final Clock clock;

    /** The accounts and enterprises the cards belong to. */
    record Cast(Actor admin, Actor ops, Actor ops2, Actor agent, long enterpriseId, long secondEnterpriseId) {}

    void load(Cast cast) {
        DemoActors.as(cast.admin(), () -> {
            plans.create(
                    new NewServicePlan(
                            "DEMO-METER",
                            "智能表计定向流量 30M",
                            true,
                            ServiceDirection.NONE,
                            ServiceDirection.NONE,
                            false,
                            true),
                    cast.admin());
            plans.create(
                    new NewServicePlan(
                            "DEMO-DATA",
                            "车载终端通用流量 1G",
                            false,
                            ServiceDirection.NONE,
                            ServiceDirection.NONE,
                            false,
                            false),
                    cast.admin());
            return plans.create(
                    new NewServicePlan(
                            "DEMO-TEST",
                            "测试期套餐 (90 天)",
                            true,
                            ServiceDirection.NONE,
                            ServiceDirection.NONE,
                            true,
                            false),
                    cast.admin());
        });

        List<String> meters = inventory(cast.ops(), "DEMO-METER", 40, 0);
        List<String> data = inventory(cast.ops(), "DEMO-DATA", 30, 100);
        inventory(cast.ops(), "DEMO-TEST", 10, 200);

        List<String> installed = new ArrayList<>(meters.subList(0, 20));
        installed.addAll(data.subList(0, 10));
        OrderView first = newInstall(cast.agent(), cast.enterpriseId(), installed);
        DemoActors.as(cast.ops(), () -> verifications.approve(first.verificationCaseId(), "现场照片与身份证件一致"));
        await(
                "the first order's completion",
                () -> !DemoActors.as(cast.agent(), () -> orders.get(first.id())).open());

        DemoActors.as(cast.agent(), () -> {
            meters.subList(0, 15).forEach(cards::activate);
            return cards.suspend(meters.get(3), "客户申请：设备返修");
        });

        endUsers(cast, data);

        newInstall(cast.agent(), cast.secondEnterpriseId(), meters.subList(20, 25));
        log.info("Demo cards loaded: 80 imported, 30 with 福州云链物流, 5 more waiting for OPS to approve the handler");
    }

    /** Data cards need their end user: one verified and active, two under review, one with an exception request. */
    private void endUsers(Cast cast, List<String> data) {
        String[] people = {"林秀梅", "王磊", "郑丽华"};
        for (int i = 0; i < people.length; i++) {
            String iccid = data.get(i);
            String name = people[i];
            DemoActors.as(cast.agent(), () -> {
                endUsers.bind(
                        iccid,
                        EndUserDetails.of(
                                name,
                                IdType.RESIDENT_ID,
                                DemoPeople.idNumber(name),
                                "福建省福州市台江区上海街道",
                                ChinaTime.today(clock)));
                endUsers.attachPhoto(iccid, EndUserPhoto.ID_FRONT, DemoPictures.idCard("Front side"));
                endUsers.attachPhoto(iccid, EndUserPhoto.ID_BACK, DemoPictures.idCard("Back side"));
                return endUsers.attachPhoto(iccid, EndUserPhoto.LIVE_PHOTO, DemoPictures.livePhoto(name));
            });
        }
        String verified = data.get(0);
        CardView card = DemoActors.as(cast.agent(), () -> cards.view(verified));
        DemoActors.as(cast.ops2(), () -> verifications.approve(card.endUser().verificationCaseId(), "人证一致"));
        await(
                "the end user's verification",
                () -> DemoActors.as(cast.agent(), () -> cards.view(verified))
                        .realName()
                        .satisfied());
        DemoActors.as(cast.agent(), () -> cards.activate(verified));

        String fleet = data.get(5);
        DemoActors.as(cast.agent(), () -> {
            ExceptionView request = exceptions.request(fleet, ExceptionKind.PROVINCIAL_APPROVAL, "车队终端由企业统一管理，省公司已批准");
            return exceptions.attachDocument(
                    request.id(), DemoPictures.document("PROVINCIAL APPROVAL - SAMPLE", "Fleet terminals"));
        });
    }

    private OrderView newInstall(Actor agent, long enterpriseId, List<String> iccids) {
        return DemoActors.as(agent, () -> {
            OrderView order = orders.create(new OrderInput(
                    OrderType.NEW_INSTALL,
                    enterpriseId,
                    List.copyOf(iccids),
                    new OrderInput.HandlerInput(
                            "李建华",
                            IdType.RESIDENT_ID,
                            DemoPeople.idNumber("李建华"),
                            "福建省福州市鼓楼区东街街道",
                            ChinaTime.today(clock).plusMonths(6)),
                    new OrderInput.DeviceInput("智能水表", "WM-200", "智慧水务", 30),
                    null,
                    null,
                    null));
            for (OrderDocumentKind kind : order.type().uploadableDocuments()) {
                orders.attach(order.id(), kind, DemoPictures.document("ORDER DOCUMENT - SAMPLE", kind.name()));
            }
            return orders.attachHandlerPhoto(order.id(), DemoPictures.livePhoto("Handler on site"))
                    .order();
        });
    }

    /** Imports {@code count} cards of a plan; serials from {@code offset} keep every number distinct and stable. */
    private List<String> inventory(Actor ops, String plan, int count, int offset) {
        List<String> iccids = new ArrayList<>();
        StringBuilder csv = new StringBuilder("iccid,msisdn,imsi,operator,planCode\n");
        for (int i = 0; i < count; i++) {
            long serial = 4_200_000L + offset + i;
            String body = "898600261" + String.format("%010d", serial);
            String iccid = body + luhn(body);
            iccids.add(iccid);
            csv.append(iccid)
                    .append(",1440")
                    .append(String.format("%09d", 310_000_000L + serial))
                    .append(",46000")
                    .append(String.format("%010d", 5_100_000_000L + serial))
                    .append(",CHINA_MOBILE,")
                    .append(plan)
                    .append('\n');
        }
        CardImportResult result = DemoActors.as(
                ops,
                () -> imports.importNow(
                        new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                        "demo-" + plan.toLowerCase() + ".csv",
                        ops));
        if (result.imported() != count) {
            throw new IllegalStateException("Demo import rejected rows: " + result.rejected());
        }
        return iccids;
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

    /** Waits for an effect that events bring about after the use case's commit. */
    private static void await(String what, BooleanSupplier done) {
        Instant until = Instant.now().plus(PATIENCE);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("Demo data: gave up waiting for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
        }
    }
}
