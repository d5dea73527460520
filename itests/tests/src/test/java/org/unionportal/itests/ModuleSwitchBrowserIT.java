package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.unionportal.itests.ModuleRecords.Module;

/**
 * The module switches page in the shell, as 梁溪区's district admin, on a laptop (1366x768) and on a
 * phone (390x844): the page fits the width, hardship aid is switched off after the confirmation, the
 * district's own menu loses it live, and it is switched on again.
 */
@Tag("browser")
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true",
        disabledReason = "skipped with -DskipBrowserTests=true")
@ExtendWith(SharedPortal.class)
class ModuleSwitchBrowserIT {
    private static final Module MODULE = ModuleRecords.HARDSHIP_AID;

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.withModule(MODULE.feature(), MODULE.probe());

    @AfterEach
    void switchOnAgain() {
        Api api = browser.api();
        long liangxi = api.me(api.login("district")).path("orgId").asLong();
        api.delete("/api/portal/module-switches/" + liangxi + "/" + MODULE.id(), api.login("admin"));
    }

    @Test
    void aDistrictAdminSwitchesAModuleOffAndOnInThePage() {
        for (Dimension size : List.of(BrowserSession.DESKTOP, BrowserSession.PHONE)) {
            browser.resize(size);
            switchOffAndOn(size);
        }
    }

    private static void switchOffAndOn(Dimension size) {
        WebDriver driver = browser.driver();
        WebDriverWait wait = browser.pageWait();
        JavascriptExecutor js = (JavascriptExecutor) driver;
        browser.open("#/portal/module-switches");
        if (!driver.findElements(By.cssSelector("#login-form")).isEmpty()) {
            browser.signIn("district");
        }
        By row = By.cssSelector("#ms-modules tr[data-module=\"" + MODULE.id() + "\"]");
        WebElement onRow = wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertEquals("ON", onRow.getAttribute("data-state"));
        assertTrue(driver.findElement(By.cssSelector("h1")).getText().contains("模块开关"), "the page is not in Chinese first");
        assertFits(js, size);
        browser.step(size.getWidth() + "-on");

        clickIn(row, "off");
        String question = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ui-confirm-message"))).getText();
        assertTrue(question.contains("关闭") && question.contains("数据保留"), () -> "the confirmation: " + question);
        // the organisation's name inside the question is marked as written: the page's own dialog, not window.confirm
        assertEquals(1, driver.findElements(By.cssSelector("#ui-confirm-message .ui-verbatim")).size(), question);
        browser.step(size.getWidth() + "-question");
        driver.findElement(By.cssSelector("#ui-confirm-ok")).click();
        wait.until(ExpectedConditions.attributeToBe(row, "data-state", "OFF"));
        // The shell's own menu follows live (a modules event): the district loses the module's entries.
        wait.until(d -> d.findElements(By.cssSelector("#menu a[href^=\"#/" + MODULE.id() + "/\"]")).isEmpty());
        assertTrue(driver.findElement(By.cssSelector("#ms-log")).getText().contains("district"), "the change is not in the log");
        assertFits(js, size);
        browser.step(size.getWidth() + "-off");

        clickIn(row, "on");
        wait.until(ExpectedConditions.attributeToBe(row, "data-state", "ON"));
        wait.until(d -> !d.findElements(By.cssSelector("#menu a[href^=\"#/" + MODULE.id() + "/\"]")).isEmpty());
    }

    /** Nothing but the tables' own scrolling boxes is wider than the window. */
    private static void assertFits(JavascriptExecutor js, Dimension size) {
        Number overflow = (Number) js.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow.intValue() <= 0, () -> "the page is " + overflow + " px wider than the " + size + " window");
    }

    /** Clicks the row's button for {@code action}, finding it again if the table was drawn anew meanwhile. */
    private static void clickIn(By row, String action) {
        browser.pageWait().ignoring(StaleElementReferenceException.class).until(d -> {
            browser.click(d.findElement(row).findElement(By.cssSelector("button[data-action=\"" + action + "\"]")));
            return true;
        });
    }
}
