package com.realsim.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.card.CardFixtures;
import com.realsim.card.CardQuery;
import com.realsim.card.CardService;
import com.realsim.card.CardSummary;
import com.realsim.card.EndUserService;
import com.realsim.enterprise.EnterpriseView;
import com.realsim.identity.IdDocument;
import com.realsim.identity.Masking;
import com.realsim.order.OrderFixtures;
import com.realsim.platform.Actor;
import com.realsim.platform.ChinaTime;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.error.ValidationException;
import com.realsim.testsupport.RunAs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.awaitility.Awaitility;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exports on the real database, job runner and audit trail: an export's rows are the list's (counts and values), in
 * CSV and XLSX; personal data is masked unless OPS asks for the operator report's full version with a reason (audited
 * as an unmasking); another tenant's export is not found; creations and downloads are audited; expired exports are
 * deleted with their files; a run cut off by a dead instance is run again from the start, or failed cleanly.
 */
@SpringBootTest
class ExportsTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Exports exports;

    @Autowired
    ExportRetention retention;

    @Autowired
    CardService cards;

    @Autowired
    EndUserService endUsers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    OrderFixtures fixtures;
    long agentId;
    EnterpriseView enterprise;
    Actor agent;
    List<String> iccids;
    IdDocument person;

    @BeforeEach
    void cardsOfAnEnterpriseOneBound() {
        fixtures = new OrderFixtures(context);
        agentId = OrderFixtures.newAgentId();
        enterprise = fixtures.verifiedEnterprise(agentId);
        agent = OrderFixtures.agent(agentId);
        iccids = fixtures.enterpriseCards(3, fixtures.endUserPlan(), agentId, enterprise.id());
        person = CardFixtures.newIdentity();
        RunAs.run(agent, () -> endUsers.bind(iccids.get(0), CardFixtures.details(person)));
    }

    @Test
    void aCardExportHoldsTheRowsOfTheListWithPersonalDataMasked() throws IOException {
        List<CardSummary> list = RunAs.run(
                        agent, () -> cards.find(CardQuery.page(null, null, null, null, enterprise.id(), null, 100)))
                .items();
        ExportView export = done(agent, exports(agent, ExportKind.CARDS, ExportFormat.CSV, filterOfEnterprise()));

        List<CSVRecord> rows = csv(download(agent, export.id()));
        assertThat(rows.get(0).values()).startsWith("iccid", "msisdn", "imsi", "operator", "plan", "state");
        List<CSVRecord> body = rows.subList(1, rows.size());
        assertThat(body).hasSize(list.size()).hasSize(3);
        assertThat(export.rowsDone()).isEqualTo(3);
        assertThat(body.stream().map(r -> r.get(0)).toList())
                .as("the list's cards, in its order (newest first)")
                .containsExactlyElementsOf(list.stream().map(CardSummary::iccid).toList());
        for (int i = 0; i < list.size(); i++) {
            assertThat(body.get(i).get(1)).isEqualTo(list.get(i).msisdn());
            assertThat(body.get(i).get(5)).isEqualTo(list.get(i).state().name());
            assertThat(body.get(i).get(6)).isEqualTo(enterprise.name());
        }
        CSVRecord bound = body.stream()
                .filter(r -> r.get(0).equals(iccids.get(0)))
                .findFirst()
                .orElseThrow();
        assertThat(bound.get(8)).as("the end user's name, masked").isEqualTo(Masking.name("王小明"));
        assertThat(bound.get(10)).as("the ID number, masked").isEqualTo(Masking.idNumber(person.number()));
        String file = download(agent, export.id());
        assertThat(file).doesNotContain(person.number()).doesNotContain("王小明");
    }

    @Test
    void anXlsxExportHoldsTheSameRows() throws IOException {
        ExportView csv = done(agent, exports(agent, ExportKind.CARDS, ExportFormat.CSV, filterOfEnterprise()));
        ExportView xlsx = done(agent, exports(agent, ExportKind.CARDS, ExportFormat.XLSX, filterOfEnterprise()));

        List<List<String>> sheet = xlsx(bytes(agent, xlsx.id())).get(0);
        List<CSVRecord> rows = csv(download(agent, csv.id()));
        assertThat(sheet).hasSameSizeAs(rows);
        for (int i = 0; i < rows.size(); i++) {
            List<String> expected = new ArrayList<>(rows.get(i).toList());
            expected.replaceAll(v -> v.isEmpty() ? null : v);
            assertThat(sheet.get(i)).as("row " + i).isEqualTo(expected);
        }
    }

    @Test
    void theOperatorReportIsMaskedForAnAgentAndClearOnlyForOpsWithAReasonAudited() throws IOException {
        String operator =
                RunAs.run(agent, () -> cards.view(iccids.get(0))).operator().name();
        LocalDate today = ChinaTime.today(clock);
        Map<String, String> period = Map.of(
                "operator", operator,
                "from", today.minusDays(1).toString(),
                "to", today.toString());

        ExportView masked = done(agent, exports(agent, ExportKind.OPERATOR_REPORT, ExportFormat.CSV, period));
        String file = download(agent, masked.id());
        List<CSVRecord> rows = csv(file);
        assertThat(rows.get(0).values()).startsWith("iccid", "msisdn", "enterprise", "soldAt", "endUserName");
        CSVRecord bound = rows.stream()
                .filter(r -> r.get(0).equals(iccids.get(0)))
                .findFirst()
                .orElseThrow();
        assertThat(bound.get(4)).isEqualTo(Masking.name("王小明"));
        assertThat(bound.get(6)).isEqualTo(Masking.idNumber(person.number()));
        assertThat(file).doesNotContain(person.number());
        assertThat(rows.stream().map(r -> r.get(0)))
                .as("the summary follows the rows")
                .contains("figure", "bound");
        assertThat(rows.stream()
                        .filter(r -> r.get(0).equals("bound"))
                        .findFirst()
                        .orElseThrow()
                        .get(1))
                .isEqualTo("1");

        assertThatThrownBy(() -> exports(agent, ExportKind.OPERATOR_REPORT, ExportFormat.CSV, period, true, "核对"))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(ErrorCode.FORBIDDEN);
        Actor ops = OrderFixtures.ops();
        assertThatThrownBy(() -> exports(ops, ExportKind.OPERATOR_REPORT, ExportFormat.CSV, period, true, " "))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldProblems())
                        .extracting(p -> p.field())
                        .containsExactly("reason"));
        assertThatThrownBy(() -> exports(ops, ExportKind.CARDS, ExportFormat.CSV, Map.of(), true, "运营商核查"))
                .as("only the operator report has a full version")
                .isInstanceOf(DomainException.class);

        ExportView full =
                done(ops, exports(ops, ExportKind.OPERATOR_REPORT, ExportFormat.CSV, period, true, "运营商季度报送核对"));
        assertThat(full.unmasked()).isTrue();
        CSVRecord clear = csv(download(ops, full.id())).stream()
                .filter(r -> r.get(0).equals(iccids.get(0)))
                .findFirst()
                .orElseThrow();
        assertThat(clear.get(4)).isEqualTo("王小明");
        assertThat(clear.get(6)).isEqualTo(person.number());
        awaitAudited(full.id(), "PERSONAL_DATA_UNMASKED");
        assertThat(jdbc.queryForObject(
                        "SELECT details->>'reason' FROM audit_entry WHERE target_type = 'EXPORT' AND target_id = ?"
                                + " AND action = 'PERSONAL_DATA_UNMASKED'",
                        String.class,
                        Long.toString(full.id())))
                .isEqualTo("运营商季度报送核对");
    }

    @Test
    void aFilterOrRoleTheKindDoesNotTakeIsRefusedNamingIt() {
        assertThatThrownBy(() -> exports(agent, ExportKind.CARDS, ExportFormat.CSV, Map.of("status", "COMPLETED")))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldProblems())
                        .extracting(p -> p.field())
                        .containsExactly("filter.status"));
        assertThatThrownBy(() -> exports(agent, ExportKind.CARDS, ExportFormat.CSV, Map.of("state", "FROZEN")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> exports(
                        agent,
                        ExportKind.OPERATOR_REPORT,
                        ExportFormat.CSV,
                        Map.of("operator", "CHINA_MOBILE", "from", "2026-03-01", "to", "2026-01-01")))
                .isInstanceOf(ValidationException.class);
        Actor admin = OrderFixtures.enterpriseAdmin(enterprise.id());
        assertThatThrownBy(() -> exports(
                        admin,
                        ExportKind.OPERATOR_REPORT,
                        ExportFormat.CSV,
                        Map.of("operator", "CHINA_MOBILE", "from", "2026-01-01", "to", "2026-01-31")))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void anotherTenantsExportIsNotFoundAndTheEnterpriseAndItsAgentReadTheirs() {
        Actor enterpriseAdmin = OrderFixtures.enterpriseAdmin(enterprise.id());
        ExportView export =
                done(enterpriseAdmin, exports(enterpriseAdmin, ExportKind.CARDS, ExportFormat.CSV, Map.of()));
        assertThat(export.rowsDone()).isEqualTo(3);

        assertThat(RunAs.run(agent, () -> exports.export(export.id())).id()).isEqualTo(export.id());
        Actor otherAgent = OrderFixtures.agent(OrderFixtures.newAgentId());
        Actor sibling =
                OrderFixtures.enterpriseAdmin(fixtures.draftEnterprise(agentId).id());
        for (Actor intruder : List.of(otherAgent, sibling)) {
            assertThatThrownBy(() -> RunAs.run(intruder, () -> exports.export(export.id())))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> RunAs.run(intruder, () -> exports.download(export.id())))
                    .isInstanceOf(NotFoundException.class);
            assertThat(RunAs.run(intruder, () -> exports.recent(100)))
                    .extracting(ExportView::id)
                    .doesNotContain(export.id());
        }
        assertThat(RunAs.run(otherAgent, () -> exports.recent(100))).isEmpty();
    }

    @Test
    void everyCreationAndDownloadIsAuditedAndAFileIsNotServedBeforeItIsDone() throws IOException {
        assertThatThrownBy(() -> transactions.execute(status -> RunAs.run(agent, () -> {
                    long id = exports.create(ExportKind.ORDERS, ExportFormat.CSV, Map.of(), false, null)
                            .id();
                    status.setRollbackOnly();
                    return exports.download(id);
                })))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code().status().value())
                .isEqualTo(409);

        ExportView export = done(agent, exports(agent, ExportKind.AUDIT, ExportFormat.CSV, Map.of()));
        awaitAudited(export.id(), "EXPORT_CREATED");
        download(agent, export.id());
        download(agent, export.id());
        awaitAudited(export.id(), "EXPORT_DOWNLOADED");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM audit_entry WHERE target_type = 'EXPORT' AND target_id = ?"
                                + " AND action = 'EXPORT_DOWNLOADED' AND agent_id = ?",
                        Long.class,
                        Long.toString(export.id()),
                        agentId))
                .as("each download, for the agent's trail")
                .isEqualTo(2);
    }

    @Test
    void anExpiredExportIsDeletedWithItsFile() {
        ExportView kept = done(agent, exports(agent, ExportKind.CARDS, ExportFormat.CSV, Map.of()));
        ExportView expired = done(agent, exports(agent, ExportKind.CARDS, ExportFormat.XLSX, Map.of()));
        assertThat(parts(expired.id())).isPositive();
        assertThat(kept.expiresAt()).isAfter(kept.createdAt().plus(Duration.ofDays(6)));
        jdbc.update("UPDATE export_file SET expires_at = now() - interval '1 second' WHERE id = ?", expired.id());

        retention.deleteExpired();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM export_file WHERE id = ?", Long.class, expired.id()))
                .isZero();
        assertThat(parts(expired.id())).isZero();
        assertThat(RunAs.run(agent, () -> exports.export(kept.id())).status()).isEqualTo(ExportStatus.DONE);
        assertThat(parts(kept.id())).isPositive();
    }

    @Test
    void aRunCutOffByADeadInstanceIsRunAgainFromTheStart() throws IOException {
        long id = transactions.execute(status -> {
            long queued = exports(agent, ExportKind.CARDS, ExportFormat.CSV, filterOfEnterprise())
                    .id();
            dieWhileRunning(queued);
            jdbc.update(
                    "INSERT INTO export_file_part (export_id, part, content) VALUES (?, 0, ?), (?, 7, ?)",
                    queued,
                    "half-written".getBytes(StandardCharsets.UTF_8),
                    queued,
                    "stray".getBytes(StandardCharsets.UTF_8));
            return queued;
        });

        ExportView export = done(agent, id);
        assertThat(export.status()).isEqualTo(ExportStatus.DONE);
        assertThat(csv(download(agent, id))).hasSize(4);
        assertThat(jdbc.queryForObject(
                        "SELECT attempts FROM platform_job WHERE kind = 'export-file' AND subject = ?",
                        Integer.class,
                        Long.toString(id)))
                .isEqualTo(2);
    }

    @Test
    void aRunCutOffTooOftenIsFailedWithoutItsParts() {
        long id = transactions.execute(status -> {
            long queued =
                    exports(agent, ExportKind.CARDS, ExportFormat.CSV, Map.of()).id();
            dieWhileRunning(queued);
            jdbc.update(
                    "UPDATE platform_job SET attempts = 3 WHERE kind = 'export-file' AND subject = ?",
                    Long.toString(queued));
            jdbc.update(
                    "INSERT INTO export_file_part (export_id, part, content) VALUES (?, 0, ?)",
                    queued,
                    "half-written".getBytes(StandardCharsets.UTF_8));
            return queued;
        });

        ExportView export = done(agent, id);
        assertThat(export.status()).isEqualTo(ExportStatus.FAILED);
        assertThat(export.errorKey()).isEqualTo("job.interrupted");
        assertThat(parts(id)).isZero();
        assertThatThrownBy(() -> RunAs.run(agent, () -> exports.download(id))).isInstanceOf(DomainException.class);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private Map<String, String> filterOfEnterprise() {
        return Map.of("enterpriseId", Long.toString(enterprise.id()));
    }

    private ExportView exports(Actor actor, ExportKind kind, ExportFormat format, Map<String, String> filter) {
        return exports(actor, kind, format, filter, false, null);
    }

    private ExportView exports(
            Actor actor,
            ExportKind kind,
            ExportFormat format,
            Map<String, String> filter,
            boolean unmasked,
            String reason) {
        return RunAs.run(actor, () -> exports.create(kind, format, filter, unmasked, reason));
    }

    private ExportView done(Actor reader, ExportView export) {
        return done(reader, export.id());
    }

    private ExportView done(Actor reader, long id) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() ->
                        RunAs.run(reader, () -> exports.export(id)).status().isFinished());
        return RunAs.run(reader, () -> exports.export(id));
    }

    private byte[] bytes(Actor reader, long id) throws IOException {
        Exports.Download download = RunAs.run(reader, () -> exports.download(id));
        try (InputStream in = download.content()) {
            return in.readAllBytes();
        }
    }

    private String download(Actor reader, long id) throws IOException {
        return new String(bytes(reader, id), StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> csv(String file) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(file)).getRecords();
    }

    private static List<List<List<String>>> xlsx(byte[] file) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            List<List<List<String>>> sheets = new ArrayList<>();
            for (var sheet : workbook.getSheets().toList()) {
                List<List<String>> rows = new ArrayList<>();
                for (Row row : sheet.read()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        values.add(row.getCellAsString(i).orElse(null));
                    }
                    rows.add(values);
                }
                sheets.add(rows);
            }
            return sheets;
        }
    }

    private long parts(long id) {
        return jdbc.queryForObject("SELECT count(*) FROM export_file_part WHERE export_id = ?", Long.class, id);
    }

    private void awaitAudited(long id, String action) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM audit_entry WHERE target_type = 'EXPORT' AND target_id = ?"
                                        + " AND action = ?",
                                Long.class,
                                Long.toString(id),
                                action)
                        > 0);
    }

    /** What a dead instance leaves: the export RUNNING, its run picked by an instance whose heartbeat stopped. */
    private void dieWhileRunning(long exportId) {
        jdbc.update("UPDATE export_file SET status = 'RUNNING', rows_done = 5 WHERE id = ?", exportId);
        jdbc.update(
                "UPDATE platform_job SET status = 'RUNNING', attempts = attempts + 1, run_by = 'dead-instance',"
                        + " started_at = now() - interval '1 hour', heartbeat_at = now() - interval '1 hour'"
                        + " WHERE kind = 'export-file' AND subject = ?",
                Long.toString(exportId));
        jdbc.update(
                "UPDATE scheduled_tasks SET picked = true, picked_by = 'dead-instance',"
                        + " last_heartbeat = now() - interval '1 hour', version = version + 1"
                        + " WHERE task_name = 'realsim-job' AND task_instance = (SELECT id::text FROM platform_job"
                        + " WHERE kind = 'export-file' AND subject = ?)",
                Long.toString(exportId));
    }
}
