package com.realsim.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Jobs on the real scheduler and database: run in the background as their owner, with their input and progress;
 * queued only when the caller's transaction commits; failed with the rule that refused them; taken over from an
 * instance that died (from the checkpoint, or failed when the work may not run twice); and run inline.
 */
@SpringBootTest
@Import(JobsTest.Handlers.class)
class JobsTest {

    static final Actor AGENT = ActorAuthentication.actor(Role.AGENT, 71L, null);
    static final Actor OTHER_AGENT = ActorAuthentication.actor(Role.AGENT, 72L, null);
    static final Actor OPS = ActorAuthentication.actor(Role.OPS, null, null);

    @Autowired
    Jobs jobs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Echo echo;

    @Autowired
    Resumable resumable;

    @Autowired
    OneShot oneShot;

    @Test
    void aJobRunsInTheBackgroundAsItsOwnerWithItsInputAndSucceeds() {
        long id = RunAs.run(AGENT, () -> jobs.start(Echo.KIND, "hello", AGENT, stream("hello, world")));

        JobView done = awaitDone(id, AGENT);
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.progress()).isEqualTo(12);
        assertThat(done.total()).isEqualTo(12);
        assertThat(done.attempts()).isOne();
        assertThat(echo.seen.get(id)).isEqualTo(new Seen("hello, world", AGENT, 1));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM platform_job_input WHERE job_id = ?", Long.class, id))
                .as("the input is removed once the job has ended")
                .isZero();
        assertThat(RunAs.run(OTHER_AGENT, () -> jobs.find(id)))
                .as("another tenant's job")
                .isEmpty();
        assertThat(RunAs.run(OPS, () -> jobs.find(id))).isPresent();
    }

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void jobsRunAgainAfterTheLifecycleIsStoppedAndStarted() {
        context.stop(); // what the test framework does to a cached context it pauses, and an operator's restart
        context.start();

        long id = jobs.start(Echo.KIND, "again", OPS, stream("again"));

        assertThat(awaitDone(id, OPS).status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void aJobQueuedInATransactionThatRollsBackNeverExists() {
        long id = transactions.execute(status -> {
            long queued = jobs.start(Echo.KIND, "undone", OPS, stream("undone"));
            status.setRollbackOnly();
            return queued;
        });

        assertThat(jdbc.queryForObject("SELECT count(*) FROM platform_job WHERE id = ?", Long.class, id))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'realsim-job' AND task_instance = ?",
                        Long.class,
                        Long.toString(id)))
                .isZero();
        Awaitility.await().during(Duration.ofSeconds(3)).until(() -> !echo.seen.containsKey(id));
    }

    @Test
    void aJobRefusedByARuleFailsWithItsMessageAndItsHandlerIsTold() {
        long id = jobs.start(Echo.KIND, "refuse", OPS, stream("refuse"));

        JobView done = awaitDone(id, OPS);
        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done.errorKey()).isEqualTo("test.refused");
        assertThat(done.finishedAt()).isNotNull();
        // the handler is told after the FAILED status is committed (JobRunner#fail), so it may come a moment later
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> echo.failed.containsKey(id));
    }

    @Test
    void aRunWhoseInstanceDiedGoesOnFromItsCheckpointOnAnotherInstance() {
        long id = transactions.execute(status -> {
            long queued = jobs.start(Resumable.KIND, "resume", OPS, null);
            dieWhileRunning(queued, "half-way");
            return queued;
        });

        JobView done = awaitDone(id, OPS);
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(resumable.seen.get(id)).isEqualTo("attempt 2 from half-way");
    }

    @Test
    void aJobThatMayNotRunTwiceIsFailedWhenItsInstanceDied() {
        long id = transactions.execute(status -> {
            long queued = jobs.start(OneShot.KIND, "once", OPS, null);
            dieWhileRunning(queued, null);
            return queued;
        });

        JobView done = awaitDone(id, OPS);
        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done.errorKey()).isEqualTo("job.interrupted");
        assertThat(oneShot.ran).doesNotContain(id);
        // the handler is told after the FAILED status is committed (JobRunner#fail), so it may come a moment later
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> oneShot.failed.contains(id));
    }

    @Test
    void anInlineJobAnswersWhatItsWorkAnswersAndRecordsTheOutcome() {
        String answer = jobs.runInline(Echo.KIND, "inline", OPS, job -> {
            job.progress(1, 2L);
            assertThat(jdbc.queryForObject("SELECT status FROM platform_job WHERE id = ?", String.class, job.id()))
                    .isEqualTo("RUNNING");
            return "answer of " + job.id();
        });
        long id = Long.parseLong(answer.substring("answer of ".length()));
        assertThat(RunAs.run(OPS, () -> jobs.find(id)))
                .hasValueSatisfying(job -> assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED));

        assertThatThrownBy(() -> jobs.runInline(Echo.KIND, "inline", OPS, job -> {
                    throw new DomainException(ErrorCode.VALIDATION_FAILED, "test.refused");
                }))
                .isInstanceOf(DomainException.class);
        assertThat(jdbc.queryForObject(
                        "SELECT error_key FROM platform_job WHERE kind = ? ORDER BY id DESC LIMIT 1",
                        String.class,
                        Echo.KIND))
                .isEqualTo("test.refused");
    }

    @Test
    void everyRecurringJobIsDueOnceInTheDatabase() {
        List<String> recurring = jdbc.queryForList(
                "SELECT task_name FROM scheduled_tasks WHERE task_instance = 'recurring' ORDER BY task_name",
                String.class);
        assertThat(recurring)
                .contains(
                        "audit-retry",
                        "card-cancellation-cycle",
                        "card-quota-drift-check",
                        "card-usage-partitions",
                        "order-settle-open",
                        "platform-expired-authorizations",
                        "platform-expired-sessions",
                        "platform-finished-jobs",
                        "platform-idempotency-records",
                        "platform-orphaned-jobs",
                        "platform-outstanding-events",
                        "risk-scan");
    }

    @Test
    void aJobOfAKindWithoutHandlerIsRefusedAtOnce() {
        assertThatThrownBy(() -> jobs.start("no-such-kind", null, OPS, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-kind");
    }

    /** What a dead instance leaves: the job RUNNING, its run picked by an instance whose heartbeat stopped. */
    private void dieWhileRunning(long id, String checkpoint) {
        jdbc.update(
                "UPDATE platform_job SET status = 'RUNNING', attempts = 1, run_by = 'dead-instance', checkpoint = ?,"
                        + " started_at = now() - interval '1 hour', heartbeat_at = now() - interval '1 hour'"
                        + " WHERE id = ?",
                checkpoint,
                id);
        jdbc.update(
                "UPDATE scheduled_tasks SET picked = true, picked_by = 'dead-instance',"
                        + " last_heartbeat = now() - interval '1 hour', version = version + 1"
                        + " WHERE task_name = 'realsim-job' AND task_instance = ?",
                Long.toString(id));
    }

    private JobView awaitDone(long id, Actor reader) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> RunAs.run(reader, () -> jobs.find(id))
                        .map(job -> job.status().isDone())
                        .orElse(false));
        return RunAs.run(reader, () -> jobs.find(id)).orElseThrow();
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    record Seen(String input, Actor actor, int attempt) {}

    /** Reads its input and reports it; refuses the input "refuse". */
    static class Echo implements JobHandler {
        static final String KIND = "test-echo";
        final Map<Long, Seen> seen = new ConcurrentHashMap<>();
        final Map<Long, JobView> failed = new ConcurrentHashMap<>();

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public void run(JobContext job) throws IOException {
            String input = new String(job.input().readAllBytes(), StandardCharsets.UTF_8);
            job.progress(input.length(), (long) input.length());
            if (input.equals("refuse")) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, "test.refused");
            }
            Optional<Actor> actor = CurrentActor.find();
            seen.put(job.id(), new Seen(input, actor.orElse(null), job.attempt()));
            assertThat(job.owner()).isEqualTo(actor);
        }

        @Override
        public void failed(JobView job) {
            failed.put(job.id(), job);
        }
    }

    /** Work that goes on from its checkpoint. */
    static class Resumable implements JobHandler {
        static final String KIND = "test-resumable";
        final Map<Long, String> seen = new ConcurrentHashMap<>();

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public void run(JobContext job) {
            seen.put(job.id(), "attempt " + job.attempt() + " from " + job.checkpoint());
            job.checkpoint("done");
        }
    }

    /** Work that must not run twice. */
    static class OneShot implements JobHandler {
        static final String KIND = "test-one-shot";
        final List<Long> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<Long> failed = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public void run(JobContext job) {
            ran.add(job.id());
        }

        @Override
        public boolean restartable() {
            return false;
        }

        @Override
        public void failed(JobView job) {
            failed.add(job.id());
        }
    }

    @TestConfiguration
    static class Handlers {
        @Bean
        Echo echo() {
            return new Echo();
        }

        @Bean
        Resumable resumable() {
            return new Resumable();
        }

        @Bean
        OneShot oneShot() {
            return new OneShot();
        }
    }
}
