package com.realsim.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.card.CardTestConfiguration;
import com.realsim.card.EndUserDetails;
import com.realsim.card.EndUserService;
import com.realsim.enterprise.CertificateType;
import com.realsim.enterprise.EnterpriseInput;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.enterprise.EnterpriseView;
import com.realsim.order.OrderFixtures;
import com.realsim.order.OrderInput;
import com.realsim.order.OrderService;
import com.realsim.order.OrderType;
import com.realsim.platform.Actor;
import com.realsim.platform.ChinaTime;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.ValidationException;
import com.realsim.testsupport.FreshNumbers;
import com.realsim.testsupport.RunAs;
import com.realsim.verification.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bars at every entry point (end user, handler, responsible person, enterprise), their validity window on a movable
 * clock, the lift by a second OPS person, the CSV import's row-level errors, and a bar committed while a binding
 * waits: the binding does not get through.
 */
@SpringBootTest
@Import(CardTestConfiguration.class)
class BarredIdentitiesTest {

    static final String ADDRESS = "福建省福州市鼓楼区五四路 100 号";

    @Autowired
    ApplicationContext context;

    @Autowired
    BarredIdentities bars;

    @Autowired
    EndUserService endUsers;

    @Autowired
    OrderService orders;

    @Autowired
    EnterpriseService enterprises;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    MutableClock clock;

    final Actor ops = OrderFixtures.ops();

    LocalDate today() {
        return ChinaTime.today(clock);
    }

    BarView barPerson(Actor by, String idNumber, LocalDate from, LocalDate to) {
        return RunAs.run(
                by,
                () -> bars.record(new NewBar(
                        BarSubject.PERSON, IdType.RESIDENT_ID, idNumber, null, "闽公通〔2026〕17号", from, to, "出租电话卡")));
    }

    record Tenant(Actor agent, long enterpriseId, OrderFixtures fixtures) {
        String newCard() {
            return fixtures.enterpriseCards(1, fixtures.endUserPlan(), agent.agentId(), enterpriseId)
                    .get(0);
        }
    }

    Tenant tenant() {
        OrderFixtures fixtures = new OrderFixtures(context);
        long agentId = OrderFixtures.newAgentId();
        EnterpriseView enterprise = fixtures.verifiedEnterprise(agentId);
        return new Tenant(OrderFixtures.agent(agentId), enterprise.id(), fixtures);
    }

    void bind(Tenant tenant, String iccid, String idNumber) {
        RunAs.run(
                tenant.agent(),
                () -> endUsers.bind(iccid, EndUserDetails.of("王五", IdType.RESIDENT_ID, idNumber, ADDRESS, today())));
    }

    static void assertBarred(Runnable attempt, String field) {
        assertThatThrownBy(attempt::run).isInstanceOfSatisfying(ValidationException.class, refused -> {
            assertThat(refused.code()).isEqualTo(ErrorCode.IDENTITY_BARRED);
            assertThat(refused.fieldProblems())
                    .singleElement()
                    .satisfies(problem -> assertThat(problem.field()).isEqualTo(field));
        });
    }

    @Test
    void aBarredPersonIsRefusedAsEndUserHandlerAndResponsiblePerson() {
        Tenant tenant = tenant();
        String person = FreshNumbers.residentIdNumber();
        BarView bar = barPerson(ops, person, today(), today().plusYears(2));
        assertThat(bar.subject()).as("masked").doesNotContain(person).contains("****");
        assertThat(bar.inForce()).isTrue();

        assertBarred(() -> bind(tenant, tenant.newCard(), person), "idNumber");

        OrderInput.HandlerInput handler =
                new OrderInput.HandlerInput("王五", IdType.RESIDENT_ID, person, ADDRESS, today().plusYears(1));
        OrderInput order = new OrderInput(
                OrderType.NEW_INSTALL,
                tenant.enterpriseId(),
                tenant.fixtures().inventory(1, tenant.fixtures().dataOnlyPlan()),
                handler,
                OrderFixtures.device(),
                null,
                null,
                null);
        assertBarred(() -> RunAs.run(tenant.agent(), () -> orders.create(order)), "handler.idNumber");

        EnterpriseInput registration = new EnterpriseInput(
                "惩戒测试企业",
                CertificateType.USCC,
                FreshNumbers.uscc(),
                ADDRESS,
                "王五",
                new EnterpriseInput.PersonInput("王五", IdType.RESIDENT_ID, person, ADDRESS, true, null, null));
        assertBarred(
                () -> RunAs.run(tenant.agent(), () -> enterprises.register(registration)),
                "responsiblePerson.idNumber");

        String other = FreshNumbers.residentIdNumber();
        bind(tenant, tenant.newCard(), other);
        assertThat(RunAs.run(ops, () -> bars.cardsHeld(bar.id()))).isEmpty();
    }

    @Test
    void aBarredEnterpriseCannotBeRegistered() {
        Tenant tenant = tenant();
        String uscc = FreshNumbers.uscc();
        RunAs.run(
                ops,
                () -> bars.record(new NewBar(
                        BarSubject.ENTERPRISE,
                        null,
                        null,
                        uscc,
                        "闽公通〔2026〕18号",
                        today(),
                        today().plusYears(3),
                        "收购电话卡")));
        EnterpriseInput registration = new EnterpriseInput(
                "惩戒单位",
                CertificateType.USCC,
                uscc.toLowerCase(java.util.Locale.ROOT),
                ADDRESS,
                "赵六",
                new EnterpriseInput.PersonInput(
                        "赵六", IdType.RESIDENT_ID, FreshNumbers.residentIdNumber(), ADDRESS, true, null, null));
        assertBarred(() -> RunAs.run(tenant.agent(), () -> enterprises.register(registration)), "certificateNumber");
    }

    @Test
    void aBarHoldsOnlyWithinItsValidityAndTheCardsHeldAreListed() {
        Tenant tenant = tenant();
        String person = FreshNumbers.residentIdNumber();
        String held = tenant.newCard();
        bind(tenant, held, person);
        BarView bar = barPerson(ops, person, today().plusDays(1), today().plusDays(2));
        assertThat(bar.inForce()).isFalse();
        assertThat(RunAs.run(ops, () -> bars.cardsHeld(bar.id()))).containsExactly(held);

        bind(tenant, tenant.newCard(), person); // not yet in force

        clock.advance(Duration.ofDays(1));
        assertBarred(() -> bind(tenant, tenant.newCard(), person), "idNumber");

        clock.advance(Duration.ofDays(2));
        bind(tenant, tenant.newCard(), person); // over
    }

    @Test
    void aBarLastsAtMostFiveYearsAndNeedsItsBasis() {
        String person = FreshNumbers.residentIdNumber();
        assertThatThrownBy(() ->
                        barPerson(ops, person, today(), today().plusYears(5).plusDays(1)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused -> assertThat(refused.fieldProblems())
                                .extracting(p -> p.field())
                                .containsExactly("validTo"));
        assertThat(barPerson(ops, person, today(), today().plusYears(5)).validTo())
                .isEqualTo(today().plusYears(5));
    }

    @Test
    void onlyASecondOpsPersonLiftsABarAndThenTheBindingGoesThrough() {
        Tenant tenant = tenant();
        String person = FreshNumbers.residentIdNumber();
        BarView bar = barPerson(ops, person, today(), today().plusYears(2));

        assertThatThrownBy(() -> RunAs.run(ops, () -> bars.lift(bar.id(), "申诉成立")))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.SELF_APPROVAL));
        assertBarred(() -> bind(tenant, tenant.newCard(), person), "idNumber");

        BarView lifted = RunAs.run(OrderFixtures.ops(), () -> bars.lift(bar.id(), "申诉成立"));
        assertThat(lifted.status()).isEqualTo(BarStatus.LIFTED);
        assertThat(lifted.inForce()).isFalse();
        bind(tenant, tenant.newCard(), person);
    }

    @Test
    void aCsvImportRecordsTheGoodLinesAndNamesTheFieldOfEachBadOne() {
        String good = FreshNumbers.residentIdNumber();
        String csv = """
                subjectType,idType,idNumber,uscc,basis,validFrom,validTo,reason
                PERSON,RESIDENT_ID,%s,,闽公通〔2026〕20号,%s,%s,出借电话卡
                PERSON,RESIDENT_ID,11010119900101123,,闽公通〔2026〕21号,%s,%s,出借电话卡
                ENTERPRISE,,,%s,闽公通〔2026〕22号,%s,%s,收购电话卡
                PERSON,RESIDENT_ID,%s,,闽公通〔2026〕23号,%s,%s,出借电话卡
                """.formatted(
                        good,
                        today(),
                        today().plusYears(2),
                        today(),
                        today().plusYears(2),
                        FreshNumbers.uscc(),
                        today(),
                        today().plusYears(6),
                        FreshNumbers.residentIdNumber(),
                        today(),
                        "2026-13-01");
        BarImport result = RunAs.run(ops, () -> bars.importCsv(csv));
        assertThat(result.recorded()).isEqualTo(1);
        assertThat(result.refused())
                .extracting(BarImport.Refused::line, BarImport.Refused::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "idNumber"),
                        org.assertj.core.groups.Tuple.tuple(4, "validTo"),
                        org.assertj.core.groups.Tuple.tuple(5, "validTo"));
        Tenant tenant = tenant();
        assertBarred(() -> bind(tenant, tenant.newCard(), good), "idNumber");
    }

    @Test
    void aBarCommittedWhileABindingWaitsDoesNotLetTheBindingThrough() throws Exception {
        Tenant tenant = tenant();
        String person = FreshNumbers.residentIdNumber();
        String iccid = tenant.newCard();
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> bar = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            barPerson(ops, person, today(), today().plusYears(2));
            recorded.countDown();
            try {
                commit.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(recorded.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> binding = CompletableFuture.runAsync(() -> bind(tenant, iccid, person));
        Thread.sleep(500);
        assertThat(binding).as("the binding waits for the bar's lock").isNotDone();
        commit.countDown();
        bar.get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> binding.get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ValidationException.class)
                .cause()
                .satisfies(e -> assertThat(((ValidationException) e).code()).isEqualTo(ErrorCode.IDENTITY_BARRED));
        assertThat(RunAs.run(ops, () -> List.copyOf(bars.list(null, 50))))
                .anySatisfy(b -> assertThat(b.inForce()).isTrue());
    }
}
