package com.realsim.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver, with a fresh profile under {@code target/}. The
 * caller quits it in a finally block.
 *
 * <p>Every page the browser loads is checked against WCAG 2.1 A and AA by axe-core ({@link Accessibility}) the first
 * time the test looks for an element on it: a journey fails at the first page with a violation, naming the rule and
 * the elements.
 */
public final class Chromium {

    private Chromium() {}

    public static ChromeDriver start(int width, int height) {
        try {
            Path profile =
                    Files.createTempDirectory(Files.createDirectories(Path.of("target/chromium-profiles")), "profile-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--lang=en-US",
                    "--window-size=" + width + "," + height,
                    "--user-data-dir=" + profile.toAbsolutePath());
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new AccessibilityCheckedChrome(service, options);
            driver.manage().window().setSize(new Dimension(width, height));
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return driver;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A wait for this browser that polls through re-rendering: an element found by its locator may be replaced
     * (a page load, an htmx swap) between being found and being read, which is not a failure but a reason to look
     * again.
     */
    public static WebDriverWait waitFor(WebDriver browser, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /**
     * A desktop window, tall enough for the longest form: ChromeDriver 156 with Selenium 4.49 (CDP 153) places a
     * click at the wrong spot once the page has scrolled, so journeys should not need to scroll.
     */
    public static ChromeDriver desktop() {
        return start(1366, 2200);
    }

    /** A phone-sized window (iPhone 12/13/14 CSS pixels). */
    public static ChromeDriver phone() {
        return start(390, 844);
    }

    /**
     * Makes the page's viewport exactly {@code width} × {@code height} CSS pixels, as a phone ({@code mobile}: the
     * viewport meta tag applies and scroll bars take no room) or a desktop screen, whatever the window's size.
     */
    public static void viewport(ChromeDriver browser, int width, int height, boolean mobile) {
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    /** Saves the whole page, not only the part in view, as a PNG. */
    public static Path screenshot(ChromeDriver browser, Path file) {
        List<?> size = (List<?>) browser.executeScript(
                "return [document.documentElement.scrollWidth," + " document.documentElement.scrollHeight]");
        Map<String, Object> clip = Map.of(
                "x",
                0,
                "y",
                0,
                "width",
                size.get(0),
                "height",
                Math.min(((Number) size.get(1)).intValue(), 8000),
                "scale",
                1);
        Map<String, Object> answer = browser.executeCdpCommand(
                "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, Base64.getDecoder().decode((String) answer.get("data")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Chrome that checks each newly loaded page with axe-core before the test looks into it. */
    private static final class AccessibilityCheckedChrome extends ChromeDriver {

        private boolean checking;

        AccessibilityCheckedChrome(ChromeDriverService service, ChromeOptions options) {
            super(service, options);
        }

        @Override
        public WebElement findElement(By locator) {
            checkNewPage();
            return super.findElement(locator);
        }

        @Override
        public List<WebElement> findElements(By locator) {
            checkNewPage();
            return super.findElements(locator);
        }

        private void checkNewPage() {
            if (checking) {
                return;
            }
            checking = true;
            try {
                Accessibility.checkOnce(this);
            } finally {
                checking = false;
            }
        }
    }
}
