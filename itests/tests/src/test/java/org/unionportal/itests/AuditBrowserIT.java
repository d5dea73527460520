package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * The page 操作日志 / Audit log in a real (headless) Chromium, at 1366x768 and on a phone: a district administrator
 * finds the sign-ins of its district's users, follows one user, and no entry of another district shows.
 */
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true",
        disabledReason = "skipped with -DskipBrowserTests=true")
@ExtendWith(SharedPortal.class)
class AuditBrowserIT {
    private static final Duration UI = Duration.ofSeconds(30);
    private static Distribution portal;
    private static Api api;

    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    static void portal(Distribution shared) {
        portal = shared;
        api = shared.api();
    }

    @BeforeEach
    void browser() throws IOException {
        driver = Chromium.start("AuditBrowserIT");
        wait = new WebDriverWait(driver, UI);
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aDistrictAdministratorFollowsAUsersEntriesOnADesktopAndOnAPhone() {
        api.login("operator");
        api.login("operator2");
        for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(390, 844))) {
            driver.manage().window().setSize(size);
            driver.get(portal.baseUrl() + "/#/portal/audit");
            signIn("district");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#menu a[href=\"#/portal/audit\"]")));
            driver.get(portal.baseUrl() + "/#/portal/audit");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#audit-table")));
            assertEquals("操作日志", driver.findElement(By.cssSelector("[data-testid=\"audit\"] h1")).getText());

            WebElement user = driver.findElements(By.cssSelector("#audit-table .audit-user")).stream()
                    .filter(a -> "operator".equals(a.getAttribute("data-username"))).findFirst().orElseThrow(() -> new AssertionError(
                            "no entry of operator: " + driver.findElement(By.cssSelector("#audit-table")).getText()));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", user);
            user.click();
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

    private void signIn(String username) {
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#login-form")));
        form.findElement(By.name("username")).clear();
        form.findElement(By.name("username")).sendKeys(username);
        form.findElement(By.name("password")).sendKeys(Distribution.PASSWORD);
        form.findElement(By.cssSelector("button[type=submit], button:not([type]), input[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#menu")));
    }
}
