package com.realsim.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.account.AccountService;
import com.realsim.account.NewUser;
import com.realsim.card.CardControl;
import com.realsim.card.CardState;
import com.realsim.card.CardSummary;
import com.realsim.enterprise.EnterpriseView;
import com.realsim.platform.Role;
import com.realsim.testsupport.Chromium;
import com.realsim.testsupport.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The journey the issue asks for, in real headless Chromium: an agent submits a new installation in the page with
 * its photos and the handler's on-site photo; an OPS user approves the handler's comparison; the cards are the
 * enterprise's, awaiting activation. The agent binds an end user to the card whose plan requires one and uploads the
 * end user's photos; the enterprise's admin sees the card not working and why; an OPS user approves the end user's
 * verification; the enterprise's admin activates the card and sees it ACTIVE.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrderJourneyIT {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountService accounts;

    @Autowired
    CardControl cards;

    WebDriver browser;
    WebDriverWait wait;

    @Test
    void anAgentsNewInstallationReachesAnActiveCardThroughBothComparisons() throws Exception {
        OrderFixtures fixtures = new OrderFixtures(context);
        long agentId = accounts.createAgent("Journey Channel Ltd").id();
        EnterpriseView enterprise = fixtures.verifiedEnterprise(agentId);
        accounts.createUser(new NewUser("journey-agent", "Agent-pass-12", Role.AGENT, agentId, null));
        accounts.createUser(new NewUser("journey-ops", "Ops-pass-1234", Role.OPS, null, null));
        accounts.createUser(
                new NewUser("journey-admin", "Admin-pass-12", Role.ENTERPRISE_ADMIN, null, enterprise.id()));
        String endUserCard = fixtures.inventory(1, fixtures.endUserPlan()).get(0);
        String dataCard = fixtures.inventory(1, fixtures.dataOnlyPlan()).get(0);
        Path photo = TestFiles.jpegFile("order-photo.jpg");

        browser = Chromium.desktop();
        try {
            wait = Chromium.waitFor(browser, Duration.ofSeconds(20));

            // 1. the agent submits the order in the page, with its photos and the handler's on-site photo
            signIn("journey-agent", "Agent-pass-12");
            click(By.linkText("Business orders"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("order-list")));
            click(By.id("new-order"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("order-form")));
            new Select(browser.findElement(By.id("enterpriseId"))).selectByVisibleText(enterprise.name());
            browser.findElement(By.id("iccidsText")).sendKeys(endUserCard + "\n" + dataCard);
            browser.findElement(By.id("device.type")).sendKeys("Smart water meter");
            browser.findElement(By.id("device.model")).sendKeys("WM-200");
            browser.findElement(By.id("device.industryScenario")).sendKeys("Water utility");
            browser.findElement(By.id("device.expectedMonthlyTrafficMb")).sendKeys("30");
            browser.findElement(By.id("handler.name")).sendKeys("李四");
            browser.findElement(By.id("handler.idNumber")).sendKeys(OrderFixtures.HANDLER_ID_NUMBER);
            browser.findElement(By.id("handler.idAddress")).sendKeys("湖北省武汉市江岸区解放大道 1 号");
            setDate("handler.authorizationValidTo", "2099-12-31");
            screenshot("order-form.png");
            click(By.id("submit-order"));

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("checklist")));
            String number = browser.findElement(By.id("order-number")).getText();
            assertThat(number).startsWith("ORD-");
            assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                    .isEqualTo("Order " + number + " was submitted. Upload its photos now.");
            String orderUrl = browser.getCurrentUrl().replaceAll("#.*", "");
            for (String kind : List.of("CERTIFICATE", "RESPONSIBLE_ID", "HANDLER_AUTHORIZATION", "HANDLER_ID")) {
                assertThat(browser.findElement(By.id("file-" + kind)).getAttribute("capture"))
                        .isEqualTo("environment");
                upload(kind, photo);
                assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                        .isEqualTo("The photo was stored.");
            }
            assertThat(browser.findElement(By.id("file-HANDLER_PHOTO")).getAttribute("capture"))
                    .isEqualTo("user");
            upload("HANDLER_PHOTO", photo);
            assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                    .isEqualTo("The handler's photo was stored.");
            assertThat(browser.findElement(By.id("verification-status")).getText())
                    .isEqualTo("Waiting for review");
            assertThat(browser.findElements(By.cssSelector("#checklist [data-done='false']")))
                    .hasSize(1);
            assertThat(browser.findElement(By.id("document-list")).findElements(By.tagName("img")))
                    .hasSize(5);
            screenshot("order-awaiting-comparison.png");
            click(By.id("lang-zh"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("checklist"), "业务单尚待完成"));
            assertThat(browser.findElement(By.id("verification-status")).getText())
                    .isEqualTo("待审核");
            screenshot("order-awaiting-comparison-zh.png");
            click(By.id("lang-en"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("checklist"), "What the order still waits for"));
            signOut();
            assertThat(browser.findElement(By.id("logged-out")).getText()).isEqualTo("You have been signed out.");

            // 2. an OPS user approves the handler's comparison
            signIn("journey-ops", "Ops-pass-1234");
            browser.get(orderUrl);
            click(By.id("open-verification"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("decide")));
            assertThat(browser.findElement(By.id("subject-label")).getText()).startsWith("ORD-");
            String handlerCase = browser.findElement(By.id("verification")).getAttribute("data-id");
            browser.findElement(By.id("approve-reason")).sendKeys("The handler matches the ID photo");
            click(By.id("approve"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-success")));
            assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                    .isEqualTo("Case " + handlerCase + " approved.");
            reloadUntil(orderUrl, "order", "data-status", "COMPLETED");
            assertThat(browser.findElement(By.id("completed")).getText())
                    .isEqualTo("Completed: the cards are the enterprise's now.");
            assertThat(browser.findElement(By.cssSelector("#order-cards tr[data-iccid='" + endUserCard + "']"))
                            .getAttribute("data-state"))
                    .isEqualTo("PENDING_ACTIVATION");
            assertThat(cards.card(dataCard).orElseThrow().state()).isEqualTo(CardState.PENDING_ACTIVATION);
            signOut();

            // 3. the agent binds the end user to the card whose plan requires one, with the end user's photos
            signIn("journey-agent", "Agent-pass-12");
            browser.get(orderUrl);
            click(By.linkText(endUserCard));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("end-user-form")));
            String cardUrl = browser.getCurrentUrl().replaceAll("#.*", "");
            browser.findElement(By.id("name")).sendKeys("王小明");
            browser.findElement(By.id("idNumber")).sendKeys(freshIdNumber());
            browser.findElement(By.id("idAddress")).sendKeys("北京市东城区东长安街 1 号");
            click(By.cssSelector("#end-user-form button[type=submit]"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("photos-form")));
            assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                    .isEqualTo("The end user is bound. Now upload the three photos, or create a self-service link.");
            browser.findElement(By.id("idFront")).sendKeys(photo.toString());
            if (!browser.findElements(By.id("idBack")).isEmpty()) {
                browser.findElement(By.id("idBack")).sendKeys(photo.toString());
            }
            browser.findElement(By.id("livePhoto")).sendKeys(photo.toString());
            click(By.cssSelector("#photos-form button[type=submit]"));
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("photos-form")));
            assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                    .isEqualTo("All photos are in: the end user's verification has started.");
            assertThat(browser.findElement(By.id("end-user-status")).getText()).isNotBlank();
            screenshot("card-end-user-under-review.png");
            signOut();

            // 4. the enterprise's admin sees the card not working, and why
            signIn("journey-admin", "Admin-pass-12");
            browser.get(cardUrl);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("real-name-missing")));
            assertThat(browser.findElement(By.id("card-state")).getText()).contains("Awaiting activation");
            assertThat(browser.findElement(By.id("real-name-missing")).getText())
                    .contains("The end user's verification has not passed.");
            assertThat(browser.findElement(By.cssSelector("#activate-form button"))
                            .isEnabled())
                    .isFalse();
            screenshot("card-not-working-enterprise-admin.png");
            signOut();

            // 5. an OPS user approves the end user's verification
            signIn("journey-ops", "Ops-pass-1234");
            browser.get(cardUrl);
            click(By.cssSelector("#end-user-details a[href^='/verifications/']"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("decide")));
            String endUserCase = browser.findElement(By.id("verification")).getAttribute("data-id");
            browser.findElement(By.id("approve-reason")).sendKeys("Live photo matches the ID");
            click(By.id("approve"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-success")));
            assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                    .isEqualTo("Case " + endUserCase + " approved.");
            signOut();

            // 6. the enterprise's admin activates the card in the page and sees it ACTIVE
            signIn("journey-admin", "Admin-pass-12");
            reloadUntilEnabled(cardUrl, By.cssSelector("#activate-form button"));
            click(By.cssSelector("#activate-form button"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("card-state"), "Active"));
            assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                    .isEqualTo("Card " + endUserCard + " is active.");
            screenshot("card-active-enterprise-admin.png");
            CardSummary active = cards.card(endUserCard).orElseThrow();
            assertThat(active.state()).isEqualTo(CardState.ACTIVE);
            assertThat(active.enterpriseId()).isEqualTo(enterprise.id());
        } finally {
            browser.quit();
        }
    }

    private void signIn(String username, String password) {
        browser.get("http://localhost:" + port + "/login?lang=en");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        click(By.id("sign-in"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));
    }

    private void signOut() {
        click(By.id("logout"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logged-out")));
    }

    private void upload(String kind, Path file) {
        browser.findElement(By.id("file-" + kind)).sendKeys(file.toString());
        click(By.id("upload-button-" + kind));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#document-list [data-kind='" + kind + "']")));
    }

    /** Scrolls the element to the middle of the window first (at once: Bootstrap asks for smooth scrolling). */
    private void click(By locator) {
        var element = browser.findElement(locator);
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    private void setDate(String id, String isoDate) {
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id(id)), isoDate);
    }

    /** Reloads the page until an element's attribute has the value (decisions reach orders asynchronously). */
    private void reloadUntil(String url, String id, String attribute, String value) {
        wait.until(driver -> {
            driver.get(url);
            return value.equals(driver.findElement(By.id(id)).getAttribute(attribute));
        });
    }

    private void reloadUntilEnabled(String url, By locator) {
        wait.until(driver -> {
            driver.get(url);
            return !driver.findElements(locator).isEmpty()
                    && driver.findElement(locator).isEnabled();
        });
    }

    /** A valid resident ID number (GB 11643) that no other test uses. */
    private static String freshIdNumber() {
        String body = "110101" + "1985"
                + String.format("%02d", ThreadLocalRandom.current().nextInt(1, 13))
                + String.format("%02d", ThreadLocalRandom.current().nextInt(1, 29))
                + String.format("%03d", ThreadLocalRandom.current().nextInt(0, 1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private void screenshot(String name) throws Exception {
        Path shot = Path.of("target/screenshots/" + name);
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
