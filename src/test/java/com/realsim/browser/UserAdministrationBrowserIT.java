package com.realsim.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.realsim.account.AccountService;
import com.realsim.account.NewUser;
import com.realsim.account.UserSummary;
import com.realsim.platform.Role;
import com.realsim.testsupport.Chromium;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In real headless Chromium: an ADMIN opens an agent's account, moves it to another agent organisation and resets its
 * password (a temporary one that breaks the rules first); the person signs in with the temporary password, is held
 * on the change-password page whatever page they ask for, chooses a new password (a wrong current one first) and goes
 * on to the dashboard. The trail holds the move, the reset and the change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UserAdministrationBrowserIT {

    static final String TEMPORARY = "Temporary-pass-7";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdminEditsAnAccountAndResetsItsPasswordWhichThePersonMustThenChange() {
        long firstAgent = accounts.createAgent("账号编辑测试渠道一").id();
        long secondAgent = accounts.createAgent("账号编辑测试渠道二").id();
        accounts.createUser(new NewUser("edit-admin", "Admin-pass-123", Role.ADMIN, null, null));
        UserSummary person =
                accounts.createUser(new NewUser("edited-agent", "Agent-pass-123", Role.AGENT, firstAgent, null));

        WebDriver admin = Chromium.desktop();
        try {
            WebDriverWait wait = Chromium.waitFor(admin, Duration.ofSeconds(20));
            signIn(admin, wait, "edit-admin", "Admin-pass-123");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));
            admin.get("http://localhost:" + port + "/admin/users");
            wait.until(ExpectedConditions.elementToBeClickable(By.id("edit-edited-agent")))
                    .click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-edit-form")));
            assertThat(admin.findElements(By.id("enterpriseId")))
                    .as("an agent's account has no enterprise to choose")
                    .isEmpty();
            new Select(admin.findElement(By.id("agentId"))).selectByValue(String.valueOf(secondAgent));
            admin.findElement(By.id("save-user")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-success")));
            assertThat(admin.findElement(By.cssSelector(".alert-success")).getText())
                    .isEqualTo("Account \"edited-agent\" saved.");
            assertThat(accounts.user(person.id()).agentId()).isEqualTo(secondAgent);

            admin.findElement(By.id("password")).sendKeys("short1");
            admin.findElement(By.id("reset-password")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password-error")));
            assertThat(admin.findElement(By.id("password-error")).getText())
                    .isEqualTo("The password must have 10 to 128 characters.");
            admin.findElement(By.id("password")).clear();
            admin.findElement(By.id("password")).sendKeys(TEMPORARY);
            admin.findElement(By.id("reset-password")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert-success")));
            assertThat(admin.findElement(By.cssSelector(".alert-success")).getText())
                    .isEqualTo("The password of \"edited-agent\" is reset: the person must choose a new one at the"
                            + " next sign-in.");
        } finally {
            admin.quit();
        }

        WebDriver browser = Chromium.desktop();
        try {
            WebDriverWait wait = Chromium.waitFor(browser, Duration.ofSeconds(20));
            signIn(browser, wait, "edited-agent", TEMPORARY);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("must-change")));
            assertThat(browser.getCurrentUrl()).endsWith("/account/password");
            browser.get("http://localhost:" + port + "/cards");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("must-change")));
            assertThat(browser.getCurrentUrl()).endsWith("/account/password");

            browser.findElement(By.id("currentPassword")).sendKeys("Not-the-password-1");
            browser.findElement(By.id("password")).sendKeys("Chosen-pass-456");
            browser.findElement(By.id("change-password")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("currentPassword-error")));
            assertThat(browser.findElement(By.id("currentPassword-error")).getText())
                    .isEqualTo("This is not your current password.");

            browser.findElement(By.id("currentPassword")).clear();
            browser.findElement(By.id("currentPassword")).sendKeys(TEMPORARY);
            browser.findElement(By.id("password")).clear();
            browser.findElement(By.id("password")).sendKeys("Chosen-pass-456");
            browser.findElement(By.id("change-password")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));
            assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                    .isEqualTo("Your password is changed.");
            browser.get("http://localhost:" + port + "/cards");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main-pages")));
            assertThat(browser.getCurrentUrl()).endsWith("/cards");
            assertThat(browser.findElements(By.id("must-change"))).isEmpty();
        } finally {
            browser.quit();
        }

        WebDriver again = Chromium.desktop();
        try {
            WebDriverWait wait = Chromium.waitFor(again, Duration.ofSeconds(20));
            signIn(again, wait, "edited-agent", "Chosen-pass-456");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));
        } finally {
            again.quit();
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.queryForList(
                                "SELECT action FROM audit_entry WHERE target_type = 'USER' AND target_id = ? ORDER BY id",
                                String.class,
                                String.valueOf(person.id())))
                        .containsSubsequence(List.of("USER_MOVED", "USER_PASSWORD_RESET", "USER_PASSWORD_CHANGED")));
    }

    private void signIn(WebDriver browser, WebDriverWait wait, String username, String password) {
        browser.get("http://localhost:" + port + "/login?lang=en");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
    }
}
