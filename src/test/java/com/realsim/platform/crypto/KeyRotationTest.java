package com.realsim.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.document.DocumentService;
import com.realsim.document.DocumentSummary;
import com.realsim.document.NewDocument;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * An ADMIN rotates the platform's keys over the Partner API: an AEAD key gets a new primary key and a re-seal job
 * moves every stored document to it (each still opening; the sealed columns: identity's PersonalDataRotationTest), the token signing key gets a new signing key with
 * the old one still published; nobody else may rotate, and the blind-index key is not rotated in place.
 */
@SpringBootTest
@AutoConfigureMockMvc
class KeyRotationTest {

    static final Actor AGENT = ActorAuthentication.actor(Role.AGENT, 81L, null);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    KeyRing keys;

    @Autowired
    DocumentService documents;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void rotatingTheDocumentsKeySealsTheStoredDocumentsAnewAndTheyStillOpen() throws Exception {
        byte[] photo = Files.readAllBytes(Path.of("docs/samples/photo.jpg"));
        DocumentSummary stored = RunAs.run(
                AGENT,
                () -> documents.store(
                        new NewDocument("ENTERPRISE", 1L, "CERTIFICATE", 81L, null, Set.of(Role.AGENT), AGENT, photo)));

        rotate("documents")
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.reseal.key")
                .isEqualTo("documents");
        awaitSucceeded(jdbc.queryForObject(
                        "SELECT max(id) FROM platform_job WHERE kind = 'key-reseal' AND subject = 'documents'",
                        Long.class)
                .toString());

        byte[] content = jdbc.queryForObject(
                "SELECT c.content FROM stored_document_content c JOIN stored_document d USING (storage_key)"
                        + " WHERE d.id = ?",
                byte[].class,
                stored.id());
        assertThat(keyId(content)).isEqualTo(keys.keys(KeyName.DOCUMENTS).primaryId());
        assertThat(RunAs.run(AGENT, () -> documents.open(stored.id())).content())
                .isEqualTo(photo);
    }

    @Test
    void rotatingTheSigningKeyPublishesTheNewKeyWithTheOldOneUntilItsTokensHaveExpired() {
        String old = keys.jwtKeys().getKeys().get(0).getKeyID();

        rotate("jwt-signing").hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.key").isEqualTo("jwt-signing");
            assertThat(json).extractingPath("$.reseal").isNull();
        });

        String current = keys.jwtKeys().getKeys().get(0).getKeyID();
        assertThat(current).isNotEqualTo(old);
        assertThat(mvc.get().uri("/oauth2/jwks"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.keys[*].kid")
                .asArray()
                .contains(current, old);
    }

    @Test
    void theBlindIndexKeyIsNotRotatedInPlaceAndAnUnknownKeyIsNamed() {
        rotate("blind-index")
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("key");
        rotate("master")
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("key");
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"OPS", "AGENT", "ENTERPRISE_ADMIN"})
    void onlyAnAdminRotatesKeysOrSeesTheRotations(Role role) {
        int before = keys.keys(KeyName.PERSONAL_DATA).primaryId();
        assertThat(mvc.post()
                        .uri("/api/v1/key-rotations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"key\":\"personal-data\"}")
                        .with(ActorAuthentication.as(role)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/key-rotations").with(ActorAuthentication.as(role)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(keys.keys(KeyName.PERSONAL_DATA).primaryId()).isEqualTo(before);
    }

    org.springframework.test.web.servlet.assertj.MvcTestResultAssert rotate(String key) {
        return assertThat(mvc.post()
                .uri("/api/v1/key-rotations")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"key\":\"" + key + "\"}")
                .with(ActorAuthentication.as(Role.ADMIN)));
    }

    void awaitSucceeded(String job) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject(
                                "SELECT status FROM platform_job WHERE id = ?", String.class, Long.valueOf(job))
                        .matches("SUCCEEDED|FAILED"));
        assertThat(mvc.get().uri("/api/v1/key-rotations").with(ActorAuthentication.as(Role.ADMIN)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[?(@.id == " + job + ")].status")
                .asArray()
                .containsExactly("SUCCEEDED");
    }

    private static int keyId(byte[] ciphertext) {
        assertThat(ciphertext[0]).as("a Tink ciphertext names its key").isEqualTo((byte) 1);
        return ByteBuffer.wrap(ciphertext, 1, 4).getInt();
    }
}
