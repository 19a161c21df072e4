package com.realsim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.account.AccountService;
import com.realsim.account.NewUser;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.enterprise.EnterpriseStatus;
import com.realsim.platform.Role;
import com.realsim.testsupport.Chromium;
import com.realsim.testsupport.TestFiles;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In real headless Chromium: an agent registers an enterprise through the guided form (first with a wrong code,
 * shown next to the field; the authorisation's dates shown only while the responsible person is not the legal
 * representative), uploads the documents (the picker offering the next missing kind each time, the first upload on a
 * slow line showing its progress) and submits; an OPS user finds it in the review queue with its agent, sees the
 * documents beside the record, and approves it; the agent sees it verified.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EnterpriseRegistrationBrowserIT {

    static final String PASSWORD = "Browser-pass-1";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    EnterpriseService enterprises;

    @Test
    void anAgentRegistersAnEnterpriseAndOpsApproveIt() {
        long agentId = accounts.createAgent("浏览器测试渠道").id();
        accounts.createUser(new NewUser("registration-agent", PASSWORD, Role.AGENT, agentId, null));
        accounts.createUser(new NewUser("registration-ops", PASSWORD, Role.OPS, null, null));

        String enterpriseId;
        WebDriver agent = Chromium.desktop();
        try {
            WebDriverWait wait = Chromium.waitFor(agent, Duration.ofSeconds(20));
            signIn(agent, wait, "registration-agent");
            agent.findElement(By.linkText("Enterprises")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("register-enterprise")))
                    .click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("registration-form")));
            agent.findElement(By.id("name")).sendKeys("Fuzhou Cloud Logistics Co., Ltd.");
            new Select(agent.findElement(By.id("certificateType"))).selectByValue("USCC");
            agent.findElement(By.id("certificateNumber")).sendKeys("91350102TX412DMU74"); // wrong check character
            agent.findElement(By.id("certificateAddress")).sendKeys("100 Wusi Road, Gulou, Fuzhou");
            agent.findElement(By.id("legalRepresentative")).sendKeys("Chen Jianguo");
            agent.findElement(By.id("responsiblePerson.name")).sendKeys("Chen Jianguo");
            agent.findElement(By.id("responsiblePerson.idNumber")).sendKeys("120101200709209190");
            agent.findElement(By.id("responsiblePerson.idAddress")).sendKeys("Gulou, Fuzhou");
            By legalRepresentative = By.id("responsiblePerson.legalRepresentative1");
            By validFrom = By.id("responsiblePerson.authorizationValidFrom");
            assertThat(agent.findElement(legalRepresentative).isSelected()).isTrue();
            assertThat(agent.findElement(validFrom).isDisplayed())
                    .as("the legal representative needs no authorisation")
                    .isFalse();
            click(agent, legalRepresentative);
            wait.until(ExpectedConditions.visibilityOfElementLocated(validFrom));
            assertThat(agent.findElement(By.id("responsiblePerson.authorizationValidTo"))
                            .isDisplayed())
                    .isTrue();
            click(agent, legalRepresentative);
            wait.until(ExpectedConditions.invisibilityOfElementLocated(validFrom));
            click(agent, By.id("save-draft"));

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("certificateNumber-error")));
            assertThat(agent.findElement(By.id("certificateNumber-error")).getText())
                    .containsIgnoringCase("check");
            var code = agent.findElement(By.id("certificateNumber"));
            code.clear();
            code.sendKeys(com.realsim.testsupport.FreshNumbers.uscc().toLowerCase(java.util.Locale.ROOT));
            assertThat(agent.findElement(By.id("responsiblePerson.idNumber")).getAttribute("value"))
                    .as("what the agent typed is kept when another field is wrong")
                    .isEqualTo("120101200709209190");
            click(agent, By.id("save-draft"));

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload-form")));
            assertThat(agent.findElement(By.cssSelector(".alert-success")).getText())
                    .isEqualTo("The registration is saved as a draft. Add the documents, then submit it.");
            assertThat(agent.findElements(By.cssSelector(".authorization-date")))
                    .as("saved as the legal representative, without dates")
                    .allSatisfy(date -> assertThat(date.isDisplayed()).isFalse());
            enterpriseId = agent.findElement(By.id("enterprise")).getAttribute("data-id");
            boolean first = true;
            for (String kind : new String[] {"CERTIFICATE", "RESPONSIBLE_ID_FRONT", "RESPONSIBLE_ID_BACK"}) {
                assertThat(new Select(agent.findElement(By.id("kind")))
                                .getFirstSelectedOption()
                                .getAttribute("value"))
                        .as("the picker offers the next missing kind")
                        .isEqualTo(kind);
                if (first) {
                    agent.findElement(By.id("file"))
                            .sendKeys(TestFiles.largeJpegFile(kind + ".jpg").toString());
                    ((ChromeDriver) agent)
                            .setNetworkConditions(new ChromiumNetworkConditions()
                                    .setDownloadThroughput(10 * 1024 * 1024)
                                    .setUploadThroughput(150 * 1024));
                    click(agent, By.id("upload"));
                    wait.until(driver -> {
                        var bars = driver.findElements(By.cssSelector("#upload-form progress.upload-progress"));
                        return !bars.isEmpty()
                                && bars.get(0).isDisplayed()
                                && Double.parseDouble(bars.get(0).getAttribute("value")) > 0;
                    });
                    ((ChromeDriver) agent).deleteNetworkConditions();
                    first = false;
                } else {
                    agent.findElement(By.id("file"))
                            .sendKeys(TestFiles.jpegFile(kind + ".jpg").toString());
                    click(agent, By.id("upload"));
                }
                wait.until(ExpectedConditions.attributeToBe(
                        By.cssSelector("#required-documents [data-kind='" + kind + "']"), "data-present", "true"));
                assertThat(agent.findElement(By.cssSelector(".alert-success")).getText())
                        .isEqualTo("The document is stored.");
            }
            click(agent, By.id("submit-enterprise"));
            wait.until(ExpectedConditions.attributeToBe(By.id("enterprise"), "data-status", "SUBMITTED"));
            assertThat(agent.findElement(By.cssSelector(".alert-success")).getText())
                    .isEqualTo("The registration is submitted for review.");
        } finally {
            agent.quit();
        }

        WebDriver ops = Chromium.desktop();
        try {
            WebDriverWait wait = Chromium.waitFor(ops, Duration.ofSeconds(20));
            signIn(ops, wait, "registration-ops");
            ops.findElement(By.linkText("Review queue")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("review-registrations"), "Fuzhou Cloud Logistics"));
            assertThat(ops.findElement(
                                    By.xpath(
                                            "//table[@id='review-registrations']//tr[td[text()='Fuzhou Cloud Logistics Co., Ltd.']]/td[@class='review-agent']"))
                            .getText())
                    .isEqualTo("浏览器测试渠道");
            ops.findElement(By.cssSelector("#review-registrations a.btn")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("decision")));
            assertThat(ops.findElements(By.cssSelector("#documents img.doc-preview")))
                    .hasSize(3);
            assertThat(ops.findElement(By.id("person-id-number")).getText()).contains("120101********9190");
            click(ops, By.id("approve"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review-registrations")));
            assertThat(ops.findElement(By.cssSelector(".alert-success")).getText())
                    .isEqualTo("Approved: the enterprise is verified.");
        } finally {
            ops.quit();
        }

        assertThat(enterprises
                        .standing(Long.parseLong(enterpriseId))
                        .orElseThrow()
                        .verified())
                .isTrue();
        WebDriver again = Chromium.desktop();
        try {
            WebDriverWait wait = Chromium.waitFor(again, Duration.ofSeconds(20));
            signIn(again, wait, "registration-agent");
            again.get("http://localhost:" + port + "/enterprises/" + enterpriseId);
            wait.until(ExpectedConditions.attributeToBe(
                    By.id("enterprise"), "data-status", EnterpriseStatus.VERIFIED.name()));
        } finally {
            again.quit();
        }
    }

    /**
     * Clicks an element. Long forms reach below the fold; {@link Chromium#desktop()} is tall enough that nothing needs
     * scrolling, since the driver misplaces clicks in a scrolled page with this Chromium.
     */
    private static void click(WebDriver browser, By locator) {
        browser.findElement(locator).click();
    }

    private void signIn(WebDriver browser, WebDriverWait wait, String username) {
        browser.get("http://localhost:" + port + "/login?lang=en");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard")));
    }
}
