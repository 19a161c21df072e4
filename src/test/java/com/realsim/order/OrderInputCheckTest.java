package com.realsim.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.identity.IdType;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The field checks of a typed order: every problem at once, named as the API names the field. */
class OrderInputCheckTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final String A = "89860000000000000019";
    static final String B = "89860000000000000027";
    static final String C = "89860000000000000035";

    static List<FieldProblem> problems(OrderInput input) {
        try {
            OrderInputCheck.check(input, 100, TODAY);
        } catch (ValidationException e) {
            return e.fieldProblems();
        }
        throw new AssertionError("no problem found");
    }

    static List<String> fields(OrderInput input) {
        return problems(input).stream().map(FieldProblem::field).toList();
    }

    static OrderInput.HandlerInput handler() {
        return new OrderInput.HandlerInput("李四", IdType.RESIDENT_ID, "420106199810051639", "武汉", TODAY);
    }

    @Test
    void theFixturesIccidsAreValid() {
        CheckedOrder order = OrderInputCheck.check(
                new OrderInput(OrderType.SUSPEND, 1L, List.of(" " + A + " ", B, C), handler(), null, null, null, null),
                100,
                TODAY);
        assertThat(order.iccids()).containsExactly(A, B, C);
        assertThat(order.handler().idDocument().masked()).isEqualTo("420106********1639");
    }

    @Test
    void aBadLuhnDigitIsAnInvalidIccidAtItsIndex() {
        List<FieldProblem> problems = problems(new OrderInput(
                OrderType.SUSPEND, 1L, List.of(A, "89860000000000000018", B), handler(), null, null, null, null));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("iccids[1]");
            assertThat(p.code()).isEqualTo(ErrorCode.INVALID_ICCID);
        });
    }

    @Test
    void tooShortLettersAndRepeatsAreNamedEach() {
        assertThat(fields(new OrderInput(
                        OrderType.SUSPEND,
                        1L,
                        Arrays.asList(A, "8986", "8986000000000000001X", A, null),
                        handler(),
                        null,
                        null,
                        null,
                        null)))
                .containsExactly("iccids[1]", "iccids[2]", "iccids[3]", "iccids[4]");
    }

    @Test
    void everyProblemOfTheOrderIsReportedAtOnce() {
        assertThat(fields(new OrderInput(
                        OrderType.NEW_INSTALL,
                        null,
                        List.of(),
                        new OrderInput.HandlerInput(" ", IdType.RESIDENT_ID, "420106199810051638", "", null),
                        new OrderInput.DeviceInput("水表", "", "水务", 0),
                        null,
                        null,
                        null)))
                .containsExactly(
                        "enterpriseId",
                        "iccids",
                        "handler.name",
                        "handler.idNumber",
                        "handler.idAddress",
                        "handler.authorizationValidTo",
                        "device.model",
                        "device.expectedMonthlyTrafficMb");
    }

    @Test
    void aNewInstallationNeedsItsDeviceInformation() {
        assertThat(fields(new OrderInput(OrderType.NEW_INSTALL, 1L, List.of(A), handler(), null, null, null, null)))
                .containsExactly("device");
        // other types ignore it
        assertThat(OrderInputCheck.check(
                                new OrderInput(OrderType.CANCEL, 1L, List.of(A), handler(), null, null, null, null),
                                100,
                                TODAY)
                        .device())
                .isNull();
    }

    @Test
    void aTransferNeedsAnotherEnterprise() {
        assertThat(fields(new OrderInput(OrderType.TRANSFER, 1L, List.of(A), handler(), null, null, null, null)))
                .containsExactly("targetEnterpriseId");
        assertThat(fields(new OrderInput(OrderType.TRANSFER, 1L, List.of(A), handler(), null, 1L, null, null)))
                .containsExactly("targetEnterpriseId");
    }

    @Test
    void aRebindNeedsFifteenDigits() {
        assertThat(fields(new OrderInput(OrderType.REBIND_IMEI, 1L, List.of(A), handler(), null, null, null, "12345")))
                .containsExactly("imei");
        assertThat(OrderInputCheck.check(
                                new OrderInput(
                                        OrderType.REBIND_IMEI,
                                        1L,
                                        List.of(A),
                                        handler(),
                                        null,
                                        null,
                                        null,
                                        " 860000000000017 "),
                                100,
                                TODAY)
                        .imei())
                .isEqualTo("860000000000017");
    }

    @Test
    void replacementsArePairsOfDifferentValidCardsAndIccidsMayOnlyRepeatTheOldOnes() {
        List<OrderInput.ReplacementInput> pairs =
                List.of(new OrderInput.ReplacementInput(A, B), new OrderInput.ReplacementInput(C, A));
        assertThat(fields(new OrderInput(OrderType.CARD_REPLACEMENT, 1L, null, handler(), null, null, pairs, null)))
                .containsExactly("replacements[1].newIccid");
        List<OrderInput.ReplacementInput> good = List.of(new OrderInput.ReplacementInput(A, B));
        CheckedOrder order = OrderInputCheck.check(
                new OrderInput(OrderType.CARD_REPLACEMENT, 1L, List.of(A), handler(), null, null, good, null),
                100,
                TODAY);
        assertThat(order.iccids()).containsExactly(A);
        assertThat(order.allIccids()).containsExactly(A, B);
        assertThat(fields(
                        new OrderInput(OrderType.CARD_REPLACEMENT, 1L, List.of(C), handler(), null, null, good, null)))
                .containsExactly("iccids");
        assertThat(fields(new OrderInput(OrderType.CARD_REPLACEMENT, 1L, null, handler(), null, null, null, null)))
                .containsExactly("replacements");
    }

    @Test
    void anOrderHoldsAtMostTheConfiguredNumberOfCards() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(A);
        }
        assertThatThrownBy(() -> OrderInputCheck.check(
                        new OrderInput(OrderType.SUSPEND, 1L, many, handler(), null, null, null, null), 100, TODAY))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.fieldProblems())
                                .singleElement()
                                .satisfies(p -> assertThat(p.messageKey()).isEqualTo("order.tooManyCards")));
    }
}
