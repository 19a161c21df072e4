package com.realsim.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.realsim.account.ApiClientService;
import com.realsim.account.IssuedCredentials;
import com.realsim.account.NewApiClient;
import com.realsim.enterprise.CertificateType;
import com.realsim.enterprise.EnterpriseInput;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.identity.IdType;
import com.realsim.platform.Role;
import com.realsim.platform.crypto.KeyRing;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.DatabaseOwner;
import com.realsim.testsupport.FreshNumbers;
import com.realsim.testsupport.PartnerApiClient;
import com.realsim.testsupport.PartnerApiClient.Answer;
import com.realsim.testsupport.RawTable;
import com.realsim.testsupport.RunAs;
import com.realsim.testsupport.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The idempotency records keep nothing in clear (read from the table's files on disk, dead row versions included):
 * an unmasked ID number and an API client's secret are never stored, other answers are sealed, requests are known by
 * a keyed fingerprint; a repeated unmask is unmasked and audited again; a secret is answered once, a repeat gets 409;
 * answers kept in clear before this version are dropped by the upgrade.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "app.bootstrap.admin-client-id=bootstrap-admin",
            "app.bootstrap.admin-client-secret=bootstrap-secret-0123456789"
        })
class IdempotencyAtRestTest {

    static final String TABLE = "idempotency_record";
    static final AtomicInteger people = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    ApiClientService clients;

    @Autowired
    EnterpriseService enterprises;

    @Autowired
    KeyRing keys;

    @Autowired
    JdbcClient sql;

    @Autowired
    ApplicationContext context;

    PartnerApiClient admin() {
        return PartnerApiClient.signedIn(port, "bootstrap-admin", "bootstrap-secret-0123456789");
    }

    PartnerApiClient client(Role role) {
        IssuedCredentials issued = clients.create(
                new NewApiClient("idempotency " + role + " " + people.incrementAndGet(), role, null, null), null);
        return PartnerApiClient.signedIn(port, issued.clientId(), issued.clientSecret());
    }

    static Map<String, String> key(String key) {
        return Map.of("Idempotency-Key", key);
    }

    long auditEntries(String action, String targetType, long targetId) {
        return sql.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND target_type = ? AND target_id = ?")
                .params(action, targetType, String.valueOf(targetId))
                .query(Long.class)
                .single();
    }

    @Test
    void theTableIsReadAsItLiesOnDisk() {
        String key = "raw-bytes-control-" + people.incrementAndGet();
        assertThat(admin().post("/api/v1/agents", Map.of("name", "Control Ltd " + key), key(key))
                        .status())
                .isEqualTo(201);
        assertThat(RawTable.contains(DatabaseOwner.sql(context.getEnvironment()), TABLE, key))
                .as("the key is kept in clear, so it must be found")
                .isTrue();
    }

    @Test
    void aRepeatedUnmaskIsUnmaskedAndAuditedAgainAndTheNumberIsNeverStored() {
        String idNumber = FreshNumbers.residentIdNumber();
        long agentId = 400_000L + people.incrementAndGet();
        long enterpriseId = RunAs.run(
                        ActorAuthentication.actor(Role.AGENT, agentId, null),
                        () -> enterprises.register(new EnterpriseInput(
                                "幂等测试企业 " + idNumber,
                                CertificateType.USCC,
                                FreshNumbers.uscc(),
                                "福建省福州市鼓楼区五四路 100 号",
                                "张三",
                                new EnterpriseInput.PersonInput(
                                        "张三", IdType.RESIDENT_ID, idNumber, "福建省福州市鼓楼区五四路 100 号", true, null, null))))
                .id();
        PartnerApiClient ops = client(Role.OPS);
        Map<String, Object> unmask = Map.of(
                "targetType", "ENTERPRISE",
                "targetId", enterpriseId,
                "field", "responsiblePerson.idNumber",
                "reason", "The customer disputes the registration");
        String key = "unmask-" + enterpriseId;

        Answer first = ops.post("/api/v1/personal-data/unmask", unmask, key(key));
        Answer repeat = ops.post("/api/v1/personal-data/unmask", unmask, key(key));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("value").asString()).isEqualTo(idNumber);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json().get("value").asString()).isEqualTo(idNumber);
        assertThat(repeat.header("Cache-Control")).contains("no-store");
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(auditEntries("PERSONAL_DATA_UNMASKED", "ENTERPRISE", enterpriseId))
                        .as("the first disclosure and its repeat are both on the trail")
                        .isEqualTo(2));
        assertThat(RawTable.contains(DatabaseOwner.sql(context.getEnvironment()), TABLE, idNumber))
                .isFalse();
        assertThat(RawTable.contains(DatabaseOwner.sql(context.getEnvironment()), TABLE, key))
                .isTrue();

        Map<String, Object> other = new LinkedHashMap<>(unmask);
        other.put("field", "responsiblePerson.idAddress");
        assertThat(ops.post("/api/v1/personal-data/unmask", other, key(key)).code())
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void anApiClientsSecretIsAnsweredOnceARepeatGets409AndNeitherIsStored() {
        PartnerApiClient admin = admin();
        String name = "once-only " + people.incrementAndGet();
        Map<String, Object> create = Map.of("name", name, "role", "OPS");

        Answer created = admin.post("/api/v1/api-clients", create, key("create-" + name));
        Answer repeat = admin.post("/api/v1/api-clients", create, key("create-" + name));

        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("clientSecret").asString();
        long id = created.json().get("id").asLong();
        assertThat(repeat.status()).isEqualTo(409);
        assertThat(repeat.code()).isEqualTo("IDEMPOTENT_ANSWER_NOT_REPEATED");
        assertThat(repeat.header("Location")).isEqualTo(created.header("Location"));
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(repeat.body()).doesNotContain(secret);
        assertThat(sql.sql("SELECT count(*) FROM api_client WHERE name = ?")
                        .param(name)
                        .query(Long.class)
                        .single())
                .as("no second client")
                .isEqualTo(1);

        Answer rotated = admin.post("/api/v1/api-clients/" + id + "/rotate", null, key("rotate-" + name));
        Answer rotateAgain = admin.post("/api/v1/api-clients/" + id + "/rotate", null, key("rotate-" + name));
        assertThat(rotated.status()).isEqualTo(200);
        String newSecret = rotated.json().get("clientSecret").asString();
        assertThat(rotateAgain.status()).isEqualTo(409);
        assertThat(rotateAgain.code()).isEqualTo("IDEMPOTENT_ANSWER_NOT_REPEATED");
        assertThat(rotateAgain.body()).doesNotContain(newSecret);
        assertThat(new PartnerApiClient(port)
                        .requestToken(created.json().get("clientId").asString(), newSecret)
                        .status())
                .as("the repeat rotated nothing")
                .isEqualTo(200);

        for (String clear : List.of(secret, newSecret)) {
            assertThat(RawTable.contains(DatabaseOwner.sql(context.getEnvironment()), TABLE, clear))
                    .isFalse();
        }
    }

    @Test
    void otherAnswersAreKeptSealedAndReplayedAsTheyWere() {
        PartnerApiClient admin = admin();
        int n = people.incrementAndGet();
        String name = "Sealed Answer Ltd " + n;
        String key = "sealed-" + n;

        Answer first = admin.post("/api/v1/agents", Map.of("name", name), key(key));
        Answer repeat = admin.post("/api/v1/agents", Map.of("name", name), key(key));

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(first.body()).contains(name);
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(RawTable.contains(DatabaseOwner.sql(context.getEnvironment()), TABLE, name))
                .as("the kept answer is sealed")
                .isFalse();
        assertThat(RawTable.contains(DatabaseOwner.sql(context.getEnvironment()), TABLE, key))
                .isTrue();
    }

    @Test
    void aRequestIsKeptAsAKeyedFingerprintThatNoGuessOfItsBodyReproduces() throws Exception {
        String username = "fingerprinted-" + people.incrementAndGet();
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("password", "Guessable-Pass-1");
        user.put("role", "OPS");
        String key = "user-" + username;

        assertThat(admin().post("/api/v1/users", user, key(key)).status()).isEqualTo(201);

        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update("POST /api/v1/users?null\n".getBytes(StandardCharsets.UTF_8));
        String guessed = HexFormat.of()
                .formatHex(sha256.digest(JsonMapper.builder().build().writeValueAsBytes(user)));
        String kept = sql.sql("SELECT fingerprint FROM idempotency_record WHERE idempotency_key = ?")
                .param(key)
                .query(String.class)
                .single();
        assertThat(kept).isNotEqualTo(guessed).isEqualTo(IdempotencyRecords.fingerprint(keys, guessed));
        assertThat(RawTable.contains(DatabaseOwner.sql(context.getEnvironment()), TABLE, "Guessable-Pass-1"))
                .isFalse();
    }

    @Test
    void answersKeptInClearBeforeThisVersionAreDroppedByTheUpgradeAndTheirRequestsStillRecognised() {
        String url = TestPostgres.server().newDatabaseUrl();
        DataSource database = new DriverManagerDataSource(
                url, TestPostgres.server().user(), TestPostgres.server().password());
        JavaMigration[] javaMigrations =
                context.getBeansOfType(JavaMigration.class).values().toArray(JavaMigration[]::new);
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .javaMigrations(javaMigrations)
                .target("100")
                .load()
                .migrate();
        JdbcClient old = JdbcClient.create(database);
        String secret = "legacy-secret-" + people.incrementAndGet();
        String digest = "ab".repeat(32);
        old.sql("""
                        INSERT INTO idempotency_record (owner, idempotency_key, fingerprint, status, content_type,
                                                        body_enc, created_at, expires_at)
                        VALUES ('client:legacy', 'legacy-key', ?, 201, 'application/json', ?, ?, ?)""")
                .params(
                        digest,
                        ("{\"clientSecret\":\"" + secret + "\"}").getBytes(StandardCharsets.UTF_8),
                        Timestamp.from(Instant.now()),
                        Timestamp.from(Instant.now().plus(Duration.ofHours(20))))
                .update();
        assertThat(RawTable.contains(old, TABLE, secret))
                .as("control: the legacy answer is found")
                .isTrue();

        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .javaMigrations(javaMigrations)
                .load()
                .migrate();

        var row = old.sql("SELECT fingerprint, answer, body_enc IS NULL AS dropped FROM idempotency_record")
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .single();
        assertThat(row).containsExactly(IdempotencyRecords.fingerprint(keys, digest), "NOT_REPEATED", true);
        assertThat(RawTable.contains(old, TABLE, secret)).isFalse();
    }
}
