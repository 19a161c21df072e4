package com.realsim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.account.AccountService;
import com.realsim.account.NewUser;
import com.realsim.platform.Role;
import com.realsim.testsupport.Chromium;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** In real headless Chromium: an administrator signs in, sees the dashboard, adds an agent, and signs out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Test
    void anAdministratorSignsInSeesTheDashboardAndAddsAnAgent() {
        accounts.createUser(new NewUser("browser-admin", "Browser-pass-1", Role.ADMIN, null, null));
        WebDriver browser = Chromium.desktop();
        try {
            WebDriverWait wait = Chromium.waitFor(browser, Duration.ofSeconds(15));
            browser.get("http://localhost:" + port + "/");
            wait.until(ExpectedConditions.urlContains("/login"));

            browser.findElement(By.id("username")).sendKeys("browser-admin");
            browser.findElement(By.id("password")).sendKeys("Browser-pass-1");
            browser.findElement(By.id("sign-in")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));
            assertThat(browser.findElement(By.id("current-user")).getText()).contains("browser-admin");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");

            browser.findElement(By.linkText("Agents")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("agent-form")));
            browser.findElement(By.id("name")).sendKeys("Browser Channel Ltd");
            browser.findElement(By.cssSelector("#agent-form button[type=submit]"))
                    .click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agents"), "Browser Channel Ltd"));
            assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                    .isEqualTo("Agent organisation \"Browser Channel Ltd\" created.");

            browser.findElement(By.id("lang-zh")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "代理商机构"));

            browser.findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logged-out")));
            assertThat(browser.findElement(By.id("logged-out")).getText()).isEqualTo("您已退出登录。");
        } finally {
            browser.quit();
        }
        assertThat(accounts.agents()).anyMatch(agent -> agent.name().equals("Browser Channel Ltd"));
    }
}
