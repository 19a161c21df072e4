package com.realsim.card.inventory;

import static com.realsim.card.CardFixtures.OPS;
import static com.realsim.card.CardFixtures.csv;
import static com.realsim.card.CardFixtures.iccid;
import static com.realsim.card.CardFixtures.imsi;
import static com.realsim.card.CardFixtures.msisdn;
import static com.realsim.card.CardFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.card.CardControl;
import com.realsim.card.CardFixtures;
import com.realsim.card.CardService;
import com.realsim.card.CardState;
import com.realsim.catalogue.Operator;
import com.realsim.platform.error.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The inventory import against PostgreSQL: good rows kept, each bad row rejected with its line and code. */
@SpringBootTest
class CardImportTest {

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    CardImportService imports;

    @Autowired
    CardService cards;

    @Autowired
    CardControl control;

    @Autowired
    JdbcTemplate jdbc;

    CardFixtures fx;

    @Autowired
    TransactionTemplate transactions;

    String plan;

    @BeforeEach
    void plan() {
        fx = new CardFixtures(context);
        plan = fx.directionalDataPlan();
    }

    long cardsWith(String iccid) {
        return jdbc.queryForObject("SELECT count(*) FROM card WHERE iccid = ?", Long.class, iccid);
    }

    @Test
    void badRowsAreRejectedWithTheirLineAndCodeAndTheGoodRowsAreKept() {
        String good1 = iccid();
        String good2 = iccid();
        String existing = fx.inventoryCard("138", plan);
        String repeated = iccid();
        String sharedNumber = msisdn("149");
        String badLuhn = good1.substring(0, 19) + ((good1.charAt(19) - '0' + 1) % 10);
        List<String> rows = List.of(
                row(good1, msisdn("149"), "CHINA_MOBILE", plan), // line 2
                row(badLuhn, msisdn("149"), "CHINA_MOBILE", plan), // 3: Luhn
                row(existing, msisdn("149"), "CHINA_MOBILE", plan), // 4: already in the inventory
                row(repeated, sharedNumber, "CHINA_UNICOM", plan), // 5
                row(repeated, msisdn("149"), "CHINA_UNICOM", plan), // 6: earlier in this file
                String.join(",", iccid(), "2381234567", imsi(), "CHINA_MOBILE", plan), // 7: number
                String.join(",", iccid(), msisdn("138"), "310001234567890", "CHINA_MOBILE", plan), // 8: IMSI
                row(iccid(), msisdn("138"), "CHINA_SATELLITE", plan), // 9: operator
                row(iccid(), msisdn("138"), "CHINA_MOBILE", "NO-SUCH-PLAN"), // 10: plan
                "89860000000000000001,only-two", // 11: columns
                row(iccid(), sharedNumber, "CHINA_MOBILE", plan), // 12: number earlier in this file
                row(good2, msisdn("1440"), "CHINA_TELECOM", plan)); // 13: a 12-digit number

        CardImportResult result = imports.importNow(csv(rows), "mixed.csv", OPS);

        assertThat(result.rejected())
                .extracting(RejectedLine::line, RejectedLine::code, RejectedLine::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, "INVALID_ICCID", "iccid"),
                        org.assertj.core.groups.Tuple.tuple(4L, "DUPLICATE_ICCID", "iccid"),
                        org.assertj.core.groups.Tuple.tuple(6L, "DUPLICATE_ICCID", "iccid"),
                        org.assertj.core.groups.Tuple.tuple(7L, "VALIDATION_FAILED", "msisdn"),
                        org.assertj.core.groups.Tuple.tuple(8L, "VALIDATION_FAILED", "imsi"),
                        org.assertj.core.groups.Tuple.tuple(9L, "VALIDATION_FAILED", "operator"),
                        org.assertj.core.groups.Tuple.tuple(10L, "VALIDATION_FAILED", "planCode"),
                        org.assertj.core.groups.Tuple.tuple(11L, "VALIDATION_FAILED", null),
                        org.assertj.core.groups.Tuple.tuple(12L, "VALIDATION_FAILED", "msisdn"),
                        org.assertj.core.groups.Tuple.tuple(13L, "VALIDATION_FAILED", "msisdn"));
        assertThat(result.imported()).isEqualTo(2);
        assertThat(cardsWith(good1)).isOne();
        assertThat(cardsWith(repeated)).isOne();
        assertThat(cardsWith(badLuhn)).isZero();
        assertThat(result.rejected().get(0).raw()).startsWith(badLuhn + ",");
        assertThat(imports.job(result.importId())).satisfies(job -> {
            assertThat(job.status()).isEqualTo(CardImportStatus.FINISHED);
            assertThat(job.rowsRead()).isEqualTo(12);
            assertThat(job.rowsImported()).isEqualTo(2);
            assertThat(job.rowsRejected()).isEqualTo(10);
        });
    }

    @Test
    void formFactorAndEidAreImportedAndCheckedRowByRow() {
        String plugIn = iccid();
        String patch = iccid();
        String esim = iccid();
        String eid = "89049032000001000000012345678901";
        String file = "iccid,msisdn,imsi,operator,planCode,formFactor,eid\n"
                + row(plugIn, msisdn("149"), "CHINA_MOBILE", plan) + ",,\n" // 2: PLUG_IN by default
                + row(patch, msisdn("149"), "CHINA_MOBILE", plan) + ",PATCH,\n" // 3
                + row(esim, msisdn("149"), "CHINA_MOBILE", plan) + ",ESIM," + eid + "\n" // 4
                + row(iccid(), msisdn("149"), "CHINA_MOBILE", plan) + ",ESIM,\n" // 5: eSIM without EID
                + row(iccid(), msisdn("149"), "CHINA_MOBILE", plan) + ",ESIM,1234\n" // 6: EID too short
                + row(iccid(), msisdn("149"), "CHINA_MOBILE", plan) + ",PATCH," + eid + "\n" // 7: EID on a patch
                + row(iccid(), msisdn("149"), "CHINA_MOBILE", plan) + ",SOLDERED,\n"; // 8: unknown form factor

        CardImportResult result =
                imports.importNow(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), "forms.csv", OPS);

        assertThat(result.imported()).isEqualTo(3);
        assertThat(result.rejected())
                .extracting(RejectedLine::line, RejectedLine::code, RejectedLine::field, RejectedLine::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(5L, "VALIDATION_FAILED", "eid", "card.eid.required"),
                        org.assertj.core.groups.Tuple.tuple(6L, "VALIDATION_FAILED", "eid", "card.eid.invalid"),
                        org.assertj.core.groups.Tuple.tuple(7L, "VALIDATION_FAILED", "eid", "card.eid.onlyEsim"),
                        org.assertj.core.groups.Tuple.tuple(
                                8L, "VALIDATION_FAILED", "formFactor", "card.formFactor.unknown"));
        // patch and eSIM cards are bound to their device whatever the plan says; the plan here binds nothing
        assertThat(jdbc.queryForList(
                        "SELECT form_factor || '/' || coalesce(eid, '-') || '/' || imei_binding FROM card"
                                + " WHERE iccid IN (?, ?, ?) ORDER BY id",
                        String.class,
                        plugIn,
                        patch,
                        esim))
                .containsExactly("PLUG_IN/-/false", "PATCH/-/true", "ESIM/" + eid + "/true");
    }

    @Test
    void reImportingAFileRejectsEveryIccidAsDuplicate() {
        List<String> rows = List.of(
                row(iccid(), msisdn("149"), "CHINA_MOBILE", plan), row(iccid(), msisdn("149"), "CHINA_MOBILE", plan));
        assertThat(imports.importNow(csv(rows), "first.csv", OPS).imported()).isEqualTo(2);

        CardImportResult again = imports.importNow(csv(rows), "again.csv", OPS);

        assertThat(again.imported()).isZero();
        assertThat(again.rejected())
                .extracting(RejectedLine::line, RejectedLine::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, "DUPLICATE_ICCID"),
                        org.assertj.core.groups.Tuple.tuple(3L, "DUPLICATE_ICCID"));
    }

    @Test
    void theHeaderMayComeInAnyOrderWithAByteOrderMarkAndThirteenDigitNumbers() {
        String iccid = iccid();
        String body = "\uFEFFplanCode,operator,imsi,msisdn,iccid\r\n" + plan + ",CHINA_BROADNET," + imsi() + ","
                + "1440" + String.format("%09d", System.nanoTime() % 1_000_000_000L) + "," + iccid + "\r\n";
        CardImportResult result =
                imports.importNow(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), "excel.csv", OPS);
        assertThat(result.rejected()).isEmpty();
        assertThat(control.card(iccid)).hasValueSatisfying(card -> {
            assertThat(card.operator()).isEqualTo(Operator.CHINA_BROADNET);
            assertThat(card.state()).isEqualTo(CardState.INVENTORY);
            assertThat(card.msisdn()).hasSize(13);
        });
    }

    @Test
    void aFileWithoutTheHeaderImportsNothingAndALineWithBrokenQuotingRejectsOnlyItself() {
        assertThatThrownBy(() -> imports.importNow(
                        new ByteArrayInputStream("a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8)), "bad.csv", OPS))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.fieldProblems()).singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("file");
                            assertThat(p.messageKey()).isEqualTo("card.import.header");
                        }));
        assertThat(imports.recent(1).get(0).status()).isEqualTo(CardImportStatus.FAILED);

        // Issue 17: the good lines of a file are always kept; a line whose quoting is broken was the end of the
        // whole file before (nothing imported), now it is one rejected line.
        String iccid = iccid();
        String after = iccid();
        String broken = "iccid,msisdn,imsi,operator,planCode\n" + row(iccid, msisdn("149"), "CHINA_MOBILE", plan)
                + "\n\"8986\"x,1,2,3,4\n" + row(after, msisdn("149"), "CHINA_MOBILE", plan) + "\n";
        CardImportResult result =
                imports.importNow(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), "broken.csv", OPS);
        assertThat(result.rejected())
                .extracting(RejectedLine::line, RejectedLine::code, RejectedLine::messageKey, RejectedLine::raw)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        3L, "VALIDATION_FAILED", "card.import.malformedLine", "\"8986\"x,1,2,3,4"));
        assertThat(cardsWith(iccid)).isOne();
        assertThat(cardsWith(after)).isOne();
    }

    @Test
    void theRejectedRowsDownloadAsCsvWithLineCodeAndTheOriginalColumns() {
        String bad = "8986000000000000000";
        CardImportResult result =
                imports.importNow(csv(List.of(row(bad, msisdn("149"), "CHINA_MOBILE", plan))), "download.csv", OPS);
        StringWriter out = new StringWriter();
        imports.writeRejected(result.importId(), out);
        assertThat(out.toString().split("\r\n"))
                .containsExactly(
                        "line,code,field,iccid,msisdn,imsi,operator,planCode",
                        "2,INVALID_ICCID,iccid," + result.rejected().get(0).raw());
        assertThat(result.rejected().get(0).raw()).startsWith(bad + ",149");
    }

    @Test
    void aRowWithSeveralProblemsReportsEachOfThemOnThePageTheApiAndTheDownload() {
        String good = iccid();
        CardImportResult result = imports.importNow(
                csv(List.of(
                        String.join(",", "8986000000000000000", "2381234567", imsi(), "CHINA_MOBILE", "NO-SUCH-PLAN"),
                        row(good, msisdn("149"), "CHINA_MOBILE", plan))),
                "several.csv",
                OPS);
        assertThat(result.imported()).isOne();
        RejectedLine line = result.rejected().get(0);
        assertThat(line.code()).as("the first problem stays the line's code").isEqualTo("INVALID_ICCID");
        assertThat(line.problems())
                .containsExactly(
                        new RejectedLine.Problem("INVALID_ICCID", "iccid", "error.INVALID_ICCID"),
                        new RejectedLine.Problem("VALIDATION_FAILED", "msisdn", "card.msisdn.invalid"),
                        new RejectedLine.Problem("VALIDATION_FAILED", "planCode", "card.plan.unknown"));
        assertThat(imports.rejected(result.importId(), 10).get(0).problems()).isEqualTo(line.problems());
        StringWriter out = new StringWriter();
        imports.writeRejected(result.importId(), out);
        assertThat(out.toString().split("\r\n")[1])
                .isEqualTo("2,INVALID_ICCID;VALIDATION_FAILED;VALIDATION_FAILED,iccid;msisdn;planCode," + line.raw());
        assertThat(cardsWith(good)).isOne();
    }

    @Test
    void oneHundredThousandRowsImportInOneFileWithoutHoldingItInMemory() throws IOException {
        int rows = 100_000;
        long before = jdbc.queryForObject("SELECT count(*) FROM card", Long.class);
        try (InputStream generated = new GeneratedInventory(rows, plan)) {
            CardImportResult result = imports.importNow(generated, "big.csv", OPS);
            assertThat(result.imported()).isEqualTo(rows);
            assertThat(result.rejected()).isEmpty();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM card", Long.class)).isEqualTo(before + rows);
    }

    @Test
    void repeatsInSeveralSlicesOfALargeFileAreRejectedAndEveryOtherRowIsKept() {
        String existing = fx.inventoryCard("138", plan);
        List<String> rows = new java.util.ArrayList<>(IntStream.range(0, 30_000)
                .mapToObj(i -> row(iccid(), msisdn("149"), "CHINA_MOBILE", plan))
                .toList());
        String[] line2 = rows.get(0).split(",");
        String[] line3 = rows.get(1).split(",");
        rows.set(4_998, row(line2[0], msisdn("149"), "CHINA_MOBILE", plan)); // line 5,000: ICCID of line 2
        rows.set(19_998, row(existing, msisdn("149"), "CHINA_MOBILE", plan)); // 20,000: in the inventory
        rows.set(28_998, row(iccid(), line3[1], "CHINA_MOBILE", plan)); // 29,000: number of line 3

        CardImportResult result = imports.importNow(csv(rows), "slices.csv", OPS);

        assertThat(result.rejected())
                .extracting(RejectedLine::line, RejectedLine::code, RejectedLine::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(5_000L, "DUPLICATE_ICCID", "card.import.iccidRepeated"),
                        org.assertj.core.groups.Tuple.tuple(20_000L, "DUPLICATE_ICCID", "card.import.iccidInInventory"),
                        org.assertj.core.groups.Tuple.tuple(
                                29_000L, "VALIDATION_FAILED", "card.import.msisdnRepeated"));
        assertThat(result.imported()).isEqualTo(rows.size() - 3);
        assertThat(cardsWith(line2[0])).isOne();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM card WHERE msisdn = ?", Long.class, line3[1]))
                .isOne();
    }

    @Test
    void twoImportsOfTheSameFileAtOnceStoreEachCardOnceAndRejectTheRestAsDuplicates() throws Exception {
        List<String> rows = IntStream.range(0, 2_000)
                .mapToObj(i -> row(iccid(), msisdn("149"), "CHINA_MOBILE", plan))
                .toList();
        CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<CardImportResult> importing = () -> {
                start.await();
                return imports.importNow(csv(rows), "same.csv", OPS);
            };
            var first = pool.submit(importing);
            var second = pool.submit(importing);
            CardImportResult a = first.get(60, TimeUnit.SECONDS);
            CardImportResult b = second.get(60, TimeUnit.SECONDS);

            assertThat(a.imported() + b.imported()).isEqualTo(rows.size());
            assertThat(a.rejected().size() + b.rejected().size()).isEqualTo(rows.size());
            assertThat(Stream.concat(a.rejected().stream(), b.rejected().stream()))
                    .extracting(RejectedLine::code)
                    .containsOnly("DUPLICATE_ICCID");
        } finally {
            pool.shutdownNow();
        }
        String[] iccids = rows.stream().map(r -> r.substring(0, r.indexOf(','))).toArray(String[]::new);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM card WHERE iccid = ANY (?)", Long.class, (Object) iccids))
                .isEqualTo(rows.size());
    }

    @Test
    void aBackgroundImportRunsAsAJobAndFinishes() {
        List<String> rows = List.of(row(iccid(), msisdn("149"), "CHINA_MOBILE", plan));
        byte[] file = csv(rows).readAllBytes();

        long id = imports.start(new ByteArrayInputStream(file), "background.csv", file.length, OPS);

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> imports.job(id).status().isDone());
        assertThat(imports.job(id).status()).isEqualTo(CardImportStatus.FINISHED);
        assertThat(imports.job(id).rowsImported()).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM platform_job_input i JOIN platform_job j ON j.id = i.job_id"
                                + " WHERE j.kind = 'card-import' AND j.subject = ?",
                        Long.class,
                        Long.toString(id)))
                .as("the uploaded file is gone from the database once the import has ended")
                .isZero();
    }

    /**
     * An instance queued a background import, picked it up and died in the middle of it (its run's heartbeat stopped
     * an hour ago): this instance finds the dead run and imports the file again, from the database, once.
     */
    @Test
    void anImportWhoseInstanceDiedIsRunAgainByAnotherInstance() {
        String card = iccid();
        byte[] file =
                csv(List.of(row(card, msisdn("149"), "CHINA_MOBILE", plan))).readAllBytes();
        long id = transactions.execute(status -> {
            long queued = imports.start(new ByteArrayInputStream(file), "cut.csv", file.length, OPS);
            dieWhileRunning(queued);
            return queued;
        });

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> imports.job(id).status().isDone());
        assertThat(imports.job(id).status()).isEqualTo(CardImportStatus.FINISHED);
        assertThat(cardsWith(card)).isOne();
        assertThat(jdbc.queryForObject(
                        "SELECT attempts FROM platform_job WHERE kind = 'card-import' AND subject = ?",
                        Integer.class,
                        Long.toString(id)))
                .isEqualTo(2);
    }

    /** An import cut off as often as the jobs allow is failed, visibly, by the instance that finds it. */
    @Test
    void anImportCutOffTooOftenIsMarkedFailed() {
        byte[] file =
                csv(List.of(row(iccid(), msisdn("149"), "CHINA_MOBILE", plan))).readAllBytes();
        long id = transactions.execute(status -> {
            long queued = imports.start(new ByteArrayInputStream(file), "cut-again.csv", file.length, OPS);
            dieWhileRunning(queued);
            jdbc.update(
                    "UPDATE platform_job SET attempts = 3 WHERE kind = 'card-import' AND subject = ?",
                    Long.toString(queued));
            return queued;
        });

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> imports.job(id).status().isDone());
        assertThat(imports.job(id).status()).isEqualTo(CardImportStatus.FAILED);
        assertThat(imports.job(id).failureKey()).isEqualTo("card.import.interrupted");
    }

    /**
     * The synchronous import runs in its caller's thread; when its instance dies, the session lock it held goes with
     * the connection, and another instance's check fails the import.
     */
    @Test
    void aSynchronousImportWhoseInstanceDiedIsMarkedFailedByAnotherInstance() throws Exception {
        long stale = jdbc.queryForObject(
                "INSERT INTO card_import (file_name, status, started_by, started_by_id, created_at, heartbeat_at)"
                        + " VALUES ('cut.csv', 'RUNNING', 'ops', 1, now() - interval '1 hour',"
                        + " now() - interval '1 hour') RETURNING id",
                Long.class);
        jdbc.update(
                "INSERT INTO platform_job (kind, subject, mode, status, attempts, created_at, started_at, heartbeat_at)"
                        + " VALUES ('card-import', ?, 'INLINE', 'RUNNING', 1, now() - interval '1 hour',"
                        + " now() - interval '1 hour', now() - interval '1 hour')",
                Long.toString(stale));
        CountDownLatch release = new CountDownLatch(1);
        InputStream halfSent = new SequenceInputStream(
                csv(List.of(row(iccid(), msisdn("149"), "CHINA_MOBILE", plan))), new InputStream() {
                    @Override
                    public int read() throws IOException {
                        try {
                            release.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return -1;
                    }
                });
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            var running = caller.submit(() -> imports.importNow(halfSent, "half-sent.csv", OPS));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> imports.job(stale).status().isDone());
            long live = jdbc.queryForObject(
                    "SELECT max(id) FROM card_import WHERE file_name = 'half-sent.csv'", Long.class);
            assertThat(imports.job(live).status())
                    .as("an import still running on a live instance is left alone")
                    .isEqualTo(CardImportStatus.RUNNING);
            release.countDown();
            assertThat(running.get(30, TimeUnit.SECONDS).imported()).isOne();
        } finally {
            release.countDown();
            caller.shutdownNow();
        }

        assertThat(imports.job(stale).status()).isEqualTo(CardImportStatus.FAILED);
        assertThat(imports.job(stale).failureKey()).isEqualTo("card.import.interrupted");
    }

    /** What a dead instance leaves: the job RUNNING, its run picked by an instance whose heartbeat stopped. */
    private void dieWhileRunning(long importId) {
        jdbc.update("UPDATE card_import SET status = 'RUNNING', started_at = now() WHERE id = ?", importId);
        jdbc.update(
                "UPDATE platform_job SET status = 'RUNNING', attempts = attempts + 1, run_by = 'dead-instance',"
                        + " started_at = now() - interval '1 hour', heartbeat_at = now() - interval '1 hour'"
                        + " WHERE kind = 'card-import' AND subject = ?",
                Long.toString(importId));
        jdbc.update(
                "UPDATE scheduled_tasks SET picked = true, picked_by = 'dead-instance',"
                        + " last_heartbeat = now() - interval '1 hour', version = version + 1"
                        + " WHERE task_name = 'realsim-job' AND task_instance = (SELECT id::text FROM platform_job"
                        + " WHERE kind = 'card-import' AND subject = ?)",
                Long.toString(importId));
    }
}
