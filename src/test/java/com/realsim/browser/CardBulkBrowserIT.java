package com.realsim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.account.AccountService;
import com.realsim.account.NewUser;
import com.realsim.card.CardFixtures;
import com.realsim.card.CardState;
import com.realsim.platform.Role;
import com.realsim.testsupport.Chromium;
import com.realsim.testsupport.RunAs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * In real headless Chromium: an agent ticks every card on the card list ("all cards on this page"), activates them in
 * one bulk action, watches it finish and reads each card's own outcome — one activated, one already active, one
 * refused because its end user's real-name is missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CardBulkBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountService accounts;

    @Test
    void anAgentActivatesTheTickedCardsAndSeesEachOutcome() {
        long agentId = accounts.createAgent("批量操作测试渠道").id();
        accounts.createUser(new NewUser("bulk-agent", "Agent-pass-12", Role.AGENT, agentId, null));
        CardFixtures fx = new CardFixtures(context);
        long enterpriseId = fx.verifiedEnterprise(agentId);
        String ready = fx.enterpriseCard(agentId, enterpriseId);
        String active = fx.activeDataCard(agentId, enterpriseId);
        String needsEndUser = fx.enterpriseCard(agentId, enterpriseId, "138", fx.nonDirectionalDataPlan());

        WebDriver browser = Chromium.desktop();
        try {
            WebDriverWait wait = Chromium.waitFor(browser, Duration.ofSeconds(60));
            browser.get("http://localhost:" + port + "/login?lang=en");
            browser.findElement(By.id("username")).sendKeys("bulk-agent");
            browser.findElement(By.id("password")).sendKeys("Agent-pass-12");
            browser.findElement(By.id("sign-in")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));

            browser.findElement(By.linkText("Cards")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("card-bulk")));
            assertThat(browser.findElements(By.cssSelector("#cards tbody tr"))).hasSize(3);
            click(browser, browser.findElement(By.id("bulk-all")));
            for (String iccid : List.of(ready, active, needsEndUser)) {
                assertThat(browser.findElement(By.id("select-" + iccid)).isSelected())
                        .as(iccid)
                        .isTrue();
            }
            new Select(browser.findElement(By.id("bulk-action"))).selectByVisibleText("Activate");
            click(browser, browser.findElement(By.id("bulk-submit")));

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("bulk-progress")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("bulk-status"), "Finished"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcomes")));
            assertThat(browser.findElement(By.id("bulk-total")).getText()).isEqualTo("3");
            assertThat(browser.findElement(By.id("bulk-done")).getText()).isEqualTo("1");
            assertThat(browser.findElement(By.id("bulk-refused")).getText()).isEqualTo("2");
            Map<String, String> outcomes = browser.findElements(By.cssSelector("#outcomes tbody tr")).stream()
                    .collect(Collectors.toMap(
                            row -> row.findElements(By.tagName("td")).get(1).getText(),
                            row -> row.findElements(By.tagName("td")).get(2).getText() + " | "
                                    + row.findElements(By.tagName("td")).get(3).getText()));
            assertThat(outcomes).hasSize(3);
            assertThat(outcomes.get(ready)).isEqualTo("Done | Done.");
            assertThat(outcomes.get(active)).isEqualTo("Refused | Already active.");
            assertThat(outcomes.get(needsEndUser)).startsWith("Refused | Real-name incomplete: ");
            assertThat(browser.findElement(By.id("download-results")).getAttribute("href"))
                    .endsWith("/results.csv");
        } finally {
            browser.quit();
        }
        assertThat(RunAs.run(CardFixtures.OPS, () -> fx.cards.view(ready)).state())
                .isEqualTo(CardState.ACTIVE);
        assertThat(RunAs.run(CardFixtures.OPS, () -> fx.cards.view(needsEndUser))
                        .state())
                .isNotEqualTo(CardState.ACTIVE);
    }

    /** Bootstrap scrolls smoothly; a click must wait for nothing. */
    private static void click(WebDriver browser, WebElement element) {
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }
}
