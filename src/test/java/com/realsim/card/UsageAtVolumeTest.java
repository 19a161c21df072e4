package com.realsim.card;

import static com.realsim.card.CardFixtures.newAgent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.realsim.card.domain.Card;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import com.realsim.verification.MutableClock;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Usage at operator volume: a batch taken set-based with each bad record rejected by its index and code, a batch sent
 * again changing nothing, the per-card summary (first and last day, last IMEI, the month's totals) right after
 * repeated days and a month change, and machine-card separation found in the same statement.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(CardTestConfiguration.class)
class UsageAtVolumeTest {

    static final String DEVICE = "356938035643809";
    static final String OTHER_DEVICE = "356938035643817";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    CardUsageService usage;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate sql;

    CardFixtures fx;
    long agentId;
    long enterpriseId;

    @BeforeEach
    void fixtures() {
        fx = new CardFixtures(context);
        agentId = newAgent();
        enterpriseId = fx.verifiedEnterprise(agentId);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Card.BUSINESS_ZONE));
    }

    static CardUsageService.Report day(String iccid, LocalDate date, long dataKb, long sms, String imei) {
        return new CardUsageService.Report(iccid, date.toString(), dataKb, sms, sms * 10, imei, dataKb / 10);
    }

    CardUsageService.Outcome ingest(CardUsageService.Report... reports) {
        CardUsageService.Outcome outcome = RunAs.run(CardFixtures.OPS, () -> usage.ingest(List.of(reports)));
        assertThat(outcome.rejected()).isEmpty();
        return outcome;
    }

    Map<String, Object> summary(String iccid) {
        return sql.queryForMap("""
                SELECT c.first_usage_on, g.last_usage_on, g.last_imei, g.usage_month, g.month_data_kb,
                       g.month_sms_count, g.month_voice_seconds, g.month_non_directional_kb
                  FROM card c LEFT JOIN card_usage_summary g ON g.card_id = c.id WHERE c.iccid = ?""", iccid);
    }

    long storedDataKb(String iccid, LocalDate date) {
        return sql.queryForObject(
                "SELECT u.data_kb FROM card_usage u JOIN card c ON c.id = u.card_id WHERE c.iccid = ? AND u.usage_date = ?",
                Long.class,
                iccid,
                Date.valueOf(date));
    }

    @Test
    void goodAndBadRecordsMixedAreTakenOrRejectedByIndexAndCode() {
        String card = fx.activeDataCard(agentId, enterpriseId);
        String other = fx.activeDataCard(agentId, enterpriseId);
        String luhnBroken = card.substring(0, 19) + (char) ('0' + (card.charAt(19) - '0' + 1) % 10);
        String day = today().toString();
        String body = "["
                + String.join(
                        ",",
                        record(card, day, "10", "1", "7", null), // 0 good, with non-directional traffic
                        record(luhnBroken, day, "1", "0", null, null), // 1 invalid ICCID
                        record(CardFixtures.iccid(), day, "1", "0", null, null), // 2 unknown ICCID
                        record(card, "2026-13-01", "1", "0", null, null), // 3 bad date
                        record(card, day, "1", "-1", null, null), // 4 negative SMS
                        record(card, day, "1", "0", null, "35693803564380X"), // 5 bad IMEI
                        record(card, day, "1", "0", "-5", null), // 6 negative non-directional traffic
                        record(other, day, "20", "0", null, DEVICE)) // 7 good
                + "]";

        var answer = assertThat(mvc.post()
                        .uri("/api/v1/usage")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .header("Accept-Language", "en")
                        .with(ActorAuthentication.as(CardFixtures.OPS)))
                .hasStatus(HttpStatus.ACCEPTED)
                .bodyJson();
        answer.extractingPath("$.accepted").isEqualTo(2);
        answer.extractingPath("$.rejected[*].index").asArray().containsExactly(1, 2, 3, 4, 5, 6);
        answer.extractingPath("$.rejected[*].code")
                .asArray()
                .containsExactly(
                        "INVALID_ICCID",
                        "NOT_FOUND",
                        "VALIDATION_FAILED",
                        "VALIDATION_FAILED",
                        "VALIDATION_FAILED",
                        "VALIDATION_FAILED");
        answer.extractingPath("$.rejected[*].field")
                .asArray()
                .containsExactly("iccid", "iccid", "date", "smsCount", "imei", "nonDirectionalKb");
        answer.extractingPath("$.rejected[5].message").isEqualTo("Must be 0 or more.");

        assertThat(sql.queryForList(
                        "SELECT u.non_directional_kb FROM card_usage u JOIN card c ON c.id = u.card_id"
                                + " WHERE c.iccid = ?",
                        Long.class,
                        card))
                .containsExactly(7L);
        assertThat(summary(card)).containsEntry("month_non_directional_kb", 7L).containsEntry("month_data_kb", 10L);
        assertThat(summary(other)).containsEntry("last_imei", DEVICE);
    }

    static String record(String iccid, String date, String dataKb, String sms, String nonDirectionalKb, String imei) {
        return "{\"iccid\":\"%s\",\"date\":\"%s\",\"dataKb\":%s,\"smsCount\":%s,\"voiceSeconds\":0%s%s}"
                .formatted(
                        iccid,
                        date,
                        dataKb,
                        sms,
                        nonDirectionalKb == null ? "" : ",\"nonDirectionalKb\":" + nonDirectionalKb,
                        imei == null ? "" : ",\"imei\":\"" + imei + "\"");
    }

    @Test
    void aBatchSentAgainChangesNothingAndTheLastReportOfADayWins() {
        String card = fx.activeDataCard(agentId, enterpriseId);
        LocalDate first = today().minusMonths(1).withDayOfMonth(10);
        LocalDate second = first.plusDays(1);
        CardUsageService.Report[] batch = {day(card, first, 100, 1, null), day(card, second, 50, 2, null)};

        assertThat(ingest(batch).accepted()).isEqualTo(2);
        Map<String, Object> once = summary(card);
        assertThat(ingest(batch).accepted()).isEqualTo(2);

        assertThat(summary(card)).isEqualTo(once).containsEntry("month_data_kb", 150L);
        assertThat(sql.queryForObject(
                        "SELECT count(*) FROM card_usage u JOIN card c ON c.id = u.card_id WHERE c.iccid = ?",
                        Long.class,
                        card))
                .isEqualTo(2);

        // two reports of one day in one batch: both accepted, the later one stands
        assertThat(ingest(day(card, second, 10, 2, null), day(card, second, 20, 2, null))
                        .accepted())
                .isEqualTo(2);
        assertThat(storedDataKb(card, second)).isEqualTo(20);
        assertThat(summary(card)).containsEntry("month_data_kb", 120L);
    }

    @Test
    void aCardUsedBeforeIsNeitherLockedNorWrittenByAnotherDay() {
        String card = fx.activeDataCard(agentId, enterpriseId);
        String cardRow = "SELECT version, updated_at, first_usage_on FROM card WHERE iccid = ?";
        ingest(day(card, today().minusDays(2), 10, 0, null));
        Map<String, Object> afterFirstUse = sql.queryForMap(cardRow, card);
        assertThat(afterFirstUse).containsEntry("first_usage_on", Date.valueOf(today().minusDays(2)));

        // the next days move only the usage summary: the card row keeps its version (no write, no row lock needed)
        ingest(day(card, today().minusDays(1), 20, 1, null), day(card, today(), 30, 0, null));
        assertThat(sql.queryForMap(cardRow, card)).isEqualTo(afterFirstUse);
        assertThat(summary(card))
                .containsEntry("last_usage_on", Date.valueOf(today()))
                .containsEntry("first_usage_on", Date.valueOf(today().minusDays(2)));
        assertThat(fx.view(card).lastUsageAt())
                .isEqualTo(today().atStartOfDay(Card.BUSINESS_ZONE).toInstant());

        // a late report of an earlier day is the card's first use now: that one change is written to the card
        ingest(day(card, today().minusDays(5), 5, 0, null));
        assertThat(sql.queryForMap(cardRow, card))
                .containsEntry("first_usage_on", Date.valueOf(today().minusDays(5)))
                .containsEntry("version", (Long) afterFirstUse.get("version") + 1);
    }

    @Test
    void theSummaryFollowsRepeatedDaysAndTheMonthChange() {
        String card = fx.activeDataCard(agentId, enterpriseId);
        LocalDate lastMonth = today().minusMonths(1).withDayOfMonth(10);
        LocalDate thisMonth = today().withDayOfMonth(1);

        ingest(day(card, lastMonth, 100, 1, DEVICE), day(card, lastMonth.plusDays(1), 50, 2, OTHER_DEVICE));
        assertThat(summary(card))
                .containsEntry("first_usage_on", Date.valueOf(lastMonth))
                .containsEntry("last_usage_on", Date.valueOf(lastMonth.plusDays(1)))
                .containsEntry("last_imei", OTHER_DEVICE)
                .containsEntry("usage_month", Date.valueOf(lastMonth.withDayOfMonth(1)))
                .containsEntry("month_data_kb", 150L)
                .containsEntry("month_sms_count", 3L)
                .containsEntry("month_voice_seconds", 30L)
                .containsEntry("month_non_directional_kb", 15L);

        // a day reported again replaces its numbers in the month's totals
        ingest(day(card, lastMonth, 30, 0, DEVICE));
        assertThat(summary(card))
                .containsEntry("month_data_kb", 80L)
                .containsEntry("month_sms_count", 2L)
                .containsEntry("last_imei", OTHER_DEVICE);

        // a day of a new month starts the new month's totals
        ingest(day(card, thisMonth, 7, 1, DEVICE));
        assertThat(summary(card))
                .containsEntry("first_usage_on", Date.valueOf(lastMonth))
                .containsEntry("last_usage_on", Date.valueOf(thisMonth))
                .containsEntry("last_imei", DEVICE)
                .containsEntry("usage_month", Date.valueOf(thisMonth))
                .containsEntry("month_data_kb", 7L)
                .containsEntry("month_sms_count", 1L);
        // the card's last sign of life (its pages, the API, the cancellation cycle) is the summary's last day
        assertThat(fx.view(card).lastUsageAt())
                .isEqualTo(thisMonth.atStartOfDay(Card.BUSINESS_ZONE).toInstant());

        // a late correction of last month is stored, and leaves this month's totals and the last device alone
        ingest(day(card, lastMonth.plusDays(1), 999, 9, OTHER_DEVICE));
        assertThat(storedDataKb(card, lastMonth.plusDays(1))).isEqualTo(999);
        assertThat(summary(card))
                .containsEntry("usage_month", Date.valueOf(thisMonth))
                .containsEntry("month_data_kb", 7L)
                .containsEntry("last_imei", DEVICE)
                .containsEntry("last_usage_on", Date.valueOf(thisMonth));
    }

    @Test
    void aBoundCardSeenWithAnotherDeviceInOneBatchIsStoppedAtOnceAndAudited() {
        String patch = fx.activeCardOfForm(agentId, enterpriseId, "PATCH", null);
        String plugIn = fx.activeDataCard(agentId, enterpriseId);
        List<CardUsageService.Report> batch = new ArrayList<>();
        LocalDate first = today().minusDays(2);
        for (String card : List.of(patch, plugIn)) {
            batch.add(day(card, first, 10, 0, DEVICE));
            batch.add(day(card, first.plusDays(1), 10, 0, OTHER_DEVICE));
        }
        ingest(batch.toArray(CardUsageService.Report[]::new));

        CardView separated = fx.view(patch);
        assertThat(separated.boundImeiMasked()).isEqualTo("35693803****809");
        assertThat(separated.state()).isEqualTo(CardState.SUSPENDED);
        assertThat(separated.activeReasons())
                .extracting(BlockingReasonView::reason)
                .containsExactly(BlockingReason.MACHINE_CARD_SEPARATION);
        CardView unbound = fx.view(plugIn);
        assertThat(unbound.state()).isEqualTo(CardState.ACTIVE);
        assertThat(unbound.boundImeiMasked()).isNull();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(sql.queryForList(
                                "SELECT action FROM audit_entry WHERE target_type = 'CARD' AND target_id = ? ORDER BY id",
                                String.class,
                                patch))
                        .contains("CARD_IMEI_BOUND", "CARD_SUSPENDED"));

        // the bound device back: the separation is cleared and the card works again
        ingest(day(patch, today(), 10, 0, DEVICE));
        assertThat(fx.view(patch).state()).isEqualTo(CardState.ACTIVE);
    }
}
