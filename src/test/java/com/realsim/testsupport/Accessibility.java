package com.realsim.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

/**
 * WCAG 2.0/2.1 level A and AA checks of the page a browser shows, by axe-core (the engine Deque ships in
 * {@code com.deque.html.axe-core:selenium}; only its {@code axe.min.js} is used). Every browser that
 * {@link Chromium} starts checks each page it loads (see {@link Chromium}); {@link #assertNoViolations(WebDriver)}
 * checks the current state on demand, for instance after a partial refresh.
 */
public final class Accessibility {

    /** The rule sets checked: WCAG 2.0 and 2.1, levels A and AA. */
    public static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final String AXE = axeSource();

    private static final String RUN = """
            var tags = arguments[0], done = arguments[arguments.length - 1];
            window.__realsimAxeChecked = true;
            axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
                .then(function (result) {
                    done(result.violations.map(function (v) {
                        return {id: v.id, impact: v.impact || '', help: v.help, nodes: v.nodes.map(function (n) {
                            return {target: n.target.join(' '), summary: n.failureSummary || ''};
                        })};
                    }));
                }, function (error) { done('axe-core failed: ' + error); });
            """;

    private Accessibility() {}

    /** Runs axe-core on the document as it is now and fails with every violation's rule id and nodes. */
    public static void assertNoViolations(WebDriver browser) {
        String url = browser.getCurrentUrl();
        List<String> violations = violations(browser);
        if (!violations.isEmpty()) {
            throw failure(browser, url, violations);
        }
    }

    /**
     * Checks the current document once: when it has finished loading and was not checked before (each page load
     * makes a new window object, which carries the mark). A document that goes away while it is being checked is
     * not a failure; the next one is checked.
     */
    static void checkOnce(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        String url;
        List<String> violations;
        try {
            Object unchecked = js.executeScript(
                    "return document.readyState === 'complete' && document.body && !window.__realsimAxeChecked"
                            + " ? location.href : null");
            if (unchecked == null) {
                return;
            }
            url = unchecked.toString();
            violations = violations(browser);
        } catch (WebDriverException navigating) {
            return;
        }
        if (!violations.isEmpty()) {
            throw failure(browser, url, violations);
        }
    }

    private static List<String> violations(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(js.executeScript("return !!window.axe"))) {
            js.executeScript(AXE);
        }
        Object answer = js.executeAsyncScript(RUN, TAGS);
        if (answer instanceof String problem) {
            throw new IllegalStateException(problem);
        }
        List<String> found = new ArrayList<>();
        for (Object item : (List<?>) answer) {
            Map<?, ?> violation = (Map<?, ?>) item;
            StringBuilder text = new StringBuilder()
                    .append(violation.get("id"))
                    .append(" (")
                    .append(violation.get("impact"))
                    .append("): ")
                    .append(violation.get("help"));
            for (Object node : (List<?>) violation.get("nodes")) {
                Map<?, ?> n = (Map<?, ?>) node;
                text.append("\n      ")
                        .append(n.get("target"))
                        .append(" — ")
                        .append(n.get("summary").toString().replace("\n", " "));
            }
            found.add(text.toString());
        }
        return found;
    }

    private static AssertionError failure(WebDriver browser, String url, List<String> violations) {
        String screenshot = "";
        try {
            Path folder = Files.createDirectories(Path.of("target/accessibility-failures"));
            Path file = folder.resolve(System.currentTimeMillis() + ".png");
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            screenshot = "\n  screenshot: " + file;
        } catch (IOException | WebDriverException ignored) {
            // the violations are the message; a missing screenshot does not hide them
        }
        return new AssertionError("axe-core found WCAG 2.1 A/AA violations on " + url + ":\n  - "
                + String.join("\n  - ", violations) + screenshot);
    }

    private static String axeSource() {
        try (InputStream in = Accessibility.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
