package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The 会员库 page in a real (headless) Chromium, at 1366x768 and at a phone's width: an operator adds a member
 * by the form and checks an import file whose rows' problems are listed with their names; the page never
 * scrolls sideways.
 */
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true",
        disabledReason = "skipped with -DskipBrowserTests=true")
@ExtendWith(SharedPortal.class)
class MembersBrowserIT {
    private static final Duration UI = Duration.ofSeconds(30);
    private static Distribution portal;

    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    static void portal(Distribution shared) {
        portal = shared;
    }

    @BeforeEach
    void browser() throws IOException {
        driver = Chromium.start("MembersBrowserIT");
        wait = new WebDriverWait(driver, UI);
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void anOperatorAddsAndImportsMembersOnADesktopAndOnAPhone(TestInfo info) throws IOException {
        try {
            driver.manage().window().setSize(new Dimension(1366, 768));
            driver.get(portal.baseUrl() + "/");
            signIn("operator");
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[data-menu-id=\"portal.members\"]"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#members-table")));
            assertNoSidewaysScroll("1366x768 list");

            String id = MutualAidData.idNumber(1992, 'F');
            driver.findElement(By.cssSelector("#member-new")).click();
            WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#member-form")));
            form.findElement(By.name("name")).sendKeys("浏览器会员");
            form.findElement(By.name("idNumber")).sendKeys(id);
            form.findElement(By.name("phone")).sendKeys("13912349999");
            form.findElement(By.cssSelector("#member-form-save")).click();
            WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#member-card")));
            assertEquals(id, card.findElement(By.cssSelector("dd[data-fact=\"idNumber\"]")).getText());
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#members-table"), "浏览器会员"));
            Chromium.screenshot(driver, info, "desktop");

            driver.manage().window().setSize(new Dimension(390, 844));
            assertNoSidewaysScroll("phone detail");
            Chromium.click(driver, driver.findElement(By.cssSelector("#members-import-open")));
            Path dir = Files.createDirectories(Paths.get("target", "members-browser").toAbsolutePath());
            Path file = dir.resolve("members-bad.csv");
            Files.writeString(file, "姓名,身份证号,手机号,类别\n行一," + MutualAidData.idNumber(1990, 'M') + ",12345,在职职工\n",
                    StandardCharsets.UTF_8);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#members-import-file"))).sendKeys(file.toString());
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#members-import-check"))).click();
            WebElement problems = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#members-import-problems")));
            assertEquals("行一", problems.findElement(By.cssSelector("tr[data-line=\"2\"] td[data-col=\"name\"]")).getText());
            assertTrue(driver.findElements(By.cssSelector("#members-import-confirm")).isEmpty(), "a file with problems can be confirmed");
            assertNoSidewaysScroll("phone import");
            Chromium.screenshot(driver, info, "phone");
        } catch (AssertionError | RuntimeException e) {
            Chromium.screenshot(driver, info, "failure");
            throw e;
        }
    }

    private void assertNoSidewaysScroll(String where) {
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(((Number) overflow).intValue() <= 1, () -> where + ": the page scrolls sideways by " + overflow + " px");
    }

    private void signIn(String username) {
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#login-form")));
        form.findElement(By.name("username")).clear();
        form.findElement(By.name("username")).sendKeys(username);
        form.findElement(By.name("password")).sendKeys(Distribution.PASSWORD);
        form.findElement(By.cssSelector("button[type=submit], button:not([type]), input[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#menu")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#logout")));
    }
}
