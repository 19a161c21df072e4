package com.realsim.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.realsim.account.AccountService;
import com.realsim.account.NewUser;
import com.realsim.card.BlockingReason;
import com.realsim.card.BlockingReasonView;
import com.realsim.card.CardFixtures;
import com.realsim.card.CardState;
import com.realsim.card.CardTestConfiguration;
import com.realsim.platform.Role;
import com.realsim.testsupport.Chromium;
import com.realsim.testsupport.TestFiles;
import com.realsim.verification.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Re-verification of a flagged card, in real headless Chromium: OPS require it on the alert's page (a deadline
 * appears); the clock passes the deadline and the overdue job suspends the card; the enterprise admin issues the case's
 * one-time link; the end user opens it on a 390×844 phone, reads the fraud-risk notice, takes a live photo and accepts
 * the notice; OPS approve the case in the review queue; the enterprise admin sees the card working again and the alert
 * cleared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(CardTestConfiguration.class)
class RiskReverificationBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountService accounts;

    @Autowired
    MutableClock clock;

    @Autowired
    RiskReverifications reverifications;

    @Test
    void opsRequireTheCardIsSuspendedTheEndUserReverifiesOnAPhoneOpsApproveTheCardWorksAgain() {
        RiskFixtures risk = new RiskFixtures(context);
        CardFixtures cards = risk.cards;
        long agentId = CardFixtures.newAgent();
        long enterpriseId = cards.verifiedEnterprise(agentId);
        accounts.createUser(new NewUser("recheck-ops", "Ops-pass-1234", Role.OPS, null, null));
        accounts.createUser(new NewUser("recheck-admin", "Admin-pass-1234", Role.ENTERPRISE_ADMIN, null, enterpriseId));
        String iccid = cards.activeCardWithEndUser(
                agentId, enterpriseId, cards.nonDirectionalDataPlan(), CardFixtures.newIdentity());
        long cardId = cards.cardId(iccid);
        risk.apply(
                risk.rule(RuleCode.SILENT_CARD, Severity.HIGH, Map.of("days", 1)),
                clock.instant().plus(Duration.ofDays(1)));
        long alertId = risk.cardAlert(RuleCode.SILENT_CARD, iccid).orElseThrow().id();

        WebDriver ops = Chromium.desktop();
        try {
            WebDriverWait wait = Chromium.waitFor(ops, Duration.ofSeconds(20));
            signIn(ops, wait, "recheck-ops", "Ops-pass-1234");
            ops.get(url("/risk/alerts/" + alertId));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("require-form")));
            ops.findElement(By.id("require-reason")).sendKeys("Silent since activation: the end user re-verifies");
            click(ops, ops.findElement(By.id("require-reverification")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("alert-deadline")));
            assertThat(ops.findElement(By.id("risk-alert")).getText())
                    .contains("Re-verification required")
                    .contains("Silent since activation");
            screenshot(ops, "risk-reverification-required.png");
        } finally {
            ops.quit();
        }
        long caseId = risk.jdbc
                .sql("SELECT reverification_case_id FROM risk_alert_card WHERE alert_id = ?")
                .params(alertId)
                .query(Long.class)
                .single();

        // the deadline passes without the end user: the overdue job suspends the card
        Duration deadline = risk.rules.settings().reverificationDeadline();
        clock.advance(deadline.plusMinutes(1));
        reverifications.markOverdue();
        assertThat(cards.view(iccid).state()).isEqualTo(CardState.SUSPENDED);
        assertThat(cards.view(iccid).blockingReasons())
                .filteredOn(BlockingReasonView::active)
                .extracting(BlockingReasonView::reason)
                .containsExactly(BlockingReason.RISK_REVERIFICATION_OVERDUE);

        String link;
        WebDriver admin = Chromium.desktop();
        try {
            WebDriverWait wait = Chromium.waitFor(admin, Duration.ofSeconds(20));
            signIn(admin, wait, "recheck-admin", "Admin-pass-1234");
            admin.get(url("/cards/" + cardId));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("card-state"), "Suspended"));
            admin.get(url("/verifications/" + caseId));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reverification")));
            assertThat(admin.findElement(By.id("reverification")).getText())
                    .contains("live photo")
                    .contains("fraud-risk notice");
            click(admin, admin.findElement(By.id("reverification-link")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("link-url")));
            String issued = admin.findElement(By.id("link-url")).getAttribute("value");
            link = url(issued.substring(issued.indexOf("/s/")));
        } finally {
            admin.quit();
        }

        ChromeDriver phone = Chromium.phone();
        try {
            Chromium.viewport(phone, 390, 844, true);
            WebDriverWait wait = Chromium.waitFor(phone, Duration.ofSeconds(20));
            phone.get(link + "?lang=en");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("self-reverification")));
            assertThat(phone.findElement(By.id("subject")).getText()).isEqualTo("8986****" + iccid.substring(16));
            assertThat(phone.findElement(By.id("risk-notice")).getText())
                    .contains("Fraud-risk notice")
                    .contains("涉诈风险告知书");
            assertThat((Boolean) ((JavascriptExecutor) phone)
                            .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;"))
                    .as("nothing wider than the phone")
                    .isFalse();
            phone.findElement(By.id("livePhoto"))
                    .sendKeys(TestFiles.jpegFile("reverify-live.jpg").toString());
            wait.until(page -> !page.findElements(By.cssSelector(".photo-preview:not(.d-none)"))
                    .isEmpty());
            click(phone, phone.findElement(By.id("noticeAccepted1")));
            screenshot(phone, "risk-reverification-phone.png");
            click(phone, phone.findElement(By.id("submit-verification")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("self-service-done")));
            assertThat(phone.findElement(By.id("outcome-review")).getText()).contains("Under review");
        } finally {
            phone.quit();
        }

        WebDriver reviewer = Chromium.desktop();
        try {
            WebDriverWait wait = Chromium.waitFor(reviewer, Duration.ofSeconds(20));
            signIn(reviewer, wait, "recheck-ops", "Ops-pass-1234");
            reviewer.get(url("/verifications?kind=REVERIFICATION"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verification-queue")));
            WebElement row = reviewer.findElement(By.cssSelector("#cases tr[data-id='" + caseId + "']"));
            row.findElement(By.linkText("Open")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("risk-notice-accepted")));
            assertThat(reviewer.findElements(By.cssSelector("#live-photo img"))).hasSize(1);
            reviewer.findElement(By.id("approve-reason")).sendKeys("Live photo matches the ID photo on record");
            click(reviewer, reviewer.findElement(By.id("approve")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verification-queue")));
            assertThat(reviewer.findElement(By.cssSelector(".alert-success")).getText())
                    .isEqualTo("Case " + caseId + " approved.");
        } finally {
            reviewer.quit();
        }

        WebDriver again = Chromium.desktop();
        try {
            WebDriverWait wait = Chromium.waitFor(again, Duration.ofSeconds(20));
            signIn(again, wait, "recheck-admin", "Admin-pass-1234");
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        again.get(url("/cards/" + cardId));
                        return again.findElement(By.id("card-state")).getText().contains("Active");
                    });
            again.get(url("/risk/alerts/" + alertId));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("risk-alert")));
            assertThat(again.findElement(By.id("risk-alert")).getText()).contains("Cleared");
            screenshot(again, "risk-reverification-cleared.png");
        } finally {
            again.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(WebDriver browser, WebDriverWait wait, String username, String password) {
        browser.get(url("/login?lang=en"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));
    }

    /** Bootstrap scrolls smoothly; a click must wait for nothing. */
    private static void click(WebDriver browser, WebElement element) {
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    private static void screenshot(WebDriver browser, String name) {
        Chromium.screenshot((ChromeDriver) browser, Path.of("target/screenshots/" + name));
    }
}
