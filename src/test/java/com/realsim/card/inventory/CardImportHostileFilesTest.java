package com.realsim.card.inventory;

import static com.realsim.card.CardFixtures.OPS;
import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.card.CardFixtures;
import com.realsim.catalogue.Operator;
import com.realsim.catalogue.ServiceDirection;
import com.realsim.testsupport.GeneratedInputs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hostile inventory files through the real import into PostgreSQL ({@link CardImportService#importNow}): the
 * generated files of {@link HostileInventory} with fresh numbers, and the defects the suites found, each as the file
 * that showed it. Every good line ends up as a card with exactly its values, every other line with content as a
 * rejection with its line number, code and a message in both languages, and nothing else fails. The bulk of the
 * generated files runs without a database in {@link InventoryFileHostileInputTest}.
 */
@SpringBootTest
class CardImportHostileFilesTest {

    static final int FILES = 300;
    static final GeneratedInputs inputs = new GeneratedInputs("inventory-import-postgresql");

    @Autowired
    CardImportService imports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MessageSource messages;

    @Autowired
    ApplicationContext context;

    CardFixtures fx;

    @BeforeEach
    void plans() {
        fx = new CardFixtures(context);
        for (String plan : HostileInventory.PLANS) {
            fx.plan(plan, true, ServiceDirection.NONE, ServiceDirection.NONE, false, false);
        }
    }

    @AfterAll
    static void report() {
        inputs.report();
    }

    @Test
    void generatedHostileFilesKeepEveryGoodLineAndRejectEveryOtherWithItsCode() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        HostileInventory.Kind[] kinds = HostileInventory.Kind.values();
        for (int n = 0; n < FILES; n++) {
            List<HostileInventory.Kind> lines = new ArrayList<>();
            for (int k = random.nextInt(40); k > 0; k--) {
                lines.add(random.nextInt(3) == 0 ? HostileInventory.Kind.GOOD : kinds[random.nextInt(kinds.length)]);
            }
            HostileInventory.Encoding encoding =
                    HostileInventory.Encoding.values()[random.nextInt(HostileInventory.Encoding.values().length)];
            HostileInventory.File file =
                    new HostileInventory(random.nextLong(), encoding, () -> freshValues(random)).render(lines);

            CardImportResult result =
                    imports.importNow(new ByteArrayInputStream(file.bytes()), "hostile-" + n + ".csv", OPS);
            inputs.count("generated files imported into PostgreSQL");
            inputs.count(
                    "lines of generated files imported into PostgreSQL",
                    file.lines().size());

            String context = "seed " + seed + ", file " + n + ", " + encoding + ", " + lines;
            List<HostileInventory.Line> good =
                    file.lines().stream().filter(HostileInventory.Line::good).toList();
            assertThat(result.imported()).as(context).isEqualTo(good.size());
            assertThat(result.rejected())
                    .as(context)
                    .extracting(RejectedLine::line)
                    .containsExactlyElementsOf(file.lines().stream()
                            .filter(l -> !l.good())
                            .map(HostileInventory.Line::number)
                            .toList());
            assertThat(stored(good))
                    .as(context)
                    .isEqualTo(good.stream()
                            .collect(Collectors.toMap(l -> l.values().get(0), HostileInventory.Line::values)));
            for (RejectedLine rejected : result.rejected()) {
                assertThat(rejected.code()).isIn("INVALID_ICCID", "VALIDATION_FAILED");
                for (java.util.Locale locale : List.of(java.util.Locale.ENGLISH, java.util.Locale.CHINESE)) {
                    assertThat(messages.getMessage(rejected.messageKey(), null, null, locale))
                            .as("%s in %s", rejected.messageKey(), locale)
                            .isNotBlank();
                }
                assertThat(rejected.raw().length()).isLessThanOrEqualTo(InventoryFile.MAX_RAW_CHARS + 1);
            }
        }
    }

    @Test
    void aNulInABadLineRejectsThatLineAndKeepsTheGoodOnes() {
        // Found by the generated files: PostgreSQL's text cannot hold NUL, so the rejected line's text failed the
        // COPY and with it the whole import (card.import.failed, nothing imported, 500 over the API).
        String good = CardFixtures.iccid();
        String body = "iccid,msisdn,imsi,operator,planCode\n"
                + String.join(",", good, CardFixtures.msisdn("149"), CardFixtures.imsi(), "CHINA_MOBILE", "METER-30M")
                + "\n8986\u000000,149,460,CHINA_MOBILE,METER-30M\n";
        CardImportResult result =
                imports.importNow(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), "nul.csv", OPS);
        assertThat(result.imported()).isOne();
        assertThat(result.rejected()).singleElement().satisfies(rejected -> {
            assertThat(rejected.line()).isEqualTo(3);
            assertThat(rejected.code()).isEqualTo("INVALID_ICCID");
            assertThat(rejected.raw()).startsWith("8986\uFFFD00,149");
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM card WHERE iccid = ?", Long.class, good))
                .isOne();
    }

    @Test
    void anUnclosedQuoteInTheHeaderIsAWrongHeaderAndAnUnclosedQuoteInALineRejectsOnlyThatLine() {
        // Found by the generated files: an unclosed quote in the header escaped as an UncheckedIOException (500 over
        // the API); in a line, it swallowed the rest of the file into one value, held in memory, and refused the file.
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> imports.importNow(
                        new ByteArrayInputStream(
                                "\"iccid,msisdn,imsi,operator,planCode\n".getBytes(StandardCharsets.UTF_8)),
                        "header.csv",
                        OPS)))
                .isInstanceOf(com.realsim.platform.error.ValidationException.class);

        List<String> rows = new ArrayList<>();
        rows.add("\"" + CardFixtures.iccid() + ",1,2,3,4");
        List<String> after = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String iccid = CardFixtures.iccid();
            after.add(iccid);
            rows.add(
                    String.join(",", iccid, CardFixtures.msisdn("149"), CardFixtures.imsi(), "CHINA_UNICOM", "CAR-1G"));
        }
        CardImportResult result = imports.importNow(CardFixtures.csv(rows), "quote.csv", OPS);
        assertThat(result.rejected())
                .extracting(RejectedLine::line, RejectedLine::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "card.import.malformedLine"));
        assertThat(result.imported()).isEqualTo(50);
        assertThat(after)
                .allSatisfy(iccid -> assertThat(
                                jdbc.queryForObject("SELECT count(*) FROM card WHERE iccid = ?", Long.class, iccid))
                        .isOne());
    }

    private Map<String, List<String>> stored(List<HostileInventory.Line> good) {
        Map<String, List<String>> stored = new HashMap<>();
        String[] iccids = good.stream().map(l -> l.values().get(0)).toArray(String[]::new);
        jdbc.query(
                "SELECT c.iccid, c.msisdn, c.imsi, c.operator, p.code FROM card c JOIN service_plan p ON p.id = c.plan_id"
                        + " WHERE c.iccid = ANY (?)",
                rs -> {
                    stored.put(
                            rs.getString(1),
                            List.of(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5)));
                },
                (Object) iccids);
        return stored;
    }

    private static List<String> freshValues(Random random) {
        return List.of(
                CardFixtures.iccid(),
                CardFixtures.msisdn(random.nextBoolean() ? "149" : "14403"),
                CardFixtures.imsi(),
                Operator.values()[random.nextInt(Operator.values().length)].name(),
                HostileInventory.PLANS.get(random.nextInt(HostileInventory.PLANS.size())));
    }
}
