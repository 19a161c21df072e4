package com.realsim.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.order.OrderInput;
import com.realsim.order.OrderType;
import com.realsim.testsupport.GeneratedInputs;
import com.realsim.testsupport.HostileText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Hostile input for the new-order form's card list (issue 17): ICCIDs typed one per line or uploaded as a CSV file
 * whose first column is the ICCID, and replacement pairs. Any text typed and any bytes uploaded become an order input
 * (whose ICCIDs the order service then checks) and nothing else; a file of ICCIDs with a header, a byte order mark,
 * quotes, other columns, blank lines and every kind of line end gives exactly its ICCIDs, in order. Counts are
 * printed and kept in {@code target/reliability/order-form.txt}.
 */
class OrderFormHostileInputTest {

    static final GeneratedInputs inputs = new GeneratedInputs("order-form");

    @AfterContainer
    static void report() {
        inputs.report();
    }

    @Property(tries = 40_000)
    void anyTextTypedOrUploadedBecomesAnOrderInput(
            @ForAll("text") String typed, @ForAll("text") String uploaded, @ForAll OrderType type) throws IOException {
        inputs.count("typed and uploaded card lists (OrderForm)");
        OrderForm form = new OrderForm();
        form.setType(type);
        form.setIccidsText(typed);
        form.setReplacementsText(typed);
        OrderInput input = form.toInput(file(uploaded == null ? new byte[0] : bytes(uploaded)));
        if (type == OrderType.CARD_REPLACEMENT) {
            assertThat(input.replacements()).allSatisfy(pair -> {
                assertThat(pair.oldIccid()).isNotNull();
                assertThat(pair.newIccid()).isNotNull();
            });
        } else {
            assertThat(input.iccids()).doesNotContainNull();
        }
    }

    @Property(tries = 20_000)
    void aFileOfIccidsGivesExactlyItsIccidsInOrder(@ForAll("iccidLists") List<String> iccids, @ForAll long seed)
            throws IOException {
        inputs.count("uploaded ICCID files (OrderForm)");
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(random.nextBoolean() ? "\uFEFF" : "");
        if (random.nextBoolean()) {
            text.append(random.nextBoolean() ? "iccid,note" : "\"ICCID\"").append(end(random));
        }
        for (String iccid : iccids) {
            if (random.nextInt(5) == 0) {
                text.append(random.nextBoolean() ? "" : " \t").append(end(random));
            }
            String value = random.nextBoolean() ? "\"" + iccid + "\"" : iccid;
            String rest = List.of("", ",card " + random.nextInt(9), ";x", "\t2026-01-01", "  ")
                    .get(random.nextInt(5));
            text.append(random.nextBoolean() ? " " : "")
                    .append(value)
                    .append(rest)
                    .append(end(random));
        }
        OrderForm form = new OrderForm();
        form.setType(OrderType.NEW_INSTALL);
        OrderInput input = form.toInput(file(text.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(input.iccids()).isEqualTo(iccids);
    }

    @Example
    void aLineOfSeparatorsOnlyIsPassedOverLikeABlankLine() throws IOException {
        // Found by the first property: "," split into no columns at all, and taking its first threw
        // ArrayIndexOutOfBoundsException: a 500 page instead of the order form. Spreadsheets export empty rows so.
        OrderForm form = new OrderForm();
        form.setType(OrderType.CARD_REPLACEMENT);
        form.setReplacementsText("89860026140000000013, 89860026140000000021\n,\n;;");
        assertThat(form.toInput(null).replacements())
                .containsExactly(new OrderInput.ReplacementInput("89860026140000000013", "89860026140000000021"));
        form.setType(OrderType.NEW_INSTALL);
        form.setIccidsText("89860026140000000013\n, ,\n");
        assertThat(form.toInput(file("x\n89860026140000000021\n,,,,\n".getBytes(StandardCharsets.UTF_8)))
                        .iccids())
                .containsExactly("89860026140000000013", "89860026140000000021");
    }

    private static String end(Random random) {
        return List.of("\n", "\r\n", "\r").get(random.nextInt(3));
    }

    private static MockMultipartFile file(byte[] content) {
        return new MockMultipartFile("csv", "cards.csv", "text/csv", content);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(text.hashCode() % 3 == 0 ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_8);
    }

    @Provide
    Arbitrary<String> text() {
        Arbitrary<String> lines = Arbitraries.strings()
                .withChars("0123456789,;\t \"\r\n\uFEFF\u3000x".toCharArray())
                .ofMaxLength(80);
        return Arbitraries.oneOf(lines, HostileText.anything("0123456789,;\t \"\r\n"));
    }

    @Provide
    Arbitrary<List<String>> iccidLists() {
        return Arbitraries.strings()
                .numeric()
                .ofMinLength(19)
                .ofMaxLength(20)
                .map(digits -> "8" + digits.substring(1))
                .list()
                .ofMaxSize(30)
                .map(ArrayList::new);
    }
}
