package com.realsim.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.realsim.order.OrderInput;
import com.realsim.order.OrderType;
import java.io.IOException;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Coverage-guided fuzzing of the new-order form's card list (issue 17): any text typed and any bytes uploaded become
 * an order input with no missing ICCID (the order service checks each, a blank one too) and nothing else is thrown. {@code ./mvnw
 * -Pfuzz test} fuzzes it for its {@code maxDuration}; the default build runs it over the committed corpus
 * ({@code src/test/resources/com/realsim/order/web/OrderFormFuzzTestInputs/}) only.
 */
class OrderFormFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void anyTextTypedOrUploadedBecomesAnOrderInput(FuzzedDataProvider data) throws IOException {
        OrderType type = data.pickValue(OrderType.values());
        String typed = data.consumeString(500);
        byte[] uploaded = data.consumeRemainingAsBytes();
        OrderForm form = new OrderForm();
        form.setType(type);
        form.setIccidsText(typed);
        form.setReplacementsText(typed);
        OrderInput input = form.toInput(new MockMultipartFile("csv", "cards.csv", "text/csv", uploaded));
        if (type == OrderType.CARD_REPLACEMENT) {
            assertThat(input.replacements()).allSatisfy(pair -> {
                assertThat(pair.oldIccid()).isNotNull();
                assertThat(pair.newIccid()).isNotNull();
            });
        } else {
            assertThat(input.iccids()).doesNotContainNull();
        }
    }
}
