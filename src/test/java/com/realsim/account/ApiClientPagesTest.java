package com.realsim.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.BrowserClient;
import com.realsim.testsupport.PartnerApiClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ADMIN's API client pages over real HTTP, with the session in PostgreSQL as in production: creating a client
 * or a new secret redirects to a page that shows the secret once (reloading it creates nothing and shows no secret),
 * says whether the client is new or an earlier secret stopped working, and the list names each client's organisation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiClientPagesTest {

    static final String PASSWORD = "Admin-pages-2026";
    static final Pattern SECRET = Pattern.compile("id=\"client-secret\"[^>]*>([^<]+)<");
    static final Pattern CLIENT_ID = Pattern.compile("id=\"client-id\"[^>]*>([^<]+)<");

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ApiClientService clients;

    @Autowired
    JdbcClient jdbc;

    BrowserClient signedInAdmin(String username) {
        accounts.createUser(new NewUser(username, PASSWORD, Role.ADMIN, null, null));
        BrowserClient browser = new BrowserClient(port);
        assertThat(browser.signIn(username, PASSWORD)).endsWith("/");
        browser.get("/admin/api-clients");
        return browser;
    }

    @Test
    void aNewClientsSecretIsShownOnceAfterARedirectAndAReloadCreatesNothing() {
        BrowserClient browser = signedInAdmin("clients-admin-create");
        int before = clients.clients().size();

        HttpResponse<String> created =
                browser.post("/admin/api-clients", Map.of("name", "Reload-safe portal", "role", "OPS"));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/admin/api-clients/issued"));
        List<byte[]> sessionAttributes = jdbc.sql("select attribute_bytes from spring_session_attributes")
                .query(byte[].class)
                .list();

        HttpResponse<String> shown = browser.get("/admin/api-clients/issued");
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        String secret = first(SECRET, shown.body());
        String clientId = first(CLIENT_ID, shown.body());
        assertThat(shown.body())
                .contains("id=\"issued-new\"")
                .contains("The client is new")
                .doesNotContain("id=\"issued-rotated\"")
                .doesNotContain("no longer works");
        assertThat(clients.clients()).hasSize(before + 1);
        assertThat(sessionAttributes)
                .as("the secret waits for the redirect sealed, never in clear in the session table")
                .noneMatch(bytes -> new String(bytes, StandardCharsets.ISO_8859_1).contains(secret));
        assertThat(new PartnerApiClient(port).requestToken(clientId, secret).status())
                .as("the secret shown is the client's")
                .isEqualTo(200);

        HttpResponse<String> reloaded = browser.get("/admin/api-clients/issued");
        assertThat(reloaded.statusCode()).isEqualTo(200);
        assertThat(reloaded.body())
                .contains("id=\"issued-gone\"")
                .doesNotContain("id=\"client-secret\"")
                .doesNotContain(secret);
        assertThat(clients.clients()).as("a reload creates no second client").hasSize(before + 1);
    }

    @Test
    void aNewSecretSaysTheEarlierOneStoppedWorking() {
        BrowserClient browser = signedInAdmin("clients-admin-rotate");
        HttpResponse<String> created =
                browser.post("/admin/api-clients", Map.of("name", "Rotated portal", "role", "OPS"));
        assertThat(created.statusCode()).isEqualTo(302);
        String clientId =
                first(CLIENT_ID, browser.get("/admin/api-clients/issued").body());
        long id = clients.clients().stream()
                .filter(c -> c.clientId().equals(clientId))
                .findFirst()
                .orElseThrow()
                .id();

        browser.get("/admin/api-clients");
        HttpResponse<String> rotated = browser.post("/admin/api-clients/" + id + "/rotate", Map.of());
        assertThat(rotated.statusCode()).isEqualTo(302);
        HttpResponse<String> shown = browser.get("/admin/api-clients/issued");
        assertThat(shown.body())
                .contains("id=\"client-secret\"")
                .contains("id=\"issued-rotated\"")
                .contains("no longer works")
                .doesNotContain("id=\"issued-new\"");
        assertThat(first(CLIENT_ID, shown.body())).isEqualTo(clientId);
        assertThat(browser.get("/admin/api-clients/issued").body()).doesNotContain("id=\"client-secret\"");
    }

    @Test
    void theListNamesEachClientsOrganisation() {
        AgentSummary agent = accounts.createAgent("名录测试渠道有限公司");
        clients.create(
                new NewApiClient("Channel system", Role.AGENT, agent.id(), null),
                ActorAuthentication.actor(Role.ADMIN, null, null));
        BrowserClient browser = signedInAdmin("clients-admin-list");

        String page = browser.get("/admin/api-clients?lang=zh-CN").body();
        String table = page.substring(page.indexOf("id=\"api-clients\""), page.indexOf("</table>"));
        String row = table.substring(table.indexOf("Channel system"));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("名录测试渠道有限公司").doesNotContainPattern(">\\s*" + agent.id() + "\\s*<");
    }

    private static String first(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        assertThat(matcher.find()).as("%s in the page", pattern).isTrue();
        return matcher.group(1).strip();
    }
}
