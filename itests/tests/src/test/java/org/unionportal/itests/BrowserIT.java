package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
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
@Tag("browser")
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true",
        disabledReason = "skipped with -DskipBrowserTests=true")
@ExtendWith(SharedPortal.class)
class BrowserIT {
    @RegisterExtension
    static final BrowserSession browser = BrowserSession.plain();

    @BeforeEach
    void withoutFixtureBefore() {
        browser.portal().ensureFixtureUninstalled();
    }

    @AfterEach
    void withoutFixtureAfter() {
        browser.portal().ensureFixtureUninstalled();
    }

    @Test
    void moduleAppearsInTheMenuWithoutReload() {
        Distribution portal = browser.portal();
        WebDriver driver = browser.driver();
        WebDriverWait wait = browser.pageWait();
        browser.open("/");
        browser.signIn("admin");
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
        browser.screenshot("module-page"); // kept as a record of what a person sees
        assertEquals("yes", js.executeScript("return window.__noReload;"), "the page reloaded");

        portal.uninstallFixture();
        new WebDriverWait(driver, Await.MODULE_CHANGE).until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("a[data-menu-id^=\"fixture.\"]"), 0));
        assertEquals("yes", js.executeScript("return window.__noReload;"),
                "the page reloaded to drop the module");
    }
}
