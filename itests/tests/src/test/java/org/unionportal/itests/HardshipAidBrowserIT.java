package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
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
 * The hardship-aid pages in a real (headless) Chromium: a union operator files a household (the applicant
 * and a child at university) through the form, first with a wrong ID number that the server's 422 marks
 * next to its field, then corrected; the district administrator approves it as special hardship at
 * district level and sees the certificate number; then generates the quarterly payment batch of the
 * first quarter whose due date is not past (so that a household filed today is on file on it), finds
 * the new household among the lines, approves the batch and sees the bank file become available.
 * No page reloads the portal.
 */
@Tag("browser")
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true",
        disabledReason = "skipped with -DskipBrowserTests=true")
@ExtendWith(SharedPortal.class)
class HardshipAidBrowserIT {
    private static final String PROBE = "/api/hardship-aid/households?size=1";
    private static final String FEATURE = "union-hardship-aid";

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.withModule(FEATURE, PROBE);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";
    private static final Random RANDOM = new Random();

    @Test
    void householdIsFiledApprovedAndPaidInAQuarterlyBatchInTheBrowser() {
        WebDriver driver = browser.driver();
        WebDriverWait wait = browser.pageWait();
        String admin = browser.api().login("admin");
        JavascriptExecutor js = (JavascriptExecutor) driver;
        String headName = "浏览户主" + randomName();
        String childName = headName.substring(0, 2) + "子女" + headName.substring(4);
        String selfId = idNumber(1978);
        String childId = idNumber(2007);
        String wrongChildId = childId.substring(0, 17) + (childId.charAt(17) == '1' ? '2' : '1');

        // ---- 1. The operator files the application; the first try has a wrong check digit.
        browser.open("/");
        browser.signIn("operator");
        js.executeScript("window.__noReload = 'operator';");
        browser.click(wait.until(ExpectedConditions.elementToBeClickable(menuLink("hardship-aid/households"))));
        browser.click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#ha-new"))));
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ha-household-form")));

        new Select(form.findElement(By.name("requestedLevel"))).selectByValue("SPECIAL");
        type(form, "address", "梁溪区测试路 8 号");
        type(form, "phone", "13900001111");
        browser.click(form.findElement(By.cssSelector("input[name=\"causes\"][value=\"ILLNESS\"]")));
        browser.click(form.findElement(By.cssSelector("input[name=\"causes\"][value=\"EDUCATION\"]")));
        type(form, "hardshipNote", "本人患病长期治疗，子女上大学");
        new Select(form.findElement(By.name("channel"))).selectByValue("BANK");
        type(form, "bankName", "工商银行无锡分行");
        type(form, "bankAccount", "622202" + digits(13));
        type(form, "loveCardNo", "AX" + digits(8));

        type(form, "members[0].name", headName);
        assertEquals("SELF", new Select(form.findElement(By.name("members[0].relation")))
                .getFirstSelectedOption().getAttribute("value"), "the first member is not the applicant");
        type(form, "members[0].idNumber", selfId);
        type(form, "members[0].monthlyIncomeFen", "3200.50");
        type(form, "members[0].work", "环卫工");

        browser.click(form.findElement(By.cssSelector("#ha-member-add")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("members[1].name")));
        type(form, "members[1].name", childName);
        type(form, "members[1].idNumber", wrongChildId);
        new Select(form.findElement(By.name("members[1].relation"))).selectByValue("CHILD");
        type(form, "members[1].monthlyIncomeFen", "0");
        WebElement atSchool = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("members[1].schooling")));
        browser.click(atSchool);
        WebElement stage = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("members[1].schooling.stage")));
        new Select(stage).selectByValue("UNIVERSITY");
        type(form, "members[1].schooling.school", "南京大学");

        browser.click(form.findElement(By.cssSelector("#ha-household-save")));
        By idError = By.cssSelector(".ui-field[data-field=\"members[1].idNumber\"] [data-error-for=\"members[1].idNumber\"]");
        wait.until(d -> !d.findElement(idError).getText().isBlank());
        WebElement idErrorSlot = driver.findElement(idError);
        assertTrue(idErrorSlot.isDisplayed(), "the ID number's error is not shown");
        assertEquals("true", form.findElement(By.name("members[1].idNumber")).getAttribute("aria-invalid"),
                "the wrong ID number is not marked");
        assertTrue(driver.findElement(By.cssSelector(".ui-field[data-field=\"members[0].idNumber\"] [data-error-for=\"members[0].idNumber\"]"))
                .getText().isBlank(), "the applicant's valid ID number is marked as wrong");
        assertTrue(driver.findElements(By.cssSelector("#ha-household-detail")).isEmpty(), "a household was shown after a 422");
        js.executeScript("arguments[0].scrollIntoView({block: 'center'});", idErrorSlot);
        browser.screenshot("form-id-number-error");

        type(form, "members[1].idNumber", childId);
        browser.click(form.findElement(By.cssSelector("#ha-household-save")));
        WebElement filed = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#ha-household-detail[data-household-id][data-status=\"APPLIED\"]")));
        long householdId = Long.parseLong(filed.getAttribute("data-household-id"));
        assertTrue(driver.findElements(By.cssSelector("#ha-household-form")).isEmpty(), "the form stays after filing");
        js.executeScript("arguments[0].scrollIntoView({block: 'start'});", filed);
        browser.screenshot("household-filed");
        assertEquals("operator", js.executeScript("return window.__noReload;"), "the households page reloaded the portal");

        JsonNode stored = browser.api().get("/api/hardship-aid/households/" + householdId, admin).expect(200).json();
        assertEquals("APPLIED", stored.path("status").asText(), () -> "household: " + stored);
        assertEquals(headName, stored.path("headName").asText(), () -> "household: " + stored);
        assertEquals(2, stored.path("members").size(), () -> "members: " + stored.path("members"));
        JsonNode self = member(stored, "SELF");
        assertEquals(320_050, self.path("monthlyIncomeFen").asLong(), () -> "3200.50 yuan is not 320050 fen: " + self);
        assertEquals(selfId, self.path("idNumber").asText(), () -> "the applicant: " + self);
        JsonNode child = member(stored, "CHILD");
        assertEquals(childId, child.path("idNumber").asText(), () -> "the child: " + child);
        JsonNode schooling = child.path("schooling").isArray() ? child.path("schooling").path(0) : child.path("schooling");
        assertEquals("UNIVERSITY", schooling.path("stage").asText(), () -> "the child's schooling: " + child);

        // ---- 2. The district administrator approves it as special hardship at district level.
        browser.signOut();
        browser.signIn("district");
        js.executeScript("window.__noReload = 'district';");
        browser.click(wait.until(ExpectedConditions.elementToBeClickable(menuLink("hardship-aid/households"))));
        WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ha-filter-q")));
        search.clear();
        search.sendKeys(headName);
        browser.click(driver.findElement(By.cssSelector("#ha-search")));
        // the list re-renders when the search is answered: wait for that list, not the first one
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#ha-list-slot[data-filter-q=\"" + headName + "\"]")));
        By row = By.cssSelector("#ha-household-list tr[data-household-id=\"" + householdId + "\"]");
        browser.click(wait.until(ExpectedConditions.visibilityOfElementLocated(row)).findElement(By.cssSelector(".ha-household-open")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#ha-household-detail[data-household-id=\"" + householdId + "\"][data-status=\"APPLIED\"]")));
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ha-decision-level"))))
                .selectByValue("SPECIAL");
        Select fileLevel = new Select(driver.findElement(By.cssSelector("#ha-decision-file-level")));
        assertTrue(fileLevel.getOptions().stream().noneMatch(o -> "CITY".equals(o.getAttribute("value"))),
                "a district administrator is offered city level");
        fileLevel.selectByValue("DISTRICT");
        browser.click(driver.findElement(By.cssSelector("#ha-approve")));
        WebElement approved = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#ha-household-detail[data-household-id=\"" + householdId + "\"][data-status=\"ON_FILE\"]")));
        assertEquals("SPECIAL", approved.getAttribute("data-level"));
        String certificate = driver.findElement(By.cssSelector("#ha-certificate-no")).getText().trim();
        assertTrue(certificate.matches("TK\\d{4}-\\d{5}"), () -> "certificate number shown: " + certificate);
        wait.until(ExpectedConditions.attributeToBe(row, "data-status", "ON_FILE"));
        js.executeScript("arguments[0].scrollIntoView({block: 'start'});", approved);
        browser.screenshot("household-approved");

        JsonNode onFile = browser.api().get("/api/hardship-aid/households/" + householdId, admin).expect(200).json();
        assertEquals("ON_FILE", onFile.path("status").asText(), () -> "household: " + onFile);
        assertEquals("DISTRICT", onFile.path("fileLevel").asText(), () -> "household: " + onFile);
        assertEquals(certificate, onFile.path("certificateNo").asText(), () -> "household: " + onFile);

        // ---- 3. The quarterly batch pays the new household; approving it opens the bank file.
        String period = firstQuarterNotDue(LocalDate.now(SHANGHAI));
        browser.click(wait.until(ExpectedConditions.elementToBeClickable(menuLink("hardship-aid/batches"))));
        WebElement kind = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ha-batch-kind")));
        new Select(kind).selectByValue("QUARTER");
        WebElement periodInput = driver.findElement(By.cssSelector("#ha-batch-period"));
        periodInput.clear();
        periodInput.sendKeys(period);
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#ha-batch-period-info"), "data-due-date", dueDate(period).toString()));
        browser.click(driver.findElement(By.cssSelector("#ha-batch-generate")));
        WebElement generated = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#ha-batch-detail[data-batch-id], #ha-batch-conflict, #ha-batch-generate-error")));
        if (!"ha-batch-detail".equals(generated.getAttribute("id"))) {
            fail("generating " + period + " paid nothing for household " + householdId + ": " + generated.getText());
        }
        long batchId = Long.parseLong(generated.getAttribute("data-batch-id"));
        assertEquals("DRAFT", generated.getAttribute("data-status"));
        assertEquals(period, generated.getAttribute("data-period"));
        List<WebElement> ours = driver.findElements(By.cssSelector(
                "#ha-batch-lines tr[data-household-id=\"" + householdId + "\"]"));
        assertFalse(ours.isEmpty(), () -> "household " + householdId + " is not among the lines of batch " + batchId);
        assertTrue(ours.stream().anyMatch(l -> "LIVING".equals(l.getAttribute("data-item"))
                && "BANK".equals(l.getAttribute("data-channel"))), "no living subsidy by bank for the new household");
        assertFalse(driver.findElement(By.cssSelector("#ha-bank-file-csv")).isEnabled(),
                "the bank file can be downloaded before the batch is approved");
        js.executeScript("arguments[0].scrollIntoView({block: 'start'});", generated);
        browser.screenshot("batch-generated");

        browser.click(driver.findElement(By.cssSelector("#ha-batch-approve")));
        // The approval asks first, with the batch's count and amount (maker-checker is off in demo mode by default).
        WebElement question = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ui-confirm-message")));
        assertTrue(question.getText().contains("将审批批次 #" + batchId) && question.getText().contains("元"), question::getText);
        browser.screenshot("batch-approve-confirm");
        browser.click(driver.findElement(By.cssSelector("#ui-confirm-ok")));
        WebElement batch = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#ha-batch-detail[data-batch-id=\"" + batchId + "\"][data-status=\"APPROVED\"]")));
        assertEquals("APPROVED", batch.findElement(By.cssSelector("#ha-batch-status")).getAttribute("data-status"));
        assertTrue(driver.findElement(By.cssSelector("#ha-bank-file-csv")).isEnabled(), "the bank file (CSV) is not available");
        assertTrue(driver.findElement(By.cssSelector("#ha-bank-file-xlsx")).isEnabled(), "the bank file (XLSX) is not available");
        wait.until(ExpectedConditions.attributeToBe(
                By.cssSelector("#ha-batch-list tr[data-batch-id=\"" + batchId + "\"]"), "data-status", "APPROVED"));
        js.executeScript("arguments[0].scrollIntoView({block: 'start'});", batch);
        browser.screenshot("batch-approved");
        assertEquals("district", js.executeScript("return window.__noReload;"), "the pages reloaded the portal");

        JsonNode stored2 = browser.api().get("/api/hardship-aid/batches/" + batchId, admin).expect(200).json();
        assertEquals("APPROVED", stored2.path("status").asText(), () -> "batch: " + stored2.path("status"));
        boolean paysUs = false;
        for (JsonNode line : stored2.path("lines")) {
            paysUs |= line.path("householdId").asLong() == householdId;
        }
        assertTrue(paysUs, () -> "batch " + batchId + " does not pay household " + householdId);
    }

    // ----------------------------------------------------------------------------------- helpers

    /** The menu entry of a route (the shell links entries as {@code #/<route>}). */
    private static By menuLink(String route) {
        return By.cssSelector("#menu a[href=\"#/" + route + "\"]");
    }

    private static void type(WebElement form, String name, String text) {
        WebElement input = form.findElement(By.name(name));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.clear();
        input.sendKeys(text);
    }

    private static JsonNode member(JsonNode household, String relation) {
        for (JsonNode m : household.path("members")) {
            if (relation.equals(m.path("relation").asText())) {
                return m;
            }
        }
        throw new AssertionError("no member " + relation + " in " + household.path("members"));
    }

    /**
     * The first quarter whose due date (the 15th of its first month) is today or later: a household filed
     * today is on file on it, and no demo batch can have paid it yet.
     */
    static String firstQuarterNotDue(LocalDate today) {
        int year = today.getYear();
        int quarter = (today.getMonthValue() - 1) / 3 + 1;
        if (today.isAfter(LocalDate.of(year, 3 * quarter - 2, 15))) {
            quarter++;
            if (quarter == 5) {
                quarter = 1;
                year++;
            }
        }
        return year + "Q" + quarter;
    }

    static LocalDate dueDate(String quarter) {
        int year = Integer.parseInt(quarter.substring(0, 4));
        int q = quarter.charAt(5) - '0';
        return LocalDate.of(year, 3 * q - 2, 15);
    }

    /** A valid resident ID number (GB 11643) of someone born in {@code year}, the check character computed here. */
    static String idNumber(int year) {
        String first17 = String.format("320202%04d%02d%02d%03d", year, 1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28),
                RANDOM.nextInt(1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK_CHARS.charAt(sum % 11);
    }

    private static String digits(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return s.toString();
    }

    private static String randomName() {
        String chars = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";
        return "" + chars.charAt(RANDOM.nextInt(chars.length())) + chars.charAt(RANDOM.nextInt(chars.length()))
                + chars.charAt(RANDOM.nextInt(chars.length()));
    }
}
