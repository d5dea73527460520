package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
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
 * The 会员库 page in a real (headless) Chromium, at 1366x768 and at a phone's width: an operator adds a member
 * by the form and checks an import file whose rows' problems are listed with their names; the page never
 * scrolls sideways.
 */
@Tag("browser")
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true",
        disabledReason = "skipped with -DskipBrowserTests=true")
@ExtendWith(SharedPortal.class)
class MembersBrowserIT {
    @RegisterExtension
    static final BrowserSession browser = BrowserSession.plain();

    @Test
    void anOperatorAddsAndImportsMembersOnADesktopAndOnAPhone() throws IOException {
        WebDriver driver = browser.driver();
        WebDriverWait wait = browser.pageWait();
        browser.desktop();
        browser.open("/");
        browser.signIn("operator");
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
        browser.screenshot("desktop");

        browser.phone();
        assertNoSidewaysScroll("phone detail");
        browser.click(driver.findElement(By.cssSelector("#members-import-open")));
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
        browser.screenshot("phone");
    }

    private static void assertNoSidewaysScroll(String where) {
        Object overflow = ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(((Number) overflow).intValue() <= 1, () -> where + ": the page scrolls sideways by " + overflow + " px");
    }
}
