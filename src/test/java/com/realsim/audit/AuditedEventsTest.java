package com.realsim.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.realsim.account.AccountService;
import com.realsim.account.NewUser;
import com.realsim.account.UserSummary;
import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import com.realsim.platform.Role;
import com.realsim.platform.TenantScope;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.DatabaseOwner;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events that implement {@link AuditedEvent}, from any module, reach the trail after their transaction commits:
 * account changes with who made them, sign-ins and refused sign-ins (never with the password), lockouts; a failed
 * append is retried.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditedEventsTest {

    static final Duration PATIENCE = Duration.ofSeconds(15);

    @Autowired
    AuditTrail trail;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    AccountService accounts;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcTemplate sql;

    @Autowired
    AuditRetry retry;

    @Autowired
    Environment environment;

    /** An event of some module that belongs in the trail. */
    public record SomethingAudited(String marker, long enterpriseId) implements AuditedEvent {

        @Override
        public AuditFacts auditFacts() {
            return new AuditFacts(
                    "probe",
                    Role.OPS,
                    5L,
                    enterpriseId,
                    marker,
                    "ENTERPRISE",
                    String.valueOf(enterpriseId),
                    "APPROVED",
                    Map.of("responsiblePerson", "张*三"));
        }
    }

    static String marker() {
        return "PROBE_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    List<AuditEntry> entries(String targetType, String targetId, String action) {
        return trail.find(
                        AuditQuery.of(targetType, targetId, null, action, null, null, 500, null),
                        TenantScope.everything())
                .items();
    }

    List<AuditEntry> awaitEntries(String targetType, String targetId, String action, int count) {
        return await().atMost(PATIENCE)
                .until(() -> entries(targetType, targetId, action), found -> found.size() >= count);
    }

    @Test
    void anAuditedEventPublishedInATransactionLandsInTheTrailAfterTheCommit() {
        String marker = marker();

        transaction.executeWithoutResult(status -> events.publishEvent(new SomethingAudited(marker, 4711)));

        AuditEntry entry = awaitEntries("ENTERPRISE", "4711", marker, 1).get(0);
        assertThat(entry.actor()).isEqualTo("probe");
        assertThat(entry.role()).isEqualTo(Role.OPS);
        assertThat(entry.agentId()).isEqualTo(5L);
        assertThat(entry.enterpriseId()).isEqualTo(4711L);
        assertThat(entry.outcome()).isEqualTo("APPROVED");
        assertThat(entry.details()).containsEntry("responsiblePerson", "张*三");
        await().atMost(PATIENCE)
                .until(
                        () -> sql.queryForObject(
                                "SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?"
                                        + " AND completion_date IS NOT NULL",
                                Long.class,
                                "%" + marker + "%"),
                        completed -> completed == 1);
    }

    @Test
    void anEventOfATransactionThatRollsBackIsNotAudited() throws Exception {
        String rolledBack = marker();
        String committed = marker();

        transaction.executeWithoutResult(status -> {
            events.publishEvent(new SomethingAudited(rolledBack, 4712));
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status -> events.publishEvent(new SomethingAudited(committed, 4712)));

        awaitEntries("ENTERPRISE", "4712", committed, 1);
        assertThat(entries("ENTERPRISE", "4712", rolledBack)).isEmpty();
    }

    @Test
    void aFailedAppendStaysInTheRegistryAndIsRetried() {
        String marker = marker();
        JdbcTemplate owner = DatabaseOwner.template(environment);
        owner.execute("ALTER TABLE audit_entry ADD CONSTRAINT audit_probe_refused CHECK (action <> '" + marker
                + "') NOT VALID");
        try {
            transaction.executeWithoutResult(status -> events.publishEvent(new SomethingAudited(marker, 4713)));
            await().atMost(PATIENCE)
                    .until(
                            () -> sql.queryForList(
                                    "SELECT status FROM event_publication WHERE serialized_event LIKE ?",
                                    String.class,
                                    "%" + marker + "%"),
                            statuses -> statuses.equals(List.of("FAILED")));
            assertThat(entries("ENTERPRISE", "4713", marker)).isEmpty();
        } finally {
            owner.execute("ALTER TABLE audit_entry DROP CONSTRAINT audit_probe_refused");
        }

        retry.resubmitFailedAppends(Duration.ZERO);

        List<AuditEntry> retried = awaitEntries("ENTERPRISE", "4713", marker, 1);
        assertThat(retried).hasSize(1);
        // When the event happened is when it was published, not when the retry finally recorded it.
        Instant published = sql.queryForObject(
                        "SELECT publication_date FROM event_publication WHERE serialized_event LIKE ?",
                        OffsetDateTime.class,
                        "%" + marker + "%")
                .toInstant();
        assertThat(retried.get(0).occurredAt()).isEqualTo(published);
        assertThat(retried.get(0).at()).isAfter(published);
        await().atMost(PATIENCE)
                .until(
                        () -> sql.queryForObject(
                                "SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?"
                                        + " AND completion_date IS NOT NULL",
                                Long.class,
                                "%" + marker + "%"),
                        completed -> completed == 1);
    }

    @Test
    void accountChangesAreAuditedWithWhoMadeThem() {
        Actor admin = ActorAuthentication.actor(Role.ADMIN, null, null);
        String agentName = "Audited Channel " + UUID.randomUUID();
        assertThat(mvc.post()
                        .uri("/admin/agents")
                        .param("name", agentName)
                        .with(csrf())
                        .with(ActorAuthentication.as(admin)))
                .hasStatus(HttpStatus.FOUND);
        long agentId = accounts.agents().stream()
                .filter(a -> a.name().equals(agentName))
                .findFirst()
                .orElseThrow()
                .id();
        String username = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(mvc.post()
                        .uri("/admin/users")
                        .param("username", username)
                        .param("password", "Audited-pass-1")
                        .param("role", "AGENT")
                        .param("agentId", String.valueOf(agentId))
                        .with(csrf())
                        .with(ActorAuthentication.as(admin)))
                .hasStatus(HttpStatus.FOUND);
        UserSummary user = accounts.users().stream()
                .filter(u -> u.username().equals(username))
                .findFirst()
                .orElseThrow();
        assertThat(mvc.post()
                        .uri("/admin/users/{id}/disable", user.id())
                        .with(csrf())
                        .with(ActorAuthentication.as(admin)))
                .hasStatus(HttpStatus.FOUND);

        AuditEntry agentCreated = awaitEntries("AGENT", String.valueOf(agentId), "AGENT_CREATED", 1)
                .get(0);
        assertThat(agentCreated.actor()).isEqualTo(admin.name());
        assertThat(agentCreated.role()).isEqualTo(Role.ADMIN);
        assertThat(agentCreated.agentId()).isEqualTo(agentId);
        assertThat(agentCreated.details()).containsEntry("name", agentName);

        AuditEntry userCreated = awaitEntries("USER", String.valueOf(user.id()), "USER_CREATED", 1)
                .get(0);
        assertThat(userCreated.actor()).isEqualTo(admin.name());
        assertThat(userCreated.agentId()).isEqualTo(agentId);
        assertThat(userCreated.details()).containsEntry("username", username).containsEntry("role", "AGENT");
        assertThat(userCreated.toString()).doesNotContain("Audited-pass-1");

        AuditEntry disabled = awaitEntries("USER", String.valueOf(user.id()), "USER_DISABLED", 1)
                .get(0);
        assertThat(disabled.actor()).isEqualTo(admin.name());
        assertThat(disabled.agentId()).isEqualTo(agentId);
    }

    @Test
    void accountsMadeWithoutAnActorAreAuditedAsTheSystem() {
        UserSummary user = accounts.createUser(new NewUser(
                "system-made-" + UUID.randomUUID().toString().substring(0, 8), "System-pass-1", Role.OPS, null, null));

        AuditEntry created = awaitEntries("USER", String.valueOf(user.id()), "USER_CREATED", 1)
                .get(0);
        assertThat(created.actor()).isEqualTo("system");
        assertThat(created.role()).isNull();
    }

    @Test
    void signInsFailuresAndLockoutsAreAuditedWithoutThePasswordTried() {
        String username = "signin-" + UUID.randomUUID().toString().substring(0, 8);
        UserSummary user = accounts.createUser(new NewUser(username, "Signin-pass-1", Role.OPS, null, null));
        String target = String.valueOf(user.id());

        assertThat(mvc.perform(formLogin().user(username).password("Signin-pass-1")))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/");
        AuditEntry signedIn = awaitEntries("USER", target, "SIGN_IN", 1).get(0);
        assertThat(signedIn.outcome()).isEqualTo("SUCCESS");
        assertThat(signedIn.actor()).isEqualTo(username);
        assertThat(signedIn.role()).isEqualTo(Role.OPS);

        for (int i = 0; i < 5; i++) {
            assertThat(mvc.perform(formLogin().user(username).password("Wrong-secret-" + i)))
                    .redirectedUrl()
                    .isEqualTo("/login?error");
        }
        assertThat(mvc.perform(formLogin().user(username).password("Signin-pass-1")))
                .redirectedUrl()
                .isEqualTo("/login?error");

        List<AuditEntry> signIns = awaitEntries("USER", target, "SIGN_IN", 7);
        List<AuditEntry> refused =
                signIns.stream().filter(e -> e.outcome().equals("REFUSED")).toList();
        assertThat(refused).hasSize(6);
        assertThat(refused).allSatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo("anonymous");
            assertThat(entry.details()).containsEntry("username", username);
            assertThat(entry.toString()).doesNotContain("Wrong-secret").doesNotContain("Signin-pass-1");
        });
        assertThat(refused)
                .extracting(e -> e.details().get("reason"))
                .containsOnly("BAD_CREDENTIALS", "LOCKED")
                .containsOnlyOnce("LOCKED");

        AuditEntry lockedOut =
                awaitEntries("USER", target, "USER_LOCKED_OUT", 1).get(0);
        assertThat(lockedOut.actor()).isEqualTo("system");
        assertThat(lockedOut.details()).containsKey("lockedUntil");
        assertThat(sql.queryForObject(
                        "SELECT count(*) FROM audit_entry WHERE details::text LIKE '%Wrong-secret%'"
                                + " OR target_id LIKE '%Wrong-secret%' OR actor LIKE '%Wrong-secret%'",
                        Long.class))
                .isZero();
    }

    @Test
    void aSignInWithAnUnknownNameIsAuditedWithTheNameMasked() {
        String tried = "nobody-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(mvc.perform(formLogin().user(tried).password("Whatever-1")))
                .redirectedUrl()
                .isEqualTo("/login?error");

        AuditEntry refused = await().atMost(PATIENCE)
                .until(
                        () -> entries("USER", null, "SIGN_IN").stream()
                                .filter(e ->
                                        "UNKNOWN_ACCOUNT".equals(e.details().get("reason")))
                                .filter(e -> e.details().get("username").equals("no***"))
                                .toList(),
                        found -> !found.isEmpty())
                .get(0);
        assertThat(refused.outcome()).isEqualTo("REFUSED");
        assertThat(refused.targetId()).isNull();
        assertThat(sql.queryForObject(
                        "SELECT count(*) FROM audit_entry WHERE details::text LIKE ?", Long.class, "%" + tried + "%"))
                .isZero();
    }
}
