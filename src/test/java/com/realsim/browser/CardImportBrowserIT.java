package com.realsim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.account.AccountService;
import com.realsim.account.NewUser;
import com.realsim.catalogue.NewServicePlan;
import com.realsim.catalogue.ServiceDirection;
import com.realsim.catalogue.ServicePlanService;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.Chromium;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In real headless Chromium: an operator imports an inventory file with some bad rows, watches the import finish,
 * reads the rejected lines, and finds an imported card in the list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CardImportBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ServicePlanService plans;

    @Test
    void anOperatorImportsAFileSeesTheRejectedLinesAndFindsACard() throws Exception {
        accounts.createUser(new NewUser("browser-ops", "Browser-pass-1", Role.OPS, null, null));
        plans.create(
                new NewServicePlan(
                        "BROWSER-DATA",
                        "Browser data",
                        true,
                        ServiceDirection.NONE,
                        ServiceDirection.NONE,
                        false,
                        false),
                new Actor(Actor.Kind.USER, 1L, "browser-admin", Role.ADMIN, null, null));
        List<String> lines = new ArrayList<>();
        lines.add("iccid,msisdn,imsi,operator,planCode");
        lines.add("89867509816662423467,14955500001,460001000000001,CHINA_MOBILE,BROWSER-DATA");
        lines.add("89865631297611103895,14955500002,460001000000002,CHINA_UNICOM,BROWSER-DATA");
        lines.add("89861090436118523189,14955500003,460001000000003,CHINA_MOBILE,BROWSER-DATA"); // wrong Luhn
        lines.add("8986993285003243522,14955500004,460001000000004,CHINA_TELECOM,NO-SUCH-PLAN");
        lines.add("89867509816662423467,14955500005,460001000000005,CHINA_MOBILE,BROWSER-DATA"); // repeated
        Path file = Files.createDirectories(Path.of("target/browser-files")).resolve("inventory.csv");
        Files.write(file, lines, StandardCharsets.UTF_8);

        WebDriver browser = Chromium.desktop();
        try {
            WebDriverWait wait = Chromium.waitFor(browser, Duration.ofSeconds(30));
            browser.get("http://localhost:" + port + "/login?lang=en");
            browser.findElement(By.id("username")).sendKeys("browser-ops");
            browser.findElement(By.id("password")).sendKeys("Browser-pass-1");
            browser.findElement(By.id("sign-in")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));

            browser.findElement(By.linkText("Inventory import")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-form")));
            browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
            browser.findElement(By.id("import-submit")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-progress")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-status"), "Finished"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rejected")));
            assertThat(browser.findElement(By.id("rows-imported")).getText()).isEqualTo("2");
            assertThat(browser.findElement(By.id("rows-rejected")).getText()).isEqualTo("3");
            List<String> rejected = browser.findElements(By.cssSelector("#rejected tbody tr")).stream()
                    .map(WebElement::getText)
                    .toList();
            assertThat(rejected).hasSize(3);
            assertThat(rejected.get(0)).startsWith("4 INVALID_ICCID");
            assertThat(rejected.get(1)).startsWith("5 VALIDATION_FAILED").contains("planCode");
            assertThat(rejected.get(2)).startsWith("6 DUPLICATE_ICCID");
            assertThat(browser.findElement(By.id("download-rejected")).getAttribute("href"))
                    .endsWith("/rejected.csv");

            browser.findElement(By.linkText("Cards")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("card-search")));
            browser.findElement(By.id("q")).sendKeys("8986563129");
            browser.findElement(By.cssSelector("#card-search button[type=submit]"))
                    .click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cards"), "89865631297611103895"));
            assertThat(browser.findElements(By.cssSelector("#cards tbody tr"))).hasSize(1);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cards-by-state svg")));

            browser.findElement(By.linkText("89865631297611103895")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("card-detail")));
            assertThat(browser.findElement(By.id("card-state")).getText()).isEqualTo("In inventory");
            assertThat(browser.findElement(By.id("real-name-requirement")).getText())
                    .isEqualTo("Directional data only");
        } finally {
            browser.quit();
        }
    }
}
