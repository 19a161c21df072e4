package com.realsim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.account.AccountService;
import com.realsim.account.NewUser;
import com.realsim.approval.CardEligibility;
import com.realsim.approval.ExceptionService;
import com.realsim.card.CardFixtures;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.platform.Role;
import com.realsim.testsupport.Chromium;
import com.realsim.testsupport.RunAs;
import com.realsim.testsupport.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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

/**
 * In real headless Chromium: an agent requests a provincial approval for a card with non-directional data, uploads
 * the signed approval document and sees on the card's page that the exception waits for a decision; an OPS user
 * (another account) claims it in the queue, sees the card's enterprise on the request's page, and approves it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExceptionApprovalBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ApplicationContext context;

    @Autowired
    ExceptionService exceptions;

    @Autowired
    EnterpriseService enterprises;

    @Test
    void anAgentRequestsAProvincialApprovalAndAnotherAccountApprovesItInTheQueue() throws Exception {
        long agentId = accounts.createAgent("Exception Channel Ltd").id();
        accounts.createUser(new NewUser("exception-agent", "Agent-pass-12", Role.AGENT, agentId, null));
        accounts.createUser(new NewUser("exception-ops", "Ops-pass-1234", Role.OPS, null, null));
        CardFixtures cards = new CardFixtures(context);
        long enterpriseId = cards.verifiedEnterprise(agentId);
        String enterpriseName = enterprises.name(enterpriseId).orElseThrow();
        String iccid = cards.cardAllowing(CardEligibility.Allowed.PROVINCIAL_APPROVAL, agentId, enterpriseId);
        CardEligibility card = RunAs.run(CardFixtures.agent(agentId), () -> exceptions.eligibility(iccid));
        Path signedApproval = TestFiles.jpegFile("signed-approval.jpg");

        WebDriver browser = Chromium.desktop();
        try {
            WebDriverWait wait = Chromium.waitFor(browser, Duration.ofSeconds(15));
            signIn(browser, wait, "exception-agent", "Agent-pass-12");

            browser.findElement(By.linkText("Real-name exceptions")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("exception-list")));
            browser.findElement(By.id("new-request")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("find-card")));
            browser.findElement(By.id("iccid")).sendKeys(card.iccid());
            browser.findElement(By.id("find-card-button")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("request-form")));
            assertThat(browser.findElement(By.id("possible-exception")).getText())
                    .isEqualTo("Provincial approval");
            browser.findElement(By.id("reason")).sendKeys("Smart water meters in mountain villages, no end users");
            screenshot(browser, "exception-form.png");
            browser.findElement(By.id("submit-request")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("exception-request")));
            assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                    .isEqualTo("The request is saved. Upload the signed approval document so that OPS can decide.");
            assertThat(browser.findElement(By.id("document-missing")).isDisplayed())
                    .isTrue();
            browser.findElement(By.id("file")).sendKeys(signedApproval.toString());
            browser.findElement(By.id("upload")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("document-list")));
            assertThat(browser.findElements(By.cssSelector("#document-list img")))
                    .hasSize(1);
            assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                    .isEqualTo("The document is stored.");
            String requestUrl = browser.getCurrentUrl().replaceAll("#.*", "");
            String requestId = requestUrl.substring(requestUrl.lastIndexOf('/') + 1);

            browser.get("http://localhost:" + port + "/cards/" + card.cardId());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pending-exception")));
            assertThat(browser.findElement(By.id("pending-exception")).getText())
                    .startsWith("Provincial approval #" + requestId + " requested on ")
                    .endsWith("is waiting for a decision by OPS.");
            assertThat(browser.findElements(By.id("request-exception")))
                    .as("no second request while one waits")
                    .isEmpty();
            browser.findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logged-out")));
            assertThat(browser.findElement(By.id("logged-out")).getText()).isEqualTo("You have been signed out.");

            signIn(browser, wait, "exception-ops", "Ops-pass-1234");
            assertThat(browser.findElement(By.id("dashboard")).getText()).contains("Exception requests to decide");
            browser.findElement(By.linkText("Real-name exceptions")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("exception-queue")));
            WebElement row = browser.findElement(
                    By.xpath("//table[@id='exceptions']//tr[td//a[text()='" + card.iccid() + "']]"));
            assertThat(row.getText()).contains("exception-agent").contains("Provincial approval");
            row.findElement(By.cssSelector("button.claim")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.xpath("//table[@id='exceptions']//tr[td//a[text()='" + card.iccid() + "']]"), "exception-ops"));
            assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                    .isEqualTo("You are now working on this request.");
            screenshot(browser, "exception-queue.png");
            browser.findElement(By.xpath("//table[@id='exceptions']//tr[td//a[text()='" + card.iccid()
                            + "']]//a[contains(@class,'open')]"))
                    .click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("decision")));
            assertThat(browser.getCurrentUrl()).isEqualTo(requestUrl);
            assertThat(browser.findElement(By.id("request-iccid")).getText()).isEqualTo(card.iccid());
            assertThat(browser.findElement(By.id("request-enterprise")).getText())
                    .isEqualTo(enterpriseName);
            assertThat(browser.findElement(By.id("request-requested-by")).getText())
                    .contains("exception-agent");
            WebElement image = browser.findElement(By.cssSelector("#document-list img"));
            wait.until(driver -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", image)));
            screenshot(browser, "exception-request.png");
            browser.findElement(By.id("approve-reason")).sendKeys("Signed by the deputy general manager");
            browser.findElement(By.id("approve")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("exception-queue")));
            assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                    .isEqualTo("The exception is approved.");
            browser.get(requestUrl);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("approval-note")));
            assertThat(browser.findElement(By.id("exception-request")).getAttribute("data-status"))
                    .isEqualTo("APPROVED");
            assertThat(browser.findElement(By.id("approval-note")).getText()).contains("exception-ops");
            assertThat(exceptions.approvedExceptionFor(card.cardId())).isPresent();
            browser.get("http://localhost:" + port + "/cards/" + card.cardId());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("real-name-exception")));
            assertThat(browser.findElements(By.id("pending-exception")))
                    .as("decided: no longer pending")
                    .isEmpty();
        } finally {
            browser.quit();
        }
    }

    private void signIn(WebDriver browser, WebDriverWait wait, String username, String password) {
        browser.get("http://localhost:" + port + "/login?lang=en");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));
    }

    private static void screenshot(WebDriver browser, String name) throws Exception {
        Path shot = Path.of("target/screenshots/" + name);
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
