package com.realsim.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.account.AccountService;
import com.realsim.account.NewUser;
import com.realsim.testsupport.BrowserClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A session without activity for longer than the idle timeout is over: the next request is sent to sign in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.session.timeout=2s")
class SessionIdleTimeoutTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Test
    void anIdleSessionEndsAfterTheTimeout() throws InterruptedException {
        accounts.createUser(new NewUser("idle-ops", "Idle-password-1", Role.OPS, null, null));
        BrowserClient browser = new BrowserClient(port);
        browser.signIn("idle-ops", "Idle-password-1");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        Thread.sleep(3_500);

        HttpResponse<String> after = browser.get("/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }
}
