package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person in a real (headless) Chromium: signs in, watches a module appear in the menu without a
 * reload when it is installed, opens its page, and sees it go when it is uninstalled.
 */
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true",
        disabledReason = "skipped with -DskipBrowserTests=true")
@ExtendWith(SharedPortal.class)
class BrowserIT {

    private Distribution portal;
    private WebDriver driver;

    @BeforeEach
    void browser(Distribution portal) throws IOException {
        this.portal = portal;
        portal.ensureFixtureUninstalled();
        driver = Chromium.start("BrowserIT");
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
        if (portal != null) {
            portal.ensureFixtureUninstalled();
        }
    }

    @Test
    void moduleAppearsInTheMenuWithoutReload(TestInfo info) throws IOException {
        try {
            driver.get(portal.baseUrl() + "/");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#login-form")));
            form.findElement(By.name("username")).sendKeys("admin");
            form.findElement(By.name("password")).sendKeys(Distribution.PASSWORD);
            form.findElement(By.cssSelector("button[type=submit], button:not([type]), input[type=submit]")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#menu")));
            List<WebElement> before = driver.findElements(By.cssSelector("a[data-menu-id^=\"fixture.\"]"));
            assertTrue(before.isEmpty(), "fixture entries in the menu before the install");

            JavascriptExecutor js = (JavascriptExecutor) driver;
            js.executeScript("window.__noReload = 'yes';");

            portal.installFixture();
            WebElement entry = new WebDriverWait(driver, Await.MODULE_CHANGE).until(
                    ExpectedConditions.elementToBeClickable(By.cssSelector("a[data-menu-id=\"fixture.items\"]")));
            assertEquals("yes", js.executeScript("return window.__noReload;"),
                    "the page reloaded to show the new module");

            entry.click();
            WebElement page = wait.until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=\"fixture-items\"]")));
            assertTrue(page.getText().contains("测试事项") || page.getText().contains("Fixture items"),
                    () -> "the fixture page shows: " + page.getText());
            // The page talks to its REST resource through context.api: the create form works.
            String title = "浏览器 " + System.nanoTime();
            WebElement input = page.findElement(By.cssSelector("#fixture-create input[name=title]"));
            input.sendKeys(title);
            page.findElement(By.cssSelector("#fixture-create button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#fixture-list"), title));
            screenshot(info, "module-page"); // kept as a record of what a person sees
            assertEquals("yes", js.executeScript("return window.__noReload;"), "the page reloaded");

            portal.uninstallFixture();
            new WebDriverWait(driver, Await.MODULE_CHANGE).until(ExpectedConditions.numberOfElementsToBe(
                    By.cssSelector("a[data-menu-id^=\"fixture.\"]"), 0));
            assertEquals("yes", js.executeScript("return window.__noReload;"),
                    "the page reloaded to drop the module");
        } catch (Throwable t) {
            screenshot(info, "failure");
            throw t;
        }
    }

    private void screenshot(TestInfo info, String moment) {
        Chromium.screenshot(driver, info, moment);
    }
}
