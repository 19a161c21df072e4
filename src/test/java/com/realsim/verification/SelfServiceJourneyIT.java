package com.realsim.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.realsim.account.AccountService;
import com.realsim.account.NewUser;
import com.realsim.card.CardFixtures;
import com.realsim.platform.Role;
import com.realsim.testsupport.Chromium;
import com.realsim.testsupport.RunAs;
import com.realsim.testsupport.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * In real headless Chromium: an end user opens a self-service link on a phone-sized screen, reads the notice, fills
 * in the form, takes the photos and submits; the case waits for review. An OPS user then signs in on a desktop,
 * finds the case in the queue, compares the two photos side by side and approves it; the card module's listener
 * hears the decision (a real card of the card module), and the link cannot be used again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(VerificationTestConfiguration.class)
class SelfServiceJourneyIT {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ApplicationContext context;

    @Autowired
    VerificationService verifications;

    @Test
    void anEndUserVerifiesOnAPhoneAndOpsApproveOnADesktop() throws Exception {
        accounts.createUser(new NewUser("verify-ops", "Verify-pass-12", Role.OPS, null, null));
        CardFixtures cards = new CardFixtures(context);
        CardFixtures.CustomerCard card = cards.endUserCard(CardFixtures.newAgent());
        IssuedLink issued = cards.selfServiceLink(card.agentId(), card.iccid());
        String link =
                "http://localhost:" + port + issued.url().substring(issued.url().indexOf("/s/"));

        WebDriver phone = Chromium.phone();
        long caseId;
        try {
            WebDriverWait wait = Chromium.waitFor(phone, Duration.ofSeconds(20));
            phone.get(link);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("self-service-form")));
            assertThat(phone.findElement(By.id("subject")).getText())
                    .isEqualTo("8986****" + card.iccid().substring(16));
            assertThat(phone.findElement(By.id("privacy-notice")).getText())
                    .contains("How your personal information is used")
                    .contains("at least two years")
                    .contains("MIIT");
            assertThat(horizontalOverflow(phone))
                    .as("nothing wider than the phone")
                    .isFalse();
            screenshot(phone, "self-service-notice-phone.png");

            phone.findElement(By.id("name")).sendKeys("李四");
            phone.findElement(By.id("idNumber")).sendKeys(VerificationFixtures.ID_NUMBER);
            phone.findElement(By.id("idAddress")).sendKeys("福建省福州市鼓楼区五四路 100 号");
            phone.findElement(By.id("idFront"))
                    .sendKeys(TestFiles.jpegFile("id-front.jpg").toString());
            phone.findElement(By.id("idBack"))
                    .sendKeys(TestFiles.jpegFile("id-back.jpg").toString());
            phone.findElement(By.id("livePhoto"))
                    .sendKeys(TestFiles.jpegFile("live.jpg").toString());
            wait.until(page -> page.findElements(By.cssSelector(".photo-preview:not(.d-none)"))
                            .size()
                    == 3);
            WebElement consent = phone.findElement(By.id("consent1"));
            scrollTo(phone, consent);
            consent.click();
            screenshot(phone, "self-service-form-phone.png");
            WebElement submit = phone.findElement(By.id("submit-verification"));
            assertThat(submit.getSize().getHeight()).as("a large touch target").isGreaterThanOrEqualTo(44);
            scrollTo(phone, submit);
            submit.click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("self-service-done")));
            assertThat(phone.findElement(By.id("outcome-review")).getText()).contains("Under review");
            screenshot(phone, "self-service-done-phone.png");
            caseId = caseOf(card);
        } finally {
            phone.quit();
        }

        WebDriver desktop = Chromium.desktop();
        try {
            WebDriverWait wait = Chromium.waitFor(desktop, Duration.ofSeconds(20));
            desktop.get("http://localhost:" + port + "/login?lang=en");
            desktop.findElement(By.id("username")).sendKeys("verify-ops");
            desktop.findElement(By.id("password")).sendKeys("Verify-pass-12");
            desktop.findElement(By.id("sign-in")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));
            desktop.findElement(By.linkText("Verifications")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verification-queue")));
            assertThat(desktop.findElement(By.id("manual-review-banner")).getText())
                    .contains("Manual review");
            WebElement row = desktop.findElement(By.cssSelector("#cases tr[data-id='" + caseId + "']"));
            assertThat(row.getText()).contains("End user").contains("李*");
            row.findElement(By.linkText("Open")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("photos")));
            wait.until(page -> photoLoaded(page, "#id-photo img") && photoLoaded(page, "#live-photo img"));
            WebElement idPhoto = desktop.findElement(By.id("id-photo"));
            WebElement livePhoto = desktop.findElement(By.id("live-photo"));
            assertThat(idPhoto.getLocation().getY())
                    .as("side by side")
                    .isEqualTo(livePhoto.getLocation().getY());
            assertThat(idPhoto.getLocation().getX())
                    .isLessThan(livePhoto.getLocation().getX());
            assertThat(desktop.findElement(By.id("person-id-number")).getText()).contains("120101********9190");
            assertThat(desktop.findElement(By.id("check-method")).getText())
                    .contains("no external verification service configured");
            screenshot(desktop, "verification-review-desktop.png");

            desktop.findElement(By.id("approve-reason")).sendKeys("Live photo matches the ID photo");
            WebElement approve = desktop.findElement(By.id("approve"));
            scrollTo(desktop, approve);
            approve.click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verification-queue")));
            assertThat(desktop.findElement(By.cssSelector(".alert-success")).getText())
                    .isEqualTo("Case " + caseId + " approved.");
        } finally {
            desktop.quit();
        }

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(cards.decisions())
                        .filteredOn(d -> d.caseId() == caseId)
                        .singleElement()
                        .satisfies(d -> {
                            assertThat(d.outcome()).isEqualTo(VerificationStatus.APPROVED);
                            assertThat(d.decidedBy()).isEqualTo("verify-ops");
                            assertThat(d.subjectType()).isEqualTo(CardFixtures.SELF_SERVICE_SUBJECT);
                            assertThat(d.subjectId()).isEqualTo(card.id());
                        }));

        WebDriver again = Chromium.phone();
        try {
            again.get(link);
            Chromium.waitFor(again, Duration.ofSeconds(20))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("link-invalid")));
            assertThat(again.findElement(By.id("link-invalid")).getText()).contains("This link is not valid");
        } finally {
            again.quit();
        }
    }

    static boolean horizontalOverflow(WebDriver browser) {
        return (Boolean) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
    }

    static boolean photoLoaded(WebDriver browser, String selector) {
        return (Boolean) ((JavascriptExecutor) browser)
                .executeScript(
                        "var i = document.querySelector(arguments[0]); return !!i && i.complete && i.naturalWidth > 0;",
                        selector);
    }

    /** Bootstrap scrolls smoothly; a click must wait for nothing. */
    static void scrollTo(WebDriver browser, WebElement element) {
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
    }

    static void screenshot(WebDriver browser, String name) throws Exception {
        Path shot = Path.of("target/screenshots/" + name);
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** The one case the end user's submission opened, read as OPS. */
    long caseOf(CardFixtures.CustomerCard card) {
        return RunAs.run(
                        VerificationFixtures.ops(),
                        () -> verifications.list(
                                VerificationStatus.PENDING_REVIEW,
                                VerificationKind.END_USER,
                                VerificationService.Assignment.ANYONE,
                                null,
                                500))
                .items()
                .stream()
                .filter(c -> c.subjectType().equals(CardFixtures.SELF_SERVICE_SUBJECT) && c.subjectId() == card.id())
                .map(VerificationCaseView::id)
                .findFirst()
                .orElseThrow();
    }
}
