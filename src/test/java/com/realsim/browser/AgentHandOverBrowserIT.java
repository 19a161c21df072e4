package com.realsim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.account.AccountService;
import com.realsim.account.AgentSummary;
import com.realsim.account.NewUser;
import com.realsim.card.CardFixtures;
import com.realsim.enterprise.EnterpriseView;
import com.realsim.order.OrderFixtures;
import com.realsim.platform.Role;
import com.realsim.testsupport.Chromium;
import com.realsim.testsupport.SuspendableAgents;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * In real headless Chromium, the second half of the qualification journey (the suspension is {@link
 * AgentQualificationBrowserIT}): an ADMIN revokes an agent on its page and hands its customers to another agent with
 * the form there; the receiving agent's user then finds the cards among its own and reads their history — the
 * entries written while the old agent held them, and the hand-over.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AgentHandOverBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountService accounts;

    @Test
    void anAdminRevokesAnAgentAndHandsItsCustomersToAnotherWhoseUserSeesTheCardsAndTheirHistory() {
        AgentSummary from = SuspendableAgents.create(context, "移交浏览器来源渠道", null);
        AgentSummary to = SuspendableAgents.create(context, "移交浏览器接收渠道", null);
        OrderFixtures fixtures = new OrderFixtures(context);
        EnterpriseView enterprise = fixtures.verifiedEnterprise(from.id());
        List<String> iccids = fixtures.enterpriseCards(2, fixtures.dataOnlyPlan(), from.id(), enterprise.id());
        CardFixtures cards = new CardFixtures(context);
        List<Long> cardIds = iccids.stream().map(cards::cardId).toList();
        accounts.createUser(new NewUser("handover-admin", "Admin-pass-12", Role.ADMIN, null, null));
        accounts.createUser(new NewUser("handover-agent", "Agent-pass-12", Role.AGENT, to.id(), null));

        ChromeDriver admin = Chromium.desktop();
        ChromeDriver receiver = Chromium.desktop();
        try {
            WebDriverWait adminWait = Chromium.waitFor(admin, Duration.ofSeconds(20));
            WebDriverWait receiverWait = Chromium.waitFor(receiver, Duration.ofSeconds(20));
            signIn(admin, adminWait, "handover-admin", "Admin-pass-12");
            signIn(receiver, receiverWait, "handover-agent", "Agent-pass-12");

            // before: the receiving agent does not have the cards
            receiver.get(url("/cards/" + cardIds.get(0)));
            receiverWait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
            assertThat(receiver.findElement(By.tagName("main")).getText()).contains("Not found");
            assertThat(receiver.getPageSource()).doesNotContain(iccids.get(0));

            // 1. the ADMIN revokes the agent on its page
            admin.get(url("/admin/agents/" + from.id()));
            adminWait.until(ExpectedConditions.presenceOfElementLocated(By.id("revoke")));
            admin.findElement(By.id("revoke-reason")).sendKeys("Cards opened in bulk");
            click(admin, By.id("revoke-button"));
            adminWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agent-status"), "Revoked"));

            // 2. a hand-over without a target is refused next to the field; then it goes to the chosen agent
            admin.findElement(By.id("reason")).sendKeys("Customers of a revoked agent");
            click(admin, By.id("hand-over-button"));
            adminWait.until(ExpectedConditions.presenceOfElementLocated(By.id("toAgentId-error")));
            assertThat(admin.findElement(By.id("toAgentId-error")).getText())
                    .isEqualTo("Choose the agent that takes the customers.");
            new Select(admin.findElement(By.id("toAgentId"))).selectByVisibleText(to.name());
            click(admin, By.id("hand-over-button"));
            adminWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-success")));
            assertThat(admin.findElement(By.cssSelector(".alert-success")).getText())
                    .isEqualTo("Handed over: 1 enterprises, 2 cards; 0 open orders cancelled.");
            Chromium.screenshot(admin, Path.of("target/screenshots/agent-handed-over.png"));

            // 3. the receiving agent's user finds the cards and reads their history
            for (int i = 0; i < iccids.size(); i++) {
                receiver.get(url("/cards/" + cardIds.get(i)));
                receiverWait.until(
                        ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), iccids.get(i)));
            }
            receiver.get(url("/audit?targetType=CARD&targetId=" + iccids.get(0)));
            receiverWait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("audit-entries"), "Card handed to the enterprise"));
            awaitEntry(
                    receiver,
                    receiverWait,
                    "/audit?targetType=ENTERPRISE&targetId=" + enterprise.id(),
                    "Enterprise handed over to another agent");
            assertThat(receiver.findElement(By.id("audit-entries")).getText())
                    .as("the enterprise's history from before the hand-over")
                    .contains("Customers of a revoked agent");
            Chromium.screenshot(receiver, Path.of("target/screenshots/handed-over-history.png"));
        } finally {
            admin.quit();
            receiver.quit();
        }
    }

    /** Reloads the page until the entry is there: the trail appends it just after the hand-over's commit. */
    private void awaitEntry(WebDriver browser, WebDriverWait wait, String path, String text) {
        wait.until(driver -> {
            driver.get(url(path));
            return driver.findElements(By.id("audit-entries")).stream()
                    .anyMatch(table -> table.getText().contains(text));
        });
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
