package com.realsim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.account.AccountService;
import com.realsim.account.NewUser;
import com.realsim.account.UserSummary;
import com.realsim.approval.ExceptionKind;
import com.realsim.approval.ExceptionService;
import com.realsim.order.OrderFixtures;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.Chromium;
import com.realsim.testsupport.RunAs;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * In real headless Chromium: an agent's user has one unread notice (OPS verified the agent's enterprise); OPS rejects
 * the agent's exception request; the bell shows 2, the notifications page says what happened, newest first, and
 * following the notice opens the request and leaves the bell at 1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationBellBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ApplicationContext context;

    @Autowired
    ExceptionService exceptions;

    @Test
    void theBellCountsAnOpsDecisionAndItsNoticeLeadsToTheRecord() {
        long agentId = accounts.createAgent("Bell Channel Ltd").id();
        UserSummary user = accounts.createUser(new NewUser("bell-agent", "Agent-pass-12", Role.AGENT, agentId, null));
        Actor agent = new Actor(Actor.Kind.USER, user.id(), user.username(), Role.AGENT, agentId, null);
        OrderFixtures orders = new OrderFixtures(context);
        long enterpriseId = orders.verifiedEnterprise(agentId).id();
        String iccid = orders.enterpriseCards(1, orders.endUserPlan(), agentId, enterpriseId)
                .get(0);
        long requestId = RunAs.run(agent, () -> exceptions.request(iccid, ExceptionKind.PROVINCIAL_APPROVAL, "省公司已批准"))
                .id();

        WebDriver browser = Chromium.desktop();
        try {
            WebDriverWait wait = Chromium.waitFor(browser, Duration.ofSeconds(20));
            browser.get("http://localhost:" + port + "/login?lang=en");
            browser.findElement(By.id("username")).sendKeys("bell-agent");
            browser.findElement(By.id("password")).sendKeys("Agent-pass-12");
            browser.findElement(By.id("sign-in")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));
            assertThat(browser.findElements(By.id("bell"))).hasSize(1);
            // OPS verified the agent's enterprise when the fixtures made it: one notice already
            awaitBell(wait, "1");

            Actor ops = OrderFixtures.ops();
            RunAs.run(ops, () -> exceptions.claim(requestId));
            RunAs.run(ops, () -> exceptions.reject(requestId, "批文与卡号不符"));

            awaitBell(wait, "2");

            browser.findElement(By.id("bell")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notification-list")));
            assertThat(browser.findElement(By.id("notification-list")).getText())
                    .contains("Exception rejected")
                    .contains("Exception " + requestId + " for card " + iccid + " was rejected: see the reason.")
                    .as("the older notice below")
                    .contains("Enterprise verified");

            browser.findElement(By.cssSelector("#notification-list .notification-open"))
                    .click();
            wait.until(ExpectedConditions.urlContains("/exceptions/" + requestId));
            assertThat(browser.findElement(By.id("bell-count")).getText())
                    .as("the opened one is read")
                    .isEqualTo("1");
        } finally {
            browser.quit();
        }
    }

    /** Reloads the page until the bell shows this count (notices are written after the deciding transaction). */
    private static void awaitBell(WebDriverWait wait, String count) {
        wait.until(driver -> {
            driver.navigate().refresh();
            return driver.findElements(By.id("bell-count")).stream()
                    .anyMatch(badge -> badge.getText().equals(count));
        });
    }
}
