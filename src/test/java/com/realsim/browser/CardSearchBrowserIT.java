package com.realsim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.account.AccountService;
import com.realsim.account.NewUser;
import com.realsim.card.CardFixtures;
import com.realsim.identity.IdDocument;
import com.realsim.platform.Role;
import com.realsim.testsupport.Chromium;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
 * In real headless Chromium: an agent types an end user's full ID number into the card list's ID search and finds
 * that person's card — and only it; the number never reaches the address bar and is shown masked afterwards. An
 * export made from the filtered list holds the list's rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CardSearchBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountService accounts;

    @Test
    void anAgentFindsAnEndUsersCardByTheirFullIdNumber() {
        long agentId = accounts.createAgent("证件查卡测试渠道").id();
        accounts.createUser(new NewUser("search-agent", "Agent-pass-12", Role.AGENT, agentId, null));
        CardFixtures fx = new CardFixtures(context);
        long enterprise = fx.verifiedEnterprise(agentId);
        IdDocument person = CardFixtures.newIdentity();
        String held = fx.enterpriseCard(agentId, enterprise, "138", fx.nonDirectionalDataPlan());
        String other = fx.enterpriseCard(agentId, enterprise, "138", fx.nonDirectionalDataPlan());
        fx.bind(agentId, held, person);
        fx.bind(agentId, other, CardFixtures.newIdentity());

        WebDriver browser = Chromium.desktop();
        try {
            WebDriverWait wait = Chromium.waitFor(browser, Duration.ofSeconds(30));
            browser.get("http://localhost:" + port + "/login?lang=en");
            browser.findElement(By.id("username")).sendKeys("search-agent");
            browser.findElement(By.id("password")).sendKeys("Agent-pass-12");
            browser.findElement(By.id("sign-in")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));

            browser.findElement(By.linkText("Cards")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("id-search")));
            assertThat(browser.findElement(By.id("cards")).getText()).contains(held, other);
            browser.findElement(By.id("idNumber")).sendKeys(person.number());
            browser.findElement(By.cssSelector("#id-search button[type=submit]"))
                    .click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("id-searched")));
            List<String> rows = browser.findElements(By.cssSelector("#cards tbody tr")).stream()
                    .map(WebElement::getText)
                    .toList();
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0)).contains(held, "Incomplete");
            assertThat(browser.findElement(By.id("id-searched")).getText()).contains(person.toString());
            assertThat(browser.getCurrentUrl()).doesNotContain(person.number());
            assertThat(browser.getPageSource()).doesNotContain(person.number());
            assertThat(browser.findElement(By.id("idNumber")).getAttribute("value"))
                    .isEmpty();
        } finally {
            browser.quit();
        }
    }

    /**
     * The agent filters the card list by state, exports that list from the link beside it, and the CSV's rows are
     * exactly the list's cards.
     */
    @Test
    void anExportMadeFromTheFilteredListHoldsTheListsRows() throws Exception {
        long agentId = accounts.createAgent("导出列表测试渠道").id();
        accounts.createUser(new NewUser("export-agent", "Agent-pass-12", Role.AGENT, agentId, null));
        CardFixtures fx = new CardFixtures(context);
        long enterprise = fx.verifiedEnterprise(agentId);
        List<String> waiting = fx.enterpriseCards(3, "138", fx.directionalDataPlan(), agentId, enterprise);
        String active = fx.activeDataCard(agentId, enterprise);

        WebDriver browser = Chromium.desktop();
        try {
            WebDriverWait wait = Chromium.waitFor(browser, Duration.ofSeconds(60));
            browser.get("http://localhost:" + port + "/login?lang=en");
            browser.findElement(By.id("username")).sendKeys("export-agent");
            browser.findElement(By.id("password")).sendKeys("Agent-pass-12");
            browser.findElement(By.id("sign-in")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));

            browser.findElement(By.linkText("Cards")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("card-search")));
            new Select(browser.findElement(By.id("state"))).selectByValue("PENDING_ACTIVATION");
            browser.findElement(By.cssSelector("#card-search button[type=submit]"))
                    .click();
            wait.until(ExpectedConditions.urlContains("state=PENDING_ACTIVATION"));
            List<String> listed = browser.findElements(By.cssSelector("#cards tbody tr td:nth-child(2)")).stream()
                    .map(WebElement::getText)
                    .toList();
            assertThat(listed).containsExactlyInAnyOrderElementsOf(waiting).doesNotContain(active);

            browser.findElement(By.id("export-list")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("export-form")));
            browser.findElement(By.id("export-submit")).click();
            wait.until(driver -> {
                if (!driver.findElements(By.id("export-download")).isEmpty()) {
                    return true;
                }
                driver.navigate().refresh();
                return false;
            });
            String file = browser.findElement(By.id("export-download")).getAttribute("href");
            // the browser's session, whatever its cookie's name
            String cookies = browser.manage().getCookies().stream()
                    .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                    .collect(Collectors.joining("; "));
            HttpResponse<String> csv = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(file))
                                    .header("Cookie", cookies)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(csv.statusCode()).isEqualTo(200);
            List<String> lines = csv.body().replace("\uFEFF", "").lines().toList();
            assertThat(lines.get(0)).startsWith("iccid");
            List<String> exported = lines.subList(1, lines.size()).stream()
                    .map(line -> line.split(",", 2)[0].replace("\"", ""))
                    .toList();
            assertThat(exported).containsExactlyInAnyOrderElementsOf(listed);
        } finally {
            browser.quit();
        }
    }
}
