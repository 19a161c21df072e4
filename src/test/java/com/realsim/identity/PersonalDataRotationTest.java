package com.realsim.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.order.OrderFixtures;
import com.realsim.platform.Role;
import com.realsim.platform.crypto.KeyName;
import com.realsim.platform.crypto.KeyRing;
import com.realsim.testsupport.ActorAuthentication;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * An ADMIN rotates the personal-data key: the re-seal job seals every sealed value of every module anew under the new
 * primary key ({@link SealedColumns}, found by the sealing convention), and each still opens in its place.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PersonalDataRotationTest {

    static final String NUMBER = "110105199809181031";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    KeyRing keys;

    @Autowired
    PersonalData personalData;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void rotatingThePersonalDataKeySealsEverySealedValueAnewAndEveryValueStillOpens() throws Exception {
        new OrderFixtures(context).verifiedEnterprise(OrderFixtures.newAgentId()); // responsible persons, revisions
        UUID sealKey = UUID.randomUUID();
        SealContext numberPlace = SealContext.of("identity_test_sealed_sample", "id_number", sealKey);
        SealContext addressPlace = SealContext.of("identity_test_sealed_sample", "address", sealKey);
        SealedIdNumber idNumber =
                personalData.seal(IdDocument.of(IdType.RESIDENT_ID, NUMBER, "idNumber", LocalDate.now()), numberPlace);
        SealedText address = personalData.sealAddress("北京市朝阳区建国路88号", addressPlace);
        long row = jdbc.queryForObject(
                """
                INSERT INTO identity_test_sealed_sample (seal_key, id_type, id_number_enc, id_number_bidx,
                       id_number_masked, address_enc, address_masked)
                VALUES (?, 'RESIDENT_ID', ?, ?, ?, ?, ?) RETURNING id""",
                Long.class,
                sealKey,
                idNumber.ciphertext(),
                idNumber.blindIndex(),
                idNumber.masked(),
                address.ciphertext(),
                address.masked());

        String job = new String(
                mvc.post()
                        .uri("/api/v1/key-rotations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"key\":\"personal-data\"}")
                        .with(ActorAuthentication.as(Role.ADMIN))
                        .exchange()
                        .getResponse()
                        .getContentAsByteArray(),
                StandardCharsets.UTF_8);
        // the answer shows the job queued, or already picked up by the scheduler's next poll (a race the test allows)
        assertThat(job).contains("\"key\":\"personal-data\"").containsPattern("\"status\":\"(QUEUED|RUNNING)\"");
        long jobId = Long.parseLong(job.replaceAll("(?s).*\"reseal\":\\{\"id\":(\\d+),.*", "$1"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject("SELECT status FROM platform_job WHERE id = ?", String.class, jobId)
                        .matches("SUCCEEDED|FAILED"));
        assertThat(jdbc.queryForObject("SELECT status FROM platform_job WHERE id = ?", String.class, jobId))
                .as("every sealed value of every table opened in its place and was sealed anew")
                .isEqualTo("SUCCEEDED");

        byte[] newKey = prefix(personalData.sealAddress("x", addressPlace).ciphertext());
        assertThat(newKey).isNotEqualTo(prefix(address.ciphertext()));
        for (String column : new String[] {
            "identity_test_sealed_sample.id_number_enc",
            "identity_test_sealed_sample.address_enc",
            "responsible_person.id_number_enc",
            "responsible_person.name_enc",
            "enterprise.legal_rep_enc"
        }) {
            String[] place = column.split("\\.");
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM " + place[0] + " WHERE substring(" + place[1] + " from 1 for 5) <> ?",
                            Long.class,
                            (Object) newKey))
                    .as("%s under the new key %s", column, HexFormat.of().formatHex(newKey))
                    .isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + place[0], Long.class))
                    .isPositive();
        }
        var stored = jdbc.queryForMap("SELECT * FROM identity_test_sealed_sample WHERE id = ?", row);
        SealedIdNumber resealed = new SealedIdNumber(
                IdType.RESIDENT_ID,
                (byte[]) stored.get("id_number_enc"),
                (String) stored.get("id_number_bidx"),
                (String) stored.get("id_number_masked"));
        assertThat(personalData.open(resealed, numberPlace).number()).isEqualTo(NUMBER);
        assertThat(personalData.open(
                        new SealedText((byte[]) stored.get("address_enc"), (String) stored.get("address_masked")),
                        addressPlace))
                .isEqualTo("北京市朝阳区建国路88号");
        assertThat(keys.resealed(
                        KeyName.PERSONAL_DATA, idNumber.ciphertext(), numberPlace.associatedData("RESIDENT_ID")))
                .as("the value sealed before the rotation still opens (the old key stays) and is not under the new key")
                .isNotNull();
    }

    private static byte[] prefix(byte[] ciphertext) {
        return Arrays.copyOf(ciphertext, 5);
    }
}
