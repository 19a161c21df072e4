package com.realsim.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.realsim.platform.Role;
import com.realsim.testsupport.BrowserClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ADMIN's account page over real HTTP: the name of the account's person is edited with the organisation and the
 * right to sign in, shown on the list, refused when too long (next to its field, in both languages, nothing saved) and
 * audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UserPagesTest {

    static final String PASSWORD = "Admin-names-2026";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminNamesTheAccountsPersonAndATooLongNameIsRefusedOnItsField() {
        long agentId = accounts.createAgent("姓名编辑测试渠道").id();
        accounts.createUser(new NewUser("names-admin", PASSWORD, Role.ADMIN, null, null));
        UserSummary person =
                accounts.createUser(new NewUser("named-agent", "Agent-pass-123", Role.AGENT, agentId, null));
        BrowserClient admin = new BrowserClient(port);
        assertThat(admin.signIn("names-admin", PASSWORD)).endsWith("/");
        admin.get("/admin/users/" + person.id());

        HttpResponse<String> saved = admin.post(
                "/admin/users/" + person.id(),
                Map.of("displayName", " 张伟 ", "agentId", String.valueOf(agentId), "enabled", "true"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(accounts.user(person.id()).displayName()).isEqualTo("张伟");
        assertThat(accounts.user(person.id()).enabled()).isTrue();
        assertThat(admin.get("/admin/users?lang=en").body())
                .contains("<div class=\"small text-body-secondary user-display-name\">张伟</div>");
        assertThat(admin.get("/admin/users/" + person.id() + "?lang=zh-CN").body())
                .contains(">姓名</label>")
                .contains("value=\"张伟\"");

        Map<String, String> tooLong =
                Map.of("displayName", "名".repeat(101), "agentId", String.valueOf(agentId), "enabled", "true");
        assertThat(admin.post("/admin/users/" + person.id() + "?lang=en", tooLong)
                        .body())
                .contains("id=\"displayName-error\">At most 100 characters.</div>");
        assertThat(admin.post("/admin/users/" + person.id() + "?lang=zh-CN", tooLong)
                        .body())
                .contains("id=\"displayName-error\">最多 100 个字符。</div>");
        assertThat(accounts.user(person.id()).displayName()).isEqualTo("张伟");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                jdbc.sql("SELECT details ->> 'name' FROM audit_entry WHERE target_type = 'USER'"
                                                + " AND target_id = ? AND action = 'USER_RENAMED'")
                                        .param(String.valueOf(person.id()))
                                        .query(String.class)
                                        .list())
                        .as("the trail keeps the name masked")
                        .containsExactly("张*"));
    }
}
