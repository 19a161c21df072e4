package com.realsim.card;

import static com.realsim.card.CardFixtures.newAgent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.realsim.card.domain.Card;
import com.realsim.card.usage.UsageUploadService;
import com.realsim.platform.Role;
import com.realsim.platform.jobs.JobStatus;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import com.realsim.verification.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The usage upload page (OPS): a file runs in the background as a platform job, the page shows its progress as the
 * inventory import's does, then the records taken and each rejected line with its code, in English and Chinese.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(CardTestConfiguration.class)
class UsageUploadPagesTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    UsageUploadService uploads;

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

    String upload(String csv) {
        MvcTestResult upload = mvc.post()
                .multipart()
                .uri("/usage-uploads")
                .file(new MockMultipartFile("file", "usage.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(csrf())
                .with(ActorAuthentication.as(Role.OPS))
                .exchange();
        assertThat(upload).hasStatus(HttpStatus.FOUND);
        String location = upload.getResponse().getRedirectedUrl();
        assertThat(location).matches("/usage-uploads/\\d+");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        RunAs.run(CardFixtures.OPS, () -> uploads.upload(id)).done());
        return location;
    }

    @Test
    void opsUploadAFileWatchItRunAndSeeTheRejectedLinesInEnglishAndChinese() {
        String card = fx.activeDataCard(agentId, enterpriseId);
        String day = LocalDate.now(clock.withZone(Card.BUSINESS_ZONE)).toString();
        String location = upload("iccid,date,dataKb,smsCount,voiceSeconds,imei,nonDirectionalKb\n"
                + card + "," + day + ",2048,3,120,356938035643809,12\n" // line 2: taken
                + "8986000000000000001," + day + ",1,0,0,,\n" // line 3: invalid ICCID
                + card + "," + day + ",lots,0,0,,\n" // line 4: not a number
                + "\n"
                + CardFixtures.iccid() + "," + day + ",1,0,0,,\n"); // line 6: unknown card

        assertThat(sql.queryForObject(
                        "SELECT g.month_data_kb FROM card c JOIN card_usage_summary g ON g.card_id = c.id WHERE c.iccid = ?",
                        Long.class,
                        card))
                .isEqualTo(2048);
        assertThat(mvc.get().uri(location + "/progress").with(ActorAuthentication.as(Role.OPS)))
                .hasStatusOk()
                .hasHeader("HX-Refresh", "true")
                .bodyText()
                .doesNotContain("hx-trigger");
        assertThat(mvc.get().uri(location).header("Accept-Language", "en").with(ActorAuthentication.as(Role.OPS)))
                .hasStatusOk()
                .bodyText()
                .contains("Finished")
                .containsPattern("id=\"records-accepted\"[^>]*>1<")
                .containsPattern("id=\"records-rejected\"[^>]*>3<")
                .contains("INVALID_ICCID", "NOT_FOUND", "Not a whole number.", "No card has this ICCID.")
                .doesNotContain("??");
        assertThat(mvc.get().uri(location).header("Accept-Language", "zh-CN").with(ActorAuthentication.as(Role.OPS)))
                .hasStatusOk()
                .bodyText()
                .contains("已完成", "用量上传", "不是整数。")
                .doesNotContain("??");
        assertThat(sql.queryForList(
                        "SELECT line FROM card_usage_upload_rejection WHERE job_id = ? ORDER BY line",
                        Long.class,
                        Long.parseLong(location.substring(location.lastIndexOf('/') + 1))))
                .containsExactly(3L, 4L, 6L);
        assertThat(mvc.get()
                        .uri("/usage-uploads")
                        .header("Accept-Language", "en")
                        .with(ActorAuthentication.as(Role.OPS)))
                .hasStatusOk()
                .bodyText()
                .contains("usage.csv", "Upload a usage file");
    }

    @Test
    void aFileWithoutTheHeaderFailsWithAMessageAndTakesNothing() {
        String card = fx.activeDataCard(agentId, enterpriseId);
        String location = upload(card + ",2026-01-01,1,0,0,,\n");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(RunAs.run(CardFixtures.OPS, () -> uploads.upload(id)).status())
                .isEqualTo(JobStatus.FAILED);
        assertThat(mvc.get().uri(location).header("Accept-Language", "en").with(ActorAuthentication.as(Role.OPS)))
                .bodyText()
                .contains("The first line must name the columns");
        assertThat(sql.queryForObject(
                        "SELECT g.last_usage_on FROM card c LEFT JOIN card_usage_summary g ON g.card_id = c.id WHERE c.iccid = ?",
                        java.sql.Date.class,
                        card))
                .isNull();
    }

    @Test
    void onlyOpsOpenTheUploads() {
        for (Role role : new Role[] {Role.AGENT, Role.ENTERPRISE_ADMIN, Role.ADMIN}) {
            assertThat(mvc.get().uri("/usage-uploads").with(ActorAuthentication.as(role)))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
    }
}
