package com.realsim.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.account.AccountService;
import com.realsim.account.NewUser;
import com.realsim.account.UserSummary;
import com.realsim.testsupport.BrowserClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sign-in, sessions and error pages over real HTTP, as a browser sees them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionAndErrorPagesTest {

    static final String PASSWORD = "Correct-horse-7";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    UserSummary newOpsUser(String name) {
        return accounts.createUser(new NewUser(name, PASSWORD, Role.OPS, null, null));
    }

    @Test
    void signingInChangesTheSessionIdAndLeadsToTheDashboard() {
        newOpsUser("ops-fixation");
        BrowserClient browser = new BrowserClient(port);
        browser.get("/login");
        String before = browser.sessionCookie().orElseThrow();

        assertThat(browser.signIn("ops-fixation", PASSWORD)).endsWith("/");

        assertThat(browser.sessionCookie()).get().isNotEqualTo(before);
        assertThat(browser.get("/").body()).contains("id=\"dashboard\"").contains("ops-fixation");
    }

    @Test
    void loggingOutEndsTheSessionOnTheServer() {
        newOpsUser("ops-logout");
        BrowserClient browser = new BrowserClient(port);
        browser.signIn("ops-logout", PASSWORD);
        browser.get("/");
        String session = browser.sessionCookie().orElseThrow();

        HttpResponse<String> logout = browser.post("/logout", Map.of());
        assertThat(logout.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));

        BrowserClient replay = new BrowserClient(port);
        replay.useSessionCookie(session);
        HttpResponse<String> page = replay.get("/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void repeatedFailedSignInsLockTheAccountEvenForTheRightPassword() {
        newOpsUser("ops-lockout");
        BrowserClient attacker = new BrowserClient(port);
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.signIn("ops-lockout", "wrong-password-" + i)).endsWith("/login?error");
        }
        BrowserClient owner = new BrowserClient(port);
        assertThat(owner.signIn("ops-lockout", PASSWORD)).endsWith("/login?error");
        assertThat(owner.get("/login?error").body()).contains("locked for a while");
    }

    @Test
    void disablingAnAccountEndsItsSessionsAtOnce() {
        UserSummary user = newOpsUser("ops-disabled");
        BrowserClient browser = new BrowserClient(port);
        browser.signIn("ops-disabled", PASSWORD);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        accounts.disableUser(user.id(), -1);

        assertThat(browser.get("/").statusCode()).isEqualTo(302);
        assertThat(new BrowserClient(port).signIn("ops-disabled", PASSWORD)).endsWith("/login?error");
    }

    @Test
    void errorPagesAreFriendlyAndLeakNothing() {
        newOpsUser("ops-errors");
        BrowserClient browser = new BrowserClient(port);
        browser.signIn("ops-errors", PASSWORD);

        HttpResponse<String> notFound = browser.get("/no/such/page");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).contains("data-status=\"404\"").contains("Not found");

        HttpResponse<String> forbidden = browser.get("/admin/users");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("data-status=\"403\"");

        for (HttpResponse<String> page : new HttpResponse[] {notFound, forbidden}) {
            assertThat(page.body())
                    .doesNotContain("Exception")
                    .doesNotContain("at com.")
                    .doesNotContain("trace");
        }
    }

    @Test
    void unknownApiPathsAnswerProblemDetails() {
        BrowserClient client = new BrowserClient(port);
        HttpResponse<String> response = client.get("/api/v1/no-such-thing");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"UNAUTHORIZED\"").doesNotContain("Exception");
    }
}
