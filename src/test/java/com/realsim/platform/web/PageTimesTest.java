package com.realsim.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import com.realsim.account.AccountService;
import com.realsim.account.AgentSummary;
import com.realsim.order.OrderFixtures;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Pages show times in Beijing time (the configured {@code realsim.web.time-zone}), whatever the server's zone; the
 * Partner API answers the same instants in UTC. Every template formats times through {@code #times}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PageTimesTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    PageTimes times;

    String page(String uri) throws Exception {
        return mvc.perform(get(uri).with(ActorAuthentication.as(Role.ADMIN))
                        .accept(MediaType.TEXT_HTML)
                        .header("Accept-Language", "zh-CN"))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The table row of the page that contains this text. */
    static String row(String page, String text) {
        int at = page.indexOf(text);
        assertThat(at).as("the page shows " + text).isNotNegative();
        return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
    }

    static String format(Instant at, ZoneId zone, String pattern) {
        return DateTimeFormatter.ofPattern(pattern).format(at.atZone(zone));
    }

    @Test
    void thePagesZoneIsBeijingTimeByDefault() {
        assertThat(times.zone()).isEqualTo(BEIJING);
        assertThat(ZoneId.systemDefault().getRules().getOffset(Instant.now()))
                .as("the test JVM runs in UTC, as the servers do")
                .isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void aPageShowsAKnownInstantInBeijingTime() throws Exception {
        String name = "时区测试 " + UUID.randomUUID().toString().substring(0, 8);
        AgentSummary agent = RunAs.run(OrderFixtures.ADMIN, () -> accounts.createAgent(name));
        String row = row(page("/admin/agents"), name);
        assertThat(row)
                .contains(format(agent.createdAt(), BEIJING, PageTimes.MINUTES))
                .doesNotContain(format(agent.createdAt(), ZoneOffset.UTC, PageTimes.MINUTES));
    }

    @Test
    void theAuditTrailShowsBeijingTimeOnThePageAndUtcInThePartnerApi() throws Exception {
        String name = "时区审计 " + UUID.randomUUID().toString().substring(0, 8);
        AgentSummary agent = RunAs.run(OrderFixtures.ADMIN, () -> accounts.createAgent(name));
        String api = "/api/v1/audit?targetType=AGENT&targetId=" + agent.id();
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        !JsonPath.<List<Object>>read(apiAnswer(api), "$.items").isEmpty());
        String at = JsonPath.read(apiAnswer(api), "$.items[0].at");
        assertThat(at).as("ISO-8601 in UTC").endsWith("Z");
        Instant instant = Instant.parse(at);
        String page = page("/audit?targetType=AGENT&targetId=" + agent.id());
        String row = row(page, "data-entry-id");
        assertThat(row)
                .contains(format(instant, BEIJING, "yyyy-MM-dd HH:mm:ss"))
                .doesNotContain(format(instant, ZoneOffset.UTC, "yyyy-MM-dd HH:mm:ss"));
        assertThat(page).as("the zone is named").contains("时间均为中国时间");
    }

    String apiAnswer(String uri) throws Exception {
        return mvc.perform(get(uri).with(ActorAuthentication.as(Role.ADMIN)))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void anotherConfiguredZoneIsUsedAsConfigured() {
        PageTimes berlin = new PageTimes(ZoneId.of("Europe/Berlin"));
        Instant at = Instant.parse("2026-07-01T10:15:30Z");
        assertThat(berlin.format(at)).isEqualTo("2026-07-01 12:15");
        assertThat(times.format(at)).isEqualTo("2026-07-01 18:15");
        assertThat(times.date(Instant.parse("2026-07-01T17:00:00Z"))).isEqualTo("2026-07-02");
        assertThat(times.format(java.time.LocalDate.of(2026, 7, 1), PageTimes.DAY))
                .isEqualTo("2026-07-01");
        assertThat(times.format(null)).isNull();
    }

    /** No template formats times with Thymeleaf's own objects, which know only the server's zone. */
    @Test
    void everyTemplateFormatsTimesThroughTheOneMechanism() throws IOException {
        Pattern other = Pattern.compile("#(temporals|dates|calendars)\\.");
        TreeSet<String> offenders = new TreeSet<>();
        Path templates = Path.of("src/main/resources/templates");
        try (Stream<Path> files = Files.walk(templates)) {
            for (Path template :
                    files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher matcher = other.matcher(Files.readString(template));
                while (matcher.find()) {
                    offenders.add(templates.relativize(template) + ": #" + matcher.group(1));
                }
            }
        }
        assertThat(offenders)
                .as("templates formatting times without #times (the pages' time zone)")
                .isEmpty();
    }
}
