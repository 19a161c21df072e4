package com.realsim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.account.AccountService;
import com.realsim.account.NewUser;
import com.realsim.enterprise.EnterpriseView;
import com.realsim.order.OrderFixtures;
import com.realsim.order.OrderView;
import com.realsim.platform.Role;
import com.realsim.testsupport.Chromium;
import com.realsim.testsupport.TestFiles;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * In real headless Chromium: an agent photographs an order's documents one after the other; after each upload (sent in
 * the background) the page points at the next kind still missing, scrolled to with its file field focused, so that the
 * next photo is one tap away.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrderUploadsBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ApplicationContext context;

    @Test
    void afterEachUploadTheNextMissingDocumentHasTheFocus() throws Exception {
        long agentId = accounts.createAgent("订单上传测试渠道").id();
        accounts.createUser(new NewUser("order-upload-agent", "Agent-pass-12", Role.AGENT, agentId, null));
        OrderFixtures fixtures = new OrderFixtures(context);
        EnterpriseView enterprise = fixtures.verifiedEnterprise(agentId);
        List<String> iccids = fixtures.inventory(1, fixtures.dataOnlyPlan());
        OrderView order =
                fixtures.submit(OrderFixtures.agent(agentId), OrderFixtures.newInstall(enterprise.id(), iccids));

        WebDriver browser = Chromium.phone();
        try {
            WebDriverWait wait = Chromium.waitFor(browser, Duration.ofSeconds(20));
            browser.get("http://localhost:" + port + "/login?lang=en");
            browser.findElement(By.id("username")).sendKeys("order-upload-agent");
            browser.findElement(By.id("password")).sendKeys("Agent-pass-12");
            browser.findElement(By.id("sign-in")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));
            browser.get("http://localhost:" + port + "/orders/" + order.id());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.next-upload")));
            assertThat(browser.findElement(By.cssSelector("form.next-upload")).getAttribute("id"))
                    .isEqualTo("upload-CERTIFICATE");

            String[][] steps = {{"CERTIFICATE", "RESPONSIBLE_ID"}, {"RESPONSIBLE_ID", "HANDLER_AUTHORIZATION"}};
            for (String[] step : steps) {
                browser.findElement(By.id("file-" + step[0]))
                        .sendKeys(TestFiles.jpegFile(step[0] + ".jpg").toString());
                WebElement button = browser.findElement(By.id("upload-button-" + step[0]));
                ((JavascriptExecutor) browser)
                        .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", button);
                button.click();
                wait.until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#upload-" + step[1] + ".next-upload")));
                assertThat(browser.getCurrentUrl())
                        .as("the page was not loaded again: the upload went in the background")
                        .contains("/orders/" + order.id());
                assertThat(browser.findElement(By.cssSelector("#upload-" + step[1] + " .badge"))
                                .getText())
                        .isEqualTo("Next to upload");
                wait.until(driver -> ("file-" + step[1])
                        .equals(((JavascriptExecutor) driver)
                                .executeScript("return document.activeElement && document.activeElement.id")));
                assertThat(browser.findElement(By.cssSelector("[data-item='DOCUMENT:" + step[0] + "']"))
                                .getAttribute("data-done"))
                        .isEqualTo("true");
            }
        } finally {
            browser.quit();
        }
    }
}
