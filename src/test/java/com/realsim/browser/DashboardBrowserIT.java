package com.realsim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.account.AccountService;
import com.realsim.account.ApiClientService;
import com.realsim.account.IssuedCredentials;
import com.realsim.account.NewApiClient;
import com.realsim.account.NewUser;
import com.realsim.card.CardFixtures;
import com.realsim.card.CardService;
import com.realsim.card.CardUsageService;
import com.realsim.enterprise.EnterpriseDocumentKind;
import com.realsim.enterprise.EnterpriseFixtures;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.order.OrderFixtures;
import com.realsim.order.OrderView;
import com.realsim.platform.ChinaTime;
import com.realsim.platform.Role;
import com.realsim.testsupport.Chromium;
import com.realsim.testsupport.PartnerApiClient;
import com.realsim.testsupport.RunAs;
import com.realsim.testsupport.TestFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * In real headless Chromium, each role's dashboard over a world the test made (on a database of its own): an agent
 * with four enterprises (verified, draft, under review, rejected), the verified one's cards (two active, one stopped
 * at the customer's request, one with an end user bound and not yet verified, one waiting in a rebind order) and
 * two days of data use; an API client's calls. Every number asserted is what that world must show, and a click on
 * a number opens the list it counts. Each dashboard is photographed (the enterprise admin's also on a 390×844 phone,
 * in Chinese): the screenshots in docs/screenshots are these.
 */
// a context, and so a database, of its own: OPS' and ADMIN's figures count the whole platform, which other browser
// tests sharing the default context fill with their own records
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "realsim.test.own-database=dashboards")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

    /**
     * Where the screenshots go: under target/ by default, so that a build leaves the tracked files alone; {@code
     * -Drealsim.screenshots.dir=docs/screenshots} refreshes the committed ones.
     */
    static final Path SHOTS = Path.of(System.getProperty("realsim.screenshots.dir", "target/screenshots/dashboards"));

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountService accounts;

    @Autowired
    ApiClientService apiClients;

    @Autowired
    EnterpriseService enterprises;

    @Autowired
    CardService cardService;

    @Autowired
    CardUsageService usage;

    @Autowired
    Clock clock;

    long agentId;
    long enterpriseId;
    String enterpriseName;
    String stoppedIccid;
    String boundIccid;
    IssuedCredentials client;
    int imports;

    @BeforeAll
    void makeTheWorld() {
        agentId = accounts.createAgent("Dash Channel Ltd").id();
        accounts.createUser(new NewUser("dash-agent", "Agent-pass-12", Role.AGENT, agentId, null));
        accounts.createUser(new NewUser("dash-ops", "Ops-pass-1234", Role.OPS, null, null));
        accounts.createUser(new NewUser("dash-admin", "Admin-pass-12", Role.ADMIN, null, null));
        CardFixtures cards = new CardFixtures(context);
        EnterpriseFixtures registrations = new EnterpriseFixtures(enterprises);

        enterpriseId = cards.verifiedEnterprise(agentId);
        enterpriseName = enterprises.name(enterpriseId).orElseThrow();
        accounts.createUser(new NewUser("dash-ea", "Admin-pass-12", Role.ENTERPRISE_ADMIN, null, enterpriseId));
        cards.draftEnterprise(agentId);
        long underReview = cards.draftEnterprise(agentId);
        long rejected = cards.draftEnterprise(agentId);
        submit(underReview);
        submit(rejected);
        RunAs.run(EnterpriseFixtures.ops(), () -> enterprises.reject(rejected, "The certificate photo is unreadable"));

        String active = cards.activeDataCard(agentId, enterpriseId);
        cards.activeDataCard(agentId, enterpriseId);
        stoppedIccid = cards.activeDataCard(agentId, enterpriseId);
        RunAs.run(
                CardFixtures.enterpriseAdmin(enterpriseId),
                () -> cardService.suspend(stoppedIccid, "Device sent for repair"));
        boundIccid = cards.enterpriseCard(agentId, enterpriseId);
        cards.bind(agentId, boundIccid, CardFixtures.newIdentity());
        OrderFixtures orders = new OrderFixtures(context);
        List<String> rebound = orders.enterpriseCards(1, orders.imeiBoundPlan(), agentId, enterpriseId);
        OrderView order = orders.submit(
                CardFixtures.agent(agentId), OrderFixtures.rebind(enterpriseId, rebound, "860000000000082"));
        orders.attachDocuments(CardFixtures.agent(agentId), order.id());
        imports = 5; // each card fixture above imported its cards into the inventory once

        LocalDate today = ChinaTime.today(clock);
        RunAs.run(
                CardFixtures.OPS,
                () -> usage.ingest(List.of(
                        new CardUsageService.Report(active, today.toString(), 2048L, 0L, 0L, null, null),
                        new CardUsageService.Report(
                                active, today.minusDays(1).toString(), 3072L, 0L, 0L, null, 1024L))));

        client = RunAs.run(
                CardFixtures.ADMIN,
                () -> apiClients.create(
                        new NewApiClient("Dash Partner Platform", Role.AGENT, agentId, null), CardFixtures.ADMIN));
        PartnerApiClient api = PartnerApiClient.signedIn(port, client.clientId(), client.clientSecret());
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/api/v1/cards").status()).isEqualTo(200);
        }
        assertThat(api.get("/api/v1/cards/89860000000000000000").status()).isBetween(400, 499);
    }

    private void submit(long draftId) {
        RunAs.run(EnterpriseFixtures.agent(agentId), () -> {
            enterprises.attach(draftId, EnterpriseDocumentKind.CERTIFICATE, TestFiles.jpeg());
            enterprises.attach(draftId, EnterpriseDocumentKind.RESPONSIBLE_ID_FRONT, TestFiles.jpeg());
            enterprises.attach(draftId, EnterpriseDocumentKind.RESPONSIBLE_ID_BACK, TestFiles.png());
            return enterprises.submit(draftId);
        });
    }

    @Test
    void theEnterpriseAdminSeesTheirCompanyTheirCardsAndWhatNeedsAction() {
        ChromeDriver browser = Chromium.desktop();
        try {
            WebDriverWait wait = signIn(browser, "dash-ea", "Admin-pass-12", "en");
            assertThat(browser.findElement(By.cssSelector("#company .figure-label"))
                            .getText())
                    .isEqualTo(enterpriseName);
            assertThat(browser.findElement(By.cssSelector("#company .figure-detail"))
                            .getText())
                    .isEqualTo("Verified");
            assertThat(value(browser, "cards-by-state", "/cards?state=ACTIVE")).isEqualTo("2");
            assertThat(value(browser, "cards-by-state", "/cards?state=SUSPENDED"))
                    .isEqualTo("1");
            assertThat(value(browser, "cards-by-state", "/cards?state=PENDING_ACTIVATION"))
                    .isEqualTo("2");
            assertThat(browser.findElements(By.cssSelector("#cards-by-state tr[data-path='/cards?state=INVENTORY']")))
                    .isEmpty();
            assertThat(value(browser, "blocked-by-reason", "/cards?reason=CUSTOMER_REQUEST"))
                    .isEqualTo("1");
            assertThat(row(browser, "blocked-by-reason", "/cards?reason=CUSTOMER_REQUEST")
                            .getText())
                    .contains("Stopped at the customer's request")
                    .contains("The customer (agent or enterprise admin) resuming the card.");
            assertThat(value(browser, "blocked-by-reason", "/cards?reason=UNVERIFIED"))
                    .isEqualTo("0");
            assertThat(value(browser, "real-name", "/cards?realName=COMPLETE")).isEqualTo("4");
            assertThat(value(browser, "real-name", "/cards?realName=INCOMPLETE"))
                    .isEqualTo("1");
            assertThat(value(browser, "open-alerts", "/risk/alerts?status=OPEN"))
                    .isEqualTo("0");
            assertThat(value(browser, "data-use", "/cards?state=ACTIVE")).isEqualTo("6");
            List<WebElement> action = browser.findElements(By.cssSelector("#cards-need-action tr.figure-row"));
            assertThat(action).hasSize(1);
            assertThat(action.get(0).getText())
                    .contains(stoppedIccid)
                    .contains("Stopped at the customer's request since ")
                    .contains("Cleared by: The customer (agent or enterprise admin) resuming the card.");
            assertThat(browser.getPageSource())
                    .doesNotContain("CUSTOMER_REQUEST</")
                    .doesNotContain("??");
            chartsDrawn(browser, wait);
            Chromium.screenshot(browser, SHOTS.resolve("dashboard-enterprise-admin.png"));

            row(browser, "cards-need-action", null).findElement(By.tagName("a")).click();
            wait.until(ExpectedConditions.urlContains("/cards/"));
            assertThat(browser.getPageSource()).contains(stoppedIccid);
            browser.navigate().back();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));
            link(browser, "cards-by-state", "/cards?state=ACTIVE").click();
            wait.until(ExpectedConditions.urlContains("/cards?state=ACTIVE"));
            assertThat(browser.findElements(By.cssSelector("#cards tbody tr"))).hasSize(2);
        } finally {
            browser.quit();
        }
        ChromeDriver phone = Chromium.phone();
        try {
            Chromium.viewport(phone, 390, 844, true);
            WebDriverWait wait = signIn(phone, "dash-ea", "Admin-pass-12", "zh");
            assertThat(phone.findElement(By.cssSelector("#company .figure-label"))
                            .getText())
                    .isEqualTo(enterpriseName);
            assertThat(value(phone, "real-name", "/cards?realName=INCOMPLETE")).isEqualTo("1");
            assertThat(phone.findElement(By.cssSelector("#real-name h2")).getText())
                    .isEqualTo("实名完成情况");
            chartsDrawn(phone, wait);
            Chromium.screenshot(phone, SHOTS.resolve("dashboard-enterprise-admin-phone.png"));
        } finally {
            phone.quit();
        }
    }

    @Test
    void theAgentSeesTheirEnterprisesOrdersRejectionsAndRealNamePerCustomer() {
        ChromeDriver browser = Chromium.desktop();
        try {
            WebDriverWait wait = signIn(browser, "dash-agent", "Agent-pass-12", "en");
            assertThat(value(browser, "enterprises-by-status", "/enterprises?status=VERIFIED"))
                    .isEqualTo("1");
            assertThat(value(browser, "enterprises-by-status", "/enterprises?status=DRAFT"))
                    .isEqualTo("1");
            assertThat(value(browser, "enterprises-by-status", "/enterprises?status=SUBMITTED"))
                    .isEqualTo("1");
            assertThat(value(browser, "enterprises-by-status", "/enterprises?status=REJECTED"))
                    .isEqualTo("1");
            assertThat(value(browser, "orders-waiting", "/orders?status=AWAITING_VERIFICATION&type=REBIND_IMEI"))
                    .isEqualTo("1");
            assertThat(row(browser, "orders-waiting", "/orders?status=AWAITING_VERIFICATION&type=REBIND_IMEI")
                            .getText())
                    .contains("Device rebind: waiting for the OPS decision")
                    .contains("Oldest waiting");
            assertThat(value(browser, "rejections", "/enterprises?status=REJECTED"))
                    .isEqualTo("1");
            assertThat(value(browser, "rejections", "/orders?status=REJECTED")).isEqualTo("0");
            assertThat(value(browser, "rejections", "/verifications?status=REJECTED"))
                    .isEqualTo("0");
            String perCustomer = "/cards?enterprise=" + enterpriseId + "&realName=INCOMPLETE";
            assertThat(value(browser, "real-name-per-customer", perCustomer)).isEqualTo("1");
            assertThat(row(browser, "real-name-per-customer", perCustomer).getText())
                    .contains(enterpriseName)
                    .contains("4 of 5 cards complete (80%)");
            assertThat(value(browser, "cards-by-state", "/cards?state=ACTIVE")).isEqualTo("2");
            chartsDrawn(browser, wait);
            Chromium.screenshot(browser, SHOTS.resolve("dashboard-agent.png"));

            link(browser, "enterprises-by-status", "/enterprises?status=REJECTED")
                    .click();
            wait.until(ExpectedConditions.urlContains("/enterprises?status=REJECTED"));
            assertThat(browser.findElements(By.cssSelector("table tbody tr"))).hasSize(1);
        } finally {
            browser.quit();
        }
    }

    @Test
    void opsSeeTheirQueuesDecisionsAlertsAndTheAgentsRankedByProblems() {
        ChromeDriver browser = Chromium.desktop();
        try {
            WebDriverWait wait = signIn(browser, "dash-ops", "Ops-pass-1234", "en");
            assertThat(value(browser, "queues", "/orders?status=AWAITING_VERIFICATION&type=REBIND_IMEI"))
                    .isEqualTo("1");
            assertThat(row(browser, "queues", "/orders?status=AWAITING_VERIFICATION&type=REBIND_IMEI")
                            .getText())
                    .contains("Rebind orders to decide")
                    .contains("Oldest waiting");
            assertThat(value(browser, "queues", "/enterprises/review")).isEqualTo("1");
            assertThat(value(browser, "queues", "/exceptions?status=PENDING")).isEqualTo("0");
            assertThat(row(browser, "queues", "/exceptions?status=PENDING").getText())
                    .contains("Exception requests to decide")
                    .contains("Nothing waiting");
            assertThat(value(browser, "queues", "/risk/appeals")).isEqualTo("0");
            // two registrations decided today (one approved, one rejected), over the last 30 days
            assertThat(value(browser, "decisions-per-day", "/enterprises")).isEqualTo("2");
            assertThat(value(browser, "decisions-per-day", "/orders?type=REBIND_IMEI"))
                    .isEqualTo("0");
            assertThat(browser.findElements(By.cssSelector("#alerts-per-day tr.figure-row")))
                    .hasSize(2);
            List<WebElement> agents = browser.findElements(By.cssSelector("#agents-by-problems tr.figure-row"));
            assertThat(agents).hasSize(1);
            assertThat(agents.get(0).getText())
                    .contains("Dash Channel Ltd")
                    .contains("Registrations rejected 1 · risk alerts 0 · re-verifications failed 0");
            assertThat(agents.get(0)
                            .findElement(By.cssSelector(".figure-value"))
                            .getText())
                    .isEqualTo("1");
            assertThat(value(browser, "cards-by-state", "/cards?state=ACTIVE")).isEqualTo("2");
            chartsDrawn(browser, wait);
            Chromium.screenshot(browser, SHOTS.resolve("dashboard-ops.png"));

            link(browser, "queues", "/enterprises/review").click();
            wait.until(ExpectedConditions.urlContains("/enterprises/review"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void theAdminSeesTheAuditChainEventsJobsAndTheApiClientsTraffic() {
        ChromeDriver browser = Chromium.desktop();
        try {
            WebDriverWait wait = signIn(browser, "dash-admin", "Admin-pass-12", "en");
            assertThat(browser.findElement(By.cssSelector("#audit-chain tr[data-path='/audit/verify']"))
                            .getText())
                    .contains("The seal of the chain's switch to keyed links holds");
            assertThat(Long.parseLong(value(browser, "audit-chain", "/audit").replace(",", "")))
                    .isPositive();
            WebElement traffic = browser.findElement(By.cssSelector("#api-traffic tr.figure-row"));
            assertThat(traffic.getText())
                    .contains("Dash Partner Platform (" + client.clientId() + ")")
                    .contains("Rate-limited (429) 0 · rejected (4xx) 1 · failed (5xx) 0");
            assertThat(traffic.findElement(By.cssSelector(".figure-value")).getText())
                    .isEqualTo("6");
            List<String> jobs = new ArrayList<>();
            browser.findElements(By.cssSelector("#imports-exports tr.figure-row"))
                    .forEach(row -> jobs.add(row.getText().replace('\n', ' ')));
            assertThat(jobs).contains("Imports: Finished " + imports).contains("Exports: Ready 0");
            assertThat(browser.findElement(By.id("event-publications")).getText())
                    .contains("All not completed");
            assertThat(browser.findElements(By.id("cards-by-state"))).isEmpty();
            chartsDrawn(browser, wait);
            Chromium.screenshot(browser, SHOTS.resolve("dashboard-admin.png"));

            browser.findElement(By.cssSelector("#audit-chain tr[data-path='/audit/verify'] a"))
                    .click();
            wait.until(ExpectedConditions.urlContains("/audit/verify"));
        } finally {
            browser.quit();
        }
    }

    private WebDriverWait signIn(ChromeDriver browser, String username, String password, String language) {
        WebDriverWait wait = Chromium.waitFor(browser, Duration.ofSeconds(20));
        browser.get("http://localhost:" + port + "/login?lang=" + language);
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));
        return wait;
    }

    /** The row of a panel whose number links to this path (null: the panel's first row). */
    private static WebElement row(ChromeDriver browser, String panel, String path) {
        return browser.findElement(
                By.cssSelector("#" + panel + " tr.figure-row" + (path == null ? "" : "[data-path='" + path + "']")));
    }

    private static WebElement link(ChromeDriver browser, String panel, String path) {
        return row(browser, panel, path).findElement(By.cssSelector("a.figure-value"));
    }

    private static String value(ChromeDriver browser, String panel, String path) {
        return row(browser, panel, path)
                .findElement(By.cssSelector(".figure-value"))
                .getText();
    }

    private static void chartsDrawn(ChromeDriver browser, WebDriverWait wait) {
        int charts = browser.findElements(By.cssSelector(".dashboard-chart")).size();
        assertThat(charts).isPositive();
        wait.until(driver ->
                driver.findElements(By.cssSelector(".dashboard-chart svg")).size() == charts);
    }
}
