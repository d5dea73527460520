package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page 操作日志 / Audit log in a real (headless) Chromium, at 1366x768 and on a phone: a district administrator
 * finds the sign-ins of its district's users, follows one user, and no entry of another district shows.
 */
@Tag("browser")
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true",
        disabledReason = "skipped with -DskipBrowserTests=true")
@ExtendWith(SharedPortal.class)
class AuditBrowserIT {
    @RegisterExtension
    static final BrowserSession browser = BrowserSession.plain();

    @Test
    void aDistrictAdministratorFollowsAUsersEntriesOnADesktopAndOnAPhone() {
        WebDriver driver = browser.driver();
        WebDriverWait wait = browser.pageWait();
        Api api = browser.api();
        api.login("operator");
        api.login("operator2");
        for (Dimension size : List.of(BrowserSession.DESKTOP, BrowserSession.PHONE)) {
            browser.resize(size);
            browser.open("#/portal/audit");
            browser.signIn("district");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#menu a[href=\"#/portal/audit\"]")));
            browser.open("#/portal/audit");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#audit-table")));
            assertEquals("操作日志", driver.findElement(By.cssSelector("[data-testid=\"audit\"] h1")).getText());

            WebElement user = driver.findElements(By.cssSelector("#audit-table .audit-user")).stream()
                    .filter(a -> "operator".equals(a.getAttribute("data-username"))).findFirst().orElseThrow(() -> new AssertionError(
                            "no entry of operator: " + driver.findElement(By.cssSelector("#audit-table")).getText()));
            browser.click(user);
            wait.until(d -> "operator".equals(d.findElement(By.name("user")).getAttribute("value")));
            wait.until(d -> d.findElements(By.cssSelector("#audit-table .audit-user")).stream()
                    .allMatch(a -> "operator".equals(a.getAttribute("data-username"))) && !d.findElements(By.cssSelector("#audit-table .audit-user")).isEmpty());
            String text = driver.findElement(By.cssSelector("#audit-body")).getText();
            assertFalse(text.contains("operator2") || text.contains("district2"), () -> "another district's entry: " + text);
            assertTrue(driver.findElement(By.cssSelector("#audit-count")).getText().contains("共"), "the count line");

            long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth - window.innerWidth;");
            assertTrue(overflow <= 0, () -> "the page is wider than the window at " + size + " by " + overflow + " px");
            ((JavascriptExecutor) driver).executeScript("sessionStorage.clear();");
            driver.get("about:blank");   // the next size starts from the sign-in page
        }
    }
}
