package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The mutual-aid pages in a real (headless) Chromium: a union operator uploads a roster with a bad ID
 * number, sees the problem and cannot confirm, uploads the corrected roster and confirms it; a claim
 * is filed for one of the new members; the district administrator opens it on the claims review page
 * and approves it. Neither page reloads the portal.
 */
@Tag("browser")
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true",
        disabledReason = "skipped with -DskipBrowserTests=true")
@ExtendWith(SharedPortal.class)
class MutualAidBrowserIT {
    private static final String PROBE = "/api/mutual-aid/plans";
    private static final String FEATURE = "union-mutual-aid";

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.withModule(FEATURE, PROBE);
    private static final ZoneId SHANGHAI = MutualAidData.SHANGHAI;
    private static final String HEADER = MutualAidData.ROSTER_HEADER;

    @Test
    void rosterIsUploadedAndConfirmedAndAClaimIsApprovedInTheBrowser() throws IOException {
        WebDriver driver = browser.driver();
        WebDriverWait wait = browser.pageWait();
        String admin = browser.api().login("admin");
        long planId = openPlan(admin);
        JavascriptExecutor js = (JavascriptExecutor) driver;

        // ---- 2. The operator uploads a roster with a bad check digit, then the corrected one.
        browser.open("/");
        browser.signIn("operator");
        js.executeScript("window.__noReload = 'operator';");

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[data-menu-id=\"mutual-aid.enrol\"]"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#enrol-plan option[value=\"" + planId + "\"]")));
        new Select(driver.findElement(By.cssSelector("#enrol-plan"))).selectByValue(String.valueOf(planId));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#enrol-plan-facts[data-plan-id=\"" + planId + "\"]")));

        String id1 = idNumber(1988, 'F');
        String id2 = idNumber(1979, 'M');
        String id3 = idNumber(1993, 'F');
        String badId = id3.substring(0, 17) + (id3.charAt(17) == '1' ? '2' : '1');
        String row1 = "浏览李娜," + id1 + ",13912340001,女,在职职工,是,是\n";
        String row2 = "浏览张伟," + id2 + ",13912340002,男,在职职工,是,是\n";
        Path dir = Files.createDirectories(Paths.get("target", "mutual-aid-browser").toAbsolutePath());
        Path badFile = dir.resolve("roster-bad.csv");
        Files.writeString(badFile, HEADER + row1 + row2 + "浏览错号," + badId + ",13912340003,女,在职职工,是,是\n",
                StandardCharsets.UTF_8);
        Path goodFile = dir.resolve("roster-good.csv");
        Files.writeString(goodFile, HEADER + row1 + row2, StandardCharsets.UTF_8);

        driver.findElement(By.cssSelector("#roster-file")).sendKeys(badFile.toString());
        browser.click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#roster-upload"))));
        WebElement badPreview = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#roster-preview")));
        assertEquals("false", badPreview.getAttribute("data-can-confirm"), "a roster with a bad ID number can be confirmed");
        List<WebElement> problems = driver.findElements(By.cssSelector("#roster-problems tbody tr"));
        List<String> seen = new ArrayList<>();
        for (WebElement p : problems) {
            seen.add(p.getAttribute("data-line") + ":" + p.getAttribute("data-field"));
        }
        assertTrue(seen.contains("4:idNumber"), () -> "the bad check digit on line 4 is not listed: " + seen);
        assertTrue(seen.stream().noneMatch(s -> s.startsWith("2:") || s.startsWith("3:")),
                () -> "the good lines are listed as problems: " + seen);
        WebElement line4 = driver.findElement(By.cssSelector("#roster-problems tr[data-line=\"4\"][data-field=\"idNumber\"]"));
        assertTrue(line4.isDisplayed(), "the problem row of line 4 is not shown");
        assertFalse(driver.findElement(By.cssSelector("#roster-confirm")).isEnabled(),
                "the confirm button is enabled for a roster with problems");
        js.executeScript("arguments[0].scrollIntoView({block: 'start'});", badPreview);
        browser.screenshot("roster-preview-problems");

        driver.findElement(By.cssSelector("#roster-file")).sendKeys(goodFile.toString());
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#roster-preview"), 0));
        browser.click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#roster-upload"))));
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#roster-preview[data-can-confirm=\"true\"]")));
        assertTrue(driver.findElements(By.cssSelector("#roster-problems")).isEmpty(), "problems listed for the good roster");
        js.executeScript("arguments[0].scrollIntoView({block: 'start'});",
                driver.findElement(By.cssSelector("#roster-preview")));
        browser.screenshot("roster-preview-ok");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#roster-confirm"))).click();
        assertEquals("将为 2 人参保，费用 0.00 元，确定？", browser.confirm(), "the confirmation's question");
        WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#enrol-result[data-batch-id]")));
        long batchId = Long.parseLong(result.getAttribute("data-batch-id"));
        assertEquals("operator", js.executeScript("return window.__noReload;"), "the enrolment page reloaded the portal");

        JsonNode enrolled = browser.api().get("/api/mutual-aid/enrolments?batchId=" + batchId + "&size=50", admin).expect(200).json();
        assertEquals(2, enrolled.path("total").asLong(), () -> "batch " + batchId + ": " + enrolled);
        Map<String, String> people = new LinkedHashMap<>();
        for (JsonNode e : enrolled.path("items")) {
            people.put(e.path("memberName").asText(), e.path("idNumber").asText());
            assertEquals(planId, e.path("planId").asLong(), () -> "enrolled in another plan: " + e);
        }
        assertEquals(Map.of("浏览李娜", masked(id1), "浏览张伟", masked(id2)), people, "the people of the batch");
        long enrolmentId = find(enrolled.path("items"), "memberName", "浏览张伟").path("id").asLong();

        // ---- 3. A hospital stay is filed for one of them: (10,000 - 4,000) x 50 % = 3,000 CNY.
        String operator = browser.api().login("operator");
        JsonNode filed = browser.api().post("/api/mutual-aid/claims", operator,
                claim(enrolmentId, LocalDate.now(SHANGHAI).minusDays(40), 3, 1_000_000, 400_000)).expect(201).json();
        long claimId = filed.path("id").asLong();
        assertEquals(300_000, filed.path("computedFen").asLong(), () -> "assessment: " + filed.path("assessment"));

        // ---- 4. The district administrator approves it on the claims review page.
        driver.findElement(By.cssSelector("#logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#login-form")));
        assertEquals("operator", js.executeScript("return window.__noReload;"), "signing out reloaded the portal");
        browser.signIn("district");
        js.executeScript("window.__noReload = 'district';");

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[data-menu-id=\"mutual-aid.claims\"]"))).click();
        By row = By.cssSelector("#claim-list tr[data-claim-id=\"" + claimId + "\"]");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row)).findElement(By.cssSelector(".claim-open")).click();
        WebElement detail = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#claim-detail[data-claim-id=\"" + claimId + "\"]")));
        assertEquals("SUBMITTED", detail.getAttribute("data-status"));
        List<WebElement> lines = driver.findElements(By.cssSelector("#claim-lines tbody tr"));
        assertEquals(1, lines.size(), () -> "assessment lines: " + driver.findElement(By.cssSelector("#claim-assessment")).getText());
        assertEquals("MEDICAL", lines.get(0).getAttribute("data-item"));
        String amount = lines.get(0).findElement(By.cssSelector("td[data-col=\"amount\"]")).getText();
        assertTrue(amount.contains("3,000.00"), () -> "the medical line shows " + amount);
        assertTrue(lines.get(0).getText().contains("50%"), () -> "the medical line shows " + lines.get(0).getText());
        assertTrue(driver.findElement(By.cssSelector("#claim-amount")).getAttribute("value").isEmpty());
        assertTrue(driver.findElement(By.cssSelector("#claim-reason")).getAttribute("value").isEmpty());

        driver.findElement(By.cssSelector("#claim-approve")).click();
        // An approval asks first, saying what it does and for how much.
        WebElement approveQuestion = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ui-confirm-message")));
        assertTrue(approveQuestion.getText().contains("将核准理赔 #" + claimId), () -> "the confirmation says: " + approveQuestion.getText());
        browser.screenshot("claim-approve-confirm");
        driver.findElement(By.cssSelector("#ui-confirm-ok")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#claim-detail[data-claim-id=\"" + claimId + "\"][data-status=\"APPROVED\"]")));
        WebElement approvedFact = driver.findElement(By.cssSelector("#claim-detail dd[data-fact=\"approved\"]"));
        assertTrue(approvedFact.getText().contains("3,000.00"), () -> "approved amount shown: " + approvedFact.getText());
        wait.until(ExpectedConditions.attributeToBe(row, "data-status", "APPROVED"));
        js.executeScript("arguments[0].scrollIntoView({block: 'start'});",
                driver.findElement(By.cssSelector("#claim-detail")));
        browser.screenshot("claim-approved");
        assertEquals("district", js.executeScript("return window.__noReload;"), "the claims page reloaded the portal");

        JsonNode approved = browser.api().get("/api/mutual-aid/claims/" + claimId, admin).expect(200).json();
        assertEquals("APPROVED", approved.path("status").asText(), () -> "claim: " + approved);
        assertEquals(300_000, approved.path("approvedFen").asLong(), () -> "claim: " + approved);
    }

    // ----------------------------------------------------------------------------------- helpers

    private static long openPlan(String admin) {
        return browser.api().post("/api/mutual-aid/plans", admin, MutualAidData.openPlan("BROWSER")).expect(201).json().path("id").asLong();
    }

    private static Map<String, Object> claim(long enrolmentId, LocalDate admission, int days, long costFen, long basicFen) {
        return MutualAidData.hospitalStay(enrolmentId, admission, days, costFen, basicFen);
    }

    private static String idNumber(int year, char gender) {
        return MutualAidData.idNumber(year, gender);
    }

    private static String masked(String id) {
        return MutualAidData.masked(id);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return MutualAidData.find(array, field, value);
    }
}
