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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A group enrolment's whole life in the pages (headless Chromium): the operator uploads a roster of a paid plan,
 * sees the preview and confirms after the question naming people and fee; the district administrator finds the
 * group among those awaiting payment, records the payment after its question, and lists the insured persons with
 * masked ID numbers; after the plan's next version the operator renews the group in one step. Each step (a
 * screenshot in the test output) shows Chinese only, no English word but what people wrote ({@link BrowserSession#step}).
 */
@Tag("browser")
@Tag("lifecycle")
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true",
        disabledReason = "skipped with -DskipBrowserTests=true")
@ExtendWith(SharedPortal.class)
class EnrolmentLifecycleBrowserIT {
    private static final String PROBE = "/api/mutual-aid/plans";
    private static final String FEATURE = "union-mutual-aid";

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.withModule(FEATURE, PROBE);

    @Test
    void aGroupGoesFromRosterToPaidCoverAndIsRenewed() throws IOException {
        WebDriver driver = browser.driver();
        WebDriverWait wait = browser.pageWait();
        String admin = browser.api().login("admin");
        Map<String, Object> plan = new LinkedHashMap<>(MutualAidData.openPlan("LIFE"));
        plan.put("feeFen", 12_000);
        JsonNode created = browser.api().post("/api/mutual-aid/plans", admin, plan).expect(201).json();
        long planId = created.path("id").asLong();

        // ---- 1. the operator uploads, previews and confirms
        browser.open("/");
        browser.signIn("operator");
        openEnrolPage();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#enrol-plan option[value=\"" + planId + "\"]")));
        new Select(driver.findElement(By.cssSelector("#enrol-plan"))).selectByValue(String.valueOf(planId));
        String id1 = MutualAidData.idNumber(1986, 'F');
        String id2 = MutualAidData.idNumber(1975, 'M');
        Path dir = Files.createDirectories(Paths.get("target", "enrolment-lifecycle").toAbsolutePath());
        Path file = dir.resolve("roster.csv");
        Files.writeString(file, MutualAidData.ROSTER_HEADER + "周期李娜," + id1 + ",13912350001,女,在职职工,是,是\n"
                + "周期张伟," + id2 + ",13912350002,男,劳务派遣工,是,是\n", StandardCharsets.UTF_8);
        driver.findElement(By.cssSelector("#roster-file")).sendKeys(file.toString());
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#roster-upload"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#roster-preview[data-can-confirm=\"true\"]")));
        browser.step("1-preview");
        driver.findElement(By.cssSelector("#roster-confirm")).click();
        assertEquals("将为 2 人参保，费用 240.00 元，确定？", browser.confirm());
        WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#enrol-result[data-batch-id]")));
        long batchId = Long.parseLong(result.getAttribute("data-batch-id"));
        assertEquals("PENDING_PAYMENT", result.getAttribute("data-status"));
        browser.step("2-confirmed");
        browser.signOut();

        // ---- 2. the district records the payment and lists the insured persons
        browser.signIn("district");
        openEnrolPage();
        By row = By.cssSelector("#enrol-batch-list tr[data-batch-id=\"" + batchId + "\"]");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertTrue(driver.findElements(By.cssSelector("#roster-file")).isEmpty(), "district staff are offered the upload");
        browser.step("3-awaiting-payment");
        driver.findElement(By.cssSelector("#batch-paid-" + batchId)).click();
        String question = browser.confirm();
        assertTrue(question.startsWith("将确认收到团体参保 " + batchId) && question.contains("240.00 元") && question.endsWith("确定？"),
                () -> "the payment's question: " + question);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#enrol-batch-step-done[data-action=\"batch-paid\"]")));
        assertEquals("ACTIVE", batchStatus(admin, batchId));
        new Select(driver.findElement(By.cssSelector("#enrol-batch-status"))).selectByValue("ACTIVE");
        wait.until(ExpectedConditions.attributeToBe(row, "data-status", "ACTIVE"));
        driver.findElement(By.cssSelector("#batch-persons-" + batchId)).click();
        WebElement persons = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#enrol-persons-card[data-batch-id=\"" + batchId + "\"]")));
        assertEquals("2", persons.getAttribute("data-total"));
        String shown = driver.findElement(By.cssSelector("#enrol-person-list")).getText();
        assertTrue(shown.contains(MutualAidData.masked(id1)) && shown.contains(MutualAidData.masked(id2)), shown);
        assertFalse(shown.contains(id1) || shown.contains(id2), () -> "full ID numbers on screen: " + shown);
        assertTrue(driver.findElement(By.cssSelector("#enrol-persons-xlsx")).isDisplayed());
        browser.step("4-paid-and-insured-persons");
        browser.signOut();

        // ---- 3. the plan's next period; the operator renews the group in one step
        Map<String, Object> next = new LinkedHashMap<>(plan);
        next.put("coverFrom", LocalDate.parse((String) plan.get("coverFrom")).plusYears(1).toString());
        browser.api().put("/api/mutual-aid/plans/" + planId, admin, next).expect(200);
        browser.signIn("operator");
        openEnrolPage();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#batch-renew-" + batchId))).click();
        String renewQuestion = browser.confirm();
        assertTrue(renewQuestion.contains("2 人续保") && renewQuestion.endsWith("确定？"), () -> "the renewal's question: " + renewQuestion);
        WebElement done = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#enrol-batch-step-done[data-action=\"batch-renew\"]")));
        assertTrue(done.getText().contains("240.00 元"), done::getText);
        browser.step("5-renewed");
        List<JsonNode> batches = browser.api().get("/api/mutual-aid/enrolments/batches", admin).expect(200).json().findParents("planId");
        assertTrue(batches.stream().anyMatch(b -> b.path("id").asLong() > batchId && b.path("personCount").asInt() == 2
                && b.path("planCode").asText().equals(created.path("code").asText())), () -> "no renewed batch: " + batches);
    }

    private static String batchStatus(String token, long batchId) {
        for (JsonNode b : browser.api().get("/api/mutual-aid/enrolments/batches", token).expect(200).json()) {
            if (b.path("id").asLong() == batchId) {
                return b.path("status").asText();
            }
        }
        return "missing";
    }

    private static void openEnrolPage() {
        browser.pageWait().until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[data-menu-id=\"mutual-aid.enrol\"]"))).click();
        browser.pageWait().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#enrol-batch-list")));
    }
}
