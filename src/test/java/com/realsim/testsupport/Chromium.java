package com.realsim.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver, with a fresh profile under {@code target/}. The
 * caller quits it in a finally block.
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
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(width, height));
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return driver;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A desktop window, tall enough for the longest form: ChromeDriver 156 with Selenium 4.49 (CDP 153) places a
     * click at the wrong spot once the page has scrolled, so journeys should not need to scroll.
     */
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

    public static ChromeDriver desktop() {
        return start(1366, 2200);
    }

    /** A phone-sized window (iPhone 12/13/14 CSS pixels). */
    public static ChromeDriver phone() {
        return start(390, 844);
    }
}
