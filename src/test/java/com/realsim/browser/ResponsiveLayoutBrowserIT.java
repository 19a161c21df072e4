package com.realsim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.testsupport.Chromium;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every role's pages on the demo data, in real headless Chromium, on a 1366×768 laptop screen and a 390×844 phone,
 * in Chinese and in English: no label of the navigation wraps (on the phone, in the opened menu), the page never
 * scrolls sideways, and no table squeezes a column until its text breaks into a few characters per line (tables
 * scroll sideways inside their container instead). Each page visited is also checked by axe-core (see
 * {@link Chromium}). Screenshots of every page checked are kept under {@code target/layout-screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ResponsiveLayoutBrowserIT {

    static final String PASSWORD = "demo-Pass-2026";
    static final Path SCREENSHOTS = Path.of("target/layout-screenshots");

    /** Below this width a cell whose text wraps is squeezed; free-text cells (.cell-text) are far wider. */
    static final int NARROWEST_WRAPPING_CELL_PX = 160;

    record Screen(String name, int width, int height, boolean phone) {}

    static final List<Screen> SCREENS =
            List.of(new Screen("desktop", 1366, 768, false), new Screen("phone", 390, 844, true));

    static final List<String> LANGUAGES = List.of("zh-CN", "en");

    /** The visual lines of each label (text nodes' line boxes, grouped by their top). */
    /** The visual lines of a label or of one text node: its line boxes, grouped by their top. */
    static final String LINES = """
            window.__lines = function (root) {
                var nodes = [], node;
                if (root.nodeType === Node.TEXT_NODE) nodes.push(root);
                else for (var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT); (node = walker.nextNode());) nodes.push(node);
                var tops = [];
                nodes.forEach(function (text) {
                    if (!text.textContent.trim()) return;
                    var range = document.createRange();
                    range.selectNodeContents(text);
                    var rects = range.getClientRects();
                    for (var i = 0; i < rects.length; i++) {
                        if (rects[i].width > 0 && rects[i].height > 0) tops.push(rects[i].top);
                    }
                });
                tops.sort(function (a, b) { return a - b; });
                var lines = 0, last = -1e9;
                tops.forEach(function (top) { if (top - last > 6) { lines++; last = top; } });
                return lines;
            };
            """;

    static final String NAVIGATION = LINES + """
            var labels = document.querySelectorAll('#mainNav .nav-link, #current-user, #logout');
            var problems = [];
            labels.forEach(function (label) {
                var box = label.getBoundingClientRect();
                var text = label.textContent.trim().replace(/\\s+/g, ' ');
                if (box.width === 0 || box.height === 0) problems.push('hidden: ' + text);
                else if (window.__lines(label) !== 1) problems.push('wraps onto ' + window.__lines(label) + ' lines: ' + text);
                else if (box.right > window.innerWidth + 0.5) problems.push('beyond the right edge: ' + text);
            });
            return {count: labels.length, problems: problems};
            """;

    static final String TABLES_AND_OVERFLOW = LINES + """
            var problems = [], limit = arguments[0];
            var page = document.documentElement;
            if (page.scrollWidth > window.innerWidth) {
                problems.push('the page scrolls sideways: ' + page.scrollWidth + ' px wide in ' + window.innerWidth);
            }
            var cells = 0;
            document.querySelectorAll('main td, main th').forEach(function (cell) {
                var box = cell.getBoundingClientRect();
                if (box.width === 0 || !cell.textContent.trim()) return;
                cells++;
                var walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT), node;
                while ((node = walker.nextNode())) {
                    if (!node.textContent.trim()) continue;
                    var lines = window.__lines(node);
                    if (lines > 1 && box.width < limit) {
                        var table = cell.closest('table');
                        problems.push('squeezed cell in table ' + (table && table.id ? '#' + table.id : '') + ': "'
                            + node.textContent.trim().substring(0, 30) + '" ' + Math.round(box.width) + ' px wide, '
                            + lines + ' lines');
                        break;
                    }
                }
            });
            return {cells: cells, problems: problems};
            """;

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"demo-admin", "demo-ops", "demo-agent", "demo-enterprise"})
    void everyPageFitsALaptopAndAPhoneInBothLanguages(String username) {
        List<String> problems = new ArrayList<>();
        int pagesChecked = 0;
        for (Screen screen : SCREENS) {
            ChromeDriver browser = Chromium.start(screen.width(), screen.height());
            try {
                Chromium.viewport(browser, screen.width(), screen.height(), screen.phone());
                WebDriverWait wait = Chromium.waitFor(browser, Duration.ofSeconds(30));
                signIn(browser, wait, username);
                Set<String> pages = null;
                for (String language : LANGUAGES) {
                    browser.get(base() + "/?lang=" + language);
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));
                    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"))
                            .isEqualTo(language.equals("en") ? "en" : "zh-CN");
                    String where = username + " " + screen.name() + " " + language;
                    checkNavigation(browser, wait, screen, where, problems);
                    if (pages == null) {
                        pages = pages(browser, wait);
                    }
                    for (String page : pages) {
                        browser.get(base() + page);
                        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
                        checkPage(browser, wait, screen, where, page, problems);
                        pagesChecked++;
                    }
                }
            } finally {
                browser.quit();
            }
        }
        assertThat(pagesChecked).as("pages checked").isGreaterThanOrEqualTo(4 * 2 * 2);
        assertThat(problems).as("layout problems").isEmpty();
    }

    /**
     * The pages that answer a form also fit a phone: the page that shows a new API client's secret once (and what a
     * reload of it shows) and the confirmation asked before a card is cancelled.
     */
    @Test
    void theOneTimeSecretAndTheCancellationConfirmationFitAPhone() {
        Screen phone = SCREENS.get(1);
        List<String> problems = new ArrayList<>();
        ChromeDriver admin = Chromium.start(phone.width(), phone.height());
        try {
            Chromium.viewport(admin, phone.width(), phone.height(), true);
            WebDriverWait wait = Chromium.waitFor(admin, Duration.ofSeconds(30));
            signIn(admin, wait, "demo-admin");
            admin.get(base() + "/admin/api-clients?lang=zh-CN");
            admin.findElement(By.id("name")).sendKeys("手机上新建的客户端");
            new Select(admin.findElement(By.id("role"))).selectByValue("OPS");
            press(admin, admin.findElement(By.cssSelector("#api-client-form button[type=submit]")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("client-secret")));
            checkPage(admin, wait, phone, "demo-admin phone zh-CN", "/admin/api-clients/issued", problems);

            admin.navigate().refresh();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("issued-gone")));
            assertThat(admin.findElements(By.id("client-secret"))).isEmpty();
            checkPage(admin, wait, phone, "demo-admin phone zh-CN", "/admin/api-clients/issued (reloaded)", problems);
            admin.get(base() + "/admin/api-clients");
            assertThat(admin.findElements(By.xpath("//table[@id='api-clients']//td[text()='手机上新建的客户端']")))
                    .as("reloading the secret's page created no second client")
                    .hasSize(1);
        } finally {
            admin.quit();
        }

        ChromeDriver agent = Chromium.start(phone.width(), phone.height());
        try {
            Chromium.viewport(agent, phone.width(), phone.height(), true);
            WebDriverWait wait = Chromium.waitFor(agent, Duration.ofSeconds(30));
            signIn(agent, wait, "demo-agent");
            agent.get(base() + "/cards?lang=zh-CN");
            String card = URI.create(agent.findElement(By.cssSelector("#cards a[href^='/cards/']"))
                            .getAttribute("href"))
                    .getPath();
            agent.get(base() + card);
            String state = agent.findElement(By.id("card-state")).getText();
            agent.findElement(By.id("cancel-reason")).sendKeys("设备报废");
            press(agent, agent.findElement(By.cssSelector("#cancel-form button[type=submit]")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cancel-confirm")));
            assertThat(agent.findElement(By.id("cancel-reason-shown")).getText())
                    .isEqualTo("设备报废");
            checkPage(agent, wait, phone, "demo-agent phone zh-CN", card + "/cancel", problems);
            press(agent, agent.findElement(By.id("keep-card")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("card-detail")));
            assertThat(agent.findElement(By.id("card-state")).getText())
                    .as("asking changed nothing")
                    .isEqualTo(state);
        } finally {
            agent.quit();
        }
        assertThat(problems).as("layout problems").isEmpty();
    }

    /** No sideways scrolling, no squeezed cell, the navigation (on a desktop), and a screenshot of the page. */
    private void checkPage(
            ChromeDriver browser, WebDriverWait wait, Screen screen, String where, String page, List<String> problems) {
        Map<?, ?> layout = (Map<?, ?>) browser.executeScript(TABLES_AND_OVERFLOW, NARROWEST_WRAPPING_CELL_PX);
        for (Object problem : (List<?>) layout.get("problems")) {
            problems.add(where + " " + page + ": " + problem);
        }
        if (!screen.phone()) {
            checkNavigation(browser, wait, screen, where + " " + page, problems);
        }
        Chromium.screenshot(browser, SCREENSHOTS.resolve(where.replace(' ', '-') + "-" + slug(page) + ".png"));
    }

    /** Presses a button or link as a person does, scrolled into view first (a phone's forms reach below the fold). */
    private static void press(ChromeDriver browser, WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    /** The labels of the navigation: each on one line, within the screen (on a phone, in the opened menu). */
    private void checkNavigation(
            ChromeDriver browser, WebDriverWait wait, Screen screen, String where, List<String> problems) {
        if (screen.phone()) {
            WebElement toggler = browser.findElement(By.cssSelector(".navbar-toggler"));
            assertThat(toggler.isDisplayed()).as("the phone's menu button").isTrue();
            toggler.click();
            wait.until(driver -> (Boolean) ((ChromeDriver) driver)
                    .executeScript("var menu = document.getElementById('mainNav');"
                            + " return menu.classList.contains('show') && !menu.classList.contains('collapsing');"));
            Chromium.screenshot(browser, SCREENSHOTS.resolve(where.replace(' ', '-') + "-menu.png"));
        }
        Map<?, ?> navigation = (Map<?, ?>) browser.executeScript(NAVIGATION);
        assertThat(((Number) navigation.get("count")).intValue())
                .as("navigation labels of " + where)
                .isGreaterThanOrEqualTo(4);
        for (Object problem : (List<?>) navigation.get("problems")) {
            problems.add(where + " navigation: " + problem);
        }
        if (screen.phone()) {
            browser.findElement(By.cssSelector(".navbar-toggler")).click();
            wait.until(driver -> (Boolean) ((ChromeDriver) driver)
                    .executeScript("var menu = document.getElementById('mainNav');"
                            + " return !menu.classList.contains('show') && !menu.classList.contains('collapsing');"));
        }
    }

    /**
     * The pages of the role: the dashboard, each page of the navigation, and for each the first record it links to
     * (an order, a card, an enterprise...).
     */
    private Set<String> pages(ChromeDriver browser, WebDriverWait wait) {
        List<String> navigation = browser.findElements(By.cssSelector("#main-pages a.nav-link")).stream()
                .map(link -> URI.create(link.getAttribute("href")).getPath())
                .toList();
        Set<String> pages = new LinkedHashSet<>();
        pages.add("/");
        for (String page : navigation) {
            pages.add(page);
            browser.get(base() + page);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
            browser.findElements(By.cssSelector("main table a[href]")).stream()
                    .map(link -> URI.create(link.getAttribute("href")).getPath())
                    .filter(path -> path.matches(java.util.regex.Pattern.quote(page) + "/\\d+"))
                    .findFirst()
                    .ifPresent(pages::add);
        }
        return pages;
    }

    private void signIn(ChromeDriver browser, WebDriverWait wait, String username) {
        browser.get(base() + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String slug(String path) {
        String slug = path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "dashboard" : slug;
    }
}
