package com.realsim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.account.AccountService;
import com.realsim.account.NewUser;
import com.realsim.order.OrderFixtures;
import com.realsim.platform.Role;
import com.realsim.testsupport.Chromium;
import com.realsim.testsupport.RunAs;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * In real headless Chromium, two people at once: an ADMIN suspends an agent on its page; the agent's user, signed in
 * all along, still reads the orders but submitting one answers the rule's text; the ADMIN revokes the agent, and the
 * user's next page is the sign-in page (the session is gone), where signing in again is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AgentQualificationBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountService accounts;

    @Test
    void aSuspendedAgentsUserReadsButCannotSubmitAndARevokedOnesSessionEnds() {
        long agentId = com.realsim.testsupport.SuspendableAgents.create(context, "资格浏览器渠道", null)
                .id();
        new OrderFixtures(context).verifiedEnterprise(agentId);
        accounts.createUser(new NewUser("qual-agent", "Agent-pass-12", Role.AGENT, agentId, null));
        accounts.createUser(new NewUser("qual-admin", "Admin-pass-12", Role.ADMIN, null, null));

        ChromeDriver admin = Chromium.desktop();
        ChromeDriver agent = Chromium.desktop();
        try {
            WebDriverWait adminWait = Chromium.waitFor(admin, Duration.ofSeconds(20));
            WebDriverWait agentWait = Chromium.waitFor(agent, Duration.ofSeconds(20));
            signIn(agent, agentWait, "qual-agent", "Agent-pass-12");
            signIn(admin, adminWait, "qual-admin", "Admin-pass-12");

            // 1. the ADMIN suspends the agent on its page, with a reason
            admin.get(url("/admin/agents"));
            click(admin, By.linkText("资格浏览器渠道"));
            adminWait.until(ExpectedConditions.presenceOfElementLocated(By.id("suspend")));
            admin.findElement(By.id("suspend-reason")).sendKeys("Registrations under investigation");
            click(admin, By.id("suspend-button"));
            adminWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agent-status"), "Suspended"));
            assertThat(admin.findElement(By.cssSelector(".alert-success")).getText())
                    .isEqualTo("The agent is suspended: its users may read and change nothing.");
            assertThat(admin.findElement(By.id("agent-history")).getText())
                    .contains("Active → Suspended", "Registrations under investigation", "qual-admin");
            Chromium.screenshot(admin, Path.of("target/screenshots/agent-suspended.png"));

            // 2. its user reads the orders, but submitting one is refused with the rule's text
            agent.get(url("/orders"));
            agentWait.until(ExpectedConditions.presenceOfElementLocated(By.id("order-list")));
            agent.get(url("/orders/new"));
            agentWait.until(ExpectedConditions.presenceOfElementLocated(By.id("order-form")));
            // the form's own field checks aside: the server is the one that says no
            ((JavascriptExecutor) agent).executeScript("document.getElementById('order-form').noValidate = true");
            click(agent, By.id("submit-order"));
            agentWait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.tagName("main"), "Your agent organisation is suspended or revoked"));
            Chromium.screenshot(agent, Path.of("target/screenshots/agent-not-qualified.png"));

            // 3. the ADMIN revokes it: the user's session ends at once, and signing in again is refused
            admin.findElement(By.id("revoke-reason")).sendKeys("Cards opened in bulk");
            click(admin, By.id("revoke-button"));
            adminWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agent-status"), "Revoked"));
            agent.get(url("/orders"));
            agentWait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));
            agent.findElement(By.id("username")).sendKeys("qual-agent");
            agent.findElement(By.id("password")).sendKeys("Agent-pass-12");
            click(agent, By.id("sign-in"));
            agentWait.until(ExpectedConditions.urlContains("/login?error"));
            assertThat(RunAs.run(
                            OrderFixtures.ADMIN,
                            () -> accounts.agentDetails(agentId).history()))
                    .hasSize(2);
        } finally {
            admin.quit();
            agent.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(WebDriver browser, WebDriverWait wait, String username, String password) {
        browser.get(url("/login?lang=en"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        click(browser, By.id("sign-in"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));
    }

    private static void click(WebDriver browser, By locator) {
        var element = browser.findElement(locator);
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }
}
