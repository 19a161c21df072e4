package com.realsim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.account.AccountService;
import com.realsim.account.NewUser;
import com.realsim.platform.Role;
import com.realsim.testsupport.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In real headless Chromium: an administrator signs in, finds their own sign-in in the audit trail by filtering on
 * accounts, and verifies the chain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditTrailBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Test
    void anAdministratorFindsTheirSignInInTheAuditTrailAndVerifiesTheChain() throws Exception {
        accounts.createUser(new NewUser("audit-admin", "Audit-pass-12", Role.ADMIN, null, null));
        WebDriver browser = Chromium.desktop();
        try {
            WebDriverWait wait = Chromium.waitFor(browser, Duration.ofSeconds(15));
            browser.get("http://localhost:" + port + "/login?lang=en");
            browser.findElement(By.id("username")).sendKeys("audit-admin");
            browser.findElement(By.id("password")).sendKeys("Audit-pass-12");
            browser.findElement(By.id("sign-in")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));

            browser.findElement(By.linkText("Audit trail")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-filter")));
            new Select(browser.findElement(By.id("targetType"))).selectByValue("USER");
            browser.findElement(By.id("actor")).sendKeys("audit-admin");
            // The entry is written just after the sign-in commits; search again until it shows.
            wait.until(page -> {
                page.findElement(By.id("audit-search")).click();
                return page.findElements(By.cssSelector("#audit-entries tbody tr")).stream()
                        .anyMatch(row -> row.getText().contains("Sign-in"));
            });
            assertThat(browser.findElement(By.id("audit-entries")).getText())
                    .contains("audit-admin")
                    .contains("Success");

            browser.findElement(By.id("verify-chain")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verification")));
            assertThat(browser.findElement(By.id("verification")).getText()).contains("The chain is intact");
            Path shot = Path.of("target/screenshots/audit-trail.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.quit();
        }
    }
}
