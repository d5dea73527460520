package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A hardship household from application to its first paid quarter, in the pages alone, at 1366×768 and on a phone
 * (390×844): the operator files it (a wrong ID number is explained in Chinese only), the district administrator finds it
 * through the home page's to-do link (the list opens filtered), approves it and generates the batch of the first
 * quarter not yet due; a second person (the city's checker) approves the batch and records the bank's answer; the
 * operator then sees the quarter paid on the household. Each step (a screenshot) shows Chinese only:
 * no English word on screen but what people wrote ({@link BrowserSession#step}).
 */
@Tag("browser")
@Tag("lifecycle")
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true",
        disabledReason = "skipped with -DskipBrowserTests=true")
@ExtendWith(SharedPortal.class)
class HouseholdLifecycleBrowserIT {
    private static final String PROBE = "/api/hardship-aid/households?size=1";
    private static final String FEATURE = "union-hardship-aid";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** A word of two or more Latin letters: English on the Chinese page. */
    private static final Pattern ENGLISH = Pattern.compile("[A-Za-z]{2,}");
    private static final java.util.Random RANDOM = new java.util.Random();

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.withModule(FEATURE, PROBE);

    private WebDriver driver;
    private WebDriverWait wait;
    private JavascriptExecutor js;
    private String size;

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1366, 768", "390, 844"})
    void aHouseholdGoesFromApplicationToItsFirstPaidQuarter(int width, int height) throws IOException {
        browser.resize(new Dimension(width, height));
        driver = browser.driver();
        wait = browser.pageWait();
        js = (JavascriptExecutor) driver;
        size = width + "x" + height;
        Distribution portal = browser.portal();
        Api api = browser.api();
        String headName = "周" + han(2);
        String selfId = idNumber(1976);
        String wrongId = selfId.substring(0, 17) + (selfId.charAt(17) == '1' ? '2' : '1');

        // ---- 1. The operator files the application; a wrong check digit is explained in Chinese only.
        driver.get(portal.baseUrl() + "/");
        signIn("operator");
        go("hardship-aid/households");
        click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#ha-new"))));
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ha-household-form")));
        new Select(form.findElement(By.name("requestedLevel"))).selectByValue("SPECIAL");
        type(form, "address", "梁溪区周期路 18 号");
        type(form, "phone", "13900002222");
        click(form.findElement(By.cssSelector("input[name=\"causes\"][value=\"ILLNESS\"]")));
        type(form, "hardshipNote", "本人患病，无力工作");
        new Select(form.findElement(By.name("channel"))).selectByValue("BANK");
        type(form, "bankName", "工商银行无锡分行");
        type(form, "bankAccount", "6222020302009876543");
        type(form, "loveCardNo", "AX20261202");
        type(form, "members[0].name", headName);
        type(form, "members[0].idNumber", wrongId);
        type(form, "members[0].monthlyIncomeFen", "1200.00");
        type(form, "members[0].work", "保洁员");
        click(form.findElement(By.cssSelector("#ha-household-save")));
        By idError = By.cssSelector("[data-error-for=\"members[0].idNumber\"]");
        wait.until(d -> !d.findElement(idError).getText().isBlank());
        String idProblem = driver.findElement(idError).getText();
        assertFalse(ENGLISH.matcher(idProblem).find(), () -> "English on the Chinese page: " + idProblem);
        chineseOnlyProblems();
        shot("1-wrong-id-number");

        type(form, "members[0].idNumber", selfId);
        click(form.findElement(By.cssSelector("#ha-household-save")));
        WebElement filed = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#ha-household-detail[data-household-id][data-status=\"APPLIED\"]")));
        long householdId = Long.parseLong(filed.getAttribute("data-household-id"));
        show(filed);
        shot("2-filed");
        signOut();

        // ---- 2. The district administrator follows the home page's to-do link: the list opens filtered.
        signIn("district");
        WebElement todoItem = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("li[data-code=\"hardship-aid.households.toReview\"]")));
        int counted = Integer.parseInt(todoItem.getAttribute("data-count"));
        assertTrue(counted >= 1, () -> "the new application is not counted: " + todoItem.getText());
        shot("3-home-to-do");
        click(todoItem.findElement(By.cssSelector("a[href=\"#/hardship-aid/households?status=APPLIED\"]")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ha-household-list")));
        assertEquals("APPLIED", new Select(driver.findElement(By.cssSelector("#ha-filter-status")))
                .getFirstSelectedOption().getAttribute("value"), "the to-do link's filter is not applied");
        By row = By.cssSelector("#ha-household-list tr[data-household-id=\"" + householdId + "\"]");
        WebElement ours = wait.until(ExpectedConditions.presenceOfElementLocated(row));
        var listed = driver.findElements(By.cssSelector("#ha-household-list tbody tr[data-household-id]"));
        for (WebElement r : listed) {
            assertEquals("APPLIED", r.getAttribute("data-status"), "a household of another status in the filtered list");
        }
        if (counted <= 20) {   // one page of the list
            assertEquals(counted, listed.size(), "the home page's count is not what the list shows");
        }
        click(ours.findElement(By.cssSelector(".ha-household-open")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#ha-household-detail[data-household-id=\"" + householdId + "\"][data-status=\"APPLIED\"]")));
        new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ha-decision-level")))).selectByValue("SPECIAL");
        new Select(driver.findElement(By.cssSelector("#ha-decision-file-level"))).selectByValue("DISTRICT");
        click(driver.findElement(By.cssSelector("#ha-approve")));
        answerConfirmationIfAsked();
        WebElement approved = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#ha-household-detail[data-household-id=\"" + householdId + "\"][data-status=\"ON_FILE\"]")));
        assertFalse(driver.findElements(By.cssSelector("#ha-detail-close.ui-back")).isEmpty(), "no 返回列表 on the detail");
        show(approved);
        shot("4-approved");

        // ---- 3. The district generates the batch of the first quarter not yet due; the household is in it.
        String period = firstQuarterNotDue(LocalDate.now(SHANGHAI));
        go("hardship-aid/batches");
        new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ha-batch-kind")))).selectByValue("QUARTER");
        WebElement periodInput = driver.findElement(By.cssSelector("#ha-batch-period"));
        periodInput.clear();
        periodInput.sendKeys(period);
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#ha-batch-period-info"), "data-due-date",
                dueDate(period).toString()));
        click(driver.findElement(By.cssSelector("#ha-batch-generate")));
        WebElement generated = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#ha-batch-detail[data-batch-id], #ha-batch-conflict, #ha-batch-generate-error")));
        if (!"ha-batch-detail".equals(generated.getAttribute("id"))) {
            fail("generating " + period + " paid nothing for household " + householdId + ": " + generated.getText());
        }
        long batchId = Long.parseLong(generated.getAttribute("data-batch-id"));
        assertFalse(driver.findElements(By.cssSelector("#ha-batch-lines tr[data-household-id=\"" + householdId + "\"]")).isEmpty(),
                () -> "household " + householdId + " is not in batch " + batchId);
        show(generated);
        shot("5-batch-generated");
        signOut();

        // ---- 4. A second person approves the batch (found through the to-do filter) and records the bank's answer.
        signIn("checker");
        go("hardship-aid/batches?status=DRAFT");
        WebElement open = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#ha-batch-list tr[data-batch-id=\"" + batchId + "\"] .ha-batch-open")));
        for (WebElement r : driver.findElements(By.cssSelector("#ha-batch-list tbody tr[data-batch-id]"))) {
            assertEquals("DRAFT", r.getAttribute("data-status"), "a batch of another status in the filtered list");
        }
        click(open);
        click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#ha-batch-approve"))));
        String question = browser.confirm();
        assertTrue(question.contains("#" + batchId) && question.contains("元"), question);
        WebElement batch = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#ha-batch-detail[data-batch-id=\"" + batchId + "\"][data-status=\"APPROVED\"]")));
        show(batch);
        shot("6-batch-approved-by-second-person");
        click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#ha-batch-result-start"))));
        WebElement resultForm = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ha-result-form")));
        shot("7-bank-answer");
        click(resultForm.findElement(By.cssSelector("#ha-result-confirm")));
        browser.confirm();
        WebElement closed = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#ha-batch-detail[data-batch-id=\"" + batchId + "\"][data-status=\"CLOSED\"]")));
        show(closed);
        shot("8-batch-closed");
        signOut();

        // ---- 5. The operator sees the first quarter's living subsidy paid on the household (the quarter's batch also
        //         pays the previous quarter's price subsidy onto the love card).
        signIn("operator");
        go("hardship-aid/households/" + householdId);
        WebElement paid = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#ha-payments tr[data-batch-id=\"" + batchId + "\"][data-item=\"LIVING\"][data-status=\"PAID\"]")));
        assertTrue(paid.getText().contains(period), paid::getText);
        show(paid);
        shot("9-first-quarter-paid");
        chineseOnlyProblems();

        JsonNode stored = api.get("/api/hardship-aid/households/" + householdId, api.login("admin")).expect(200).json();
        boolean paidThere = false;
        for (JsonNode p : stored.path("payments")) {
            paidThere |= p.path("batchId").asLong() == batchId && "PAID".equals(p.path("status").asText());
        }
        assertTrue(paidThere, () -> "the household's payments: " + stored.path("payments"));
    }

    /** Whatever problem or error text is on screen has no English word. */
    private void chineseOnlyProblems() {
        for (WebElement e : driver.findElements(By.cssSelector(".notice.error, .ui-field-error, [role=alert]"))) {
            String text = e.getText();
            assertFalse(ENGLISH.matcher(text).find(), () -> "English on the Chinese page: " + text);
        }
    }

    /** Some decisions ask first (the page kit's question); answer it when it comes. */
    private void answerConfirmationIfAsked() {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(2)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ui-confirm-ok")));
        } catch (org.openqa.selenium.TimeoutException none) {
            return;
        }
        browser.confirm();
    }

    private void go(String route) {
        js.executeScript("location.hash = arguments[0];", "#/" + route);
    }

    private void signIn(String username) {
        browser.signIn(username);
    }

    private void signOut() {
        browser.signOut();
    }

    private void click(WebElement element) {
        browser.click(element);
    }

    private void type(WebElement form, String name, String text) {
        WebElement input = form.findElement(By.name(name));
        js.executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.clear();
        input.sendKeys(text);
    }

    private void show(WebElement element) {
        js.executeScript("arguments[0].scrollIntoView({block: 'start'});", element);
    }

    /** The first quarter whose due date (the 15th of its first month) is today or later: a household filed today is paid in it. */
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
        return LocalDate.of(Integer.parseInt(quarter.substring(0, 4)), 3 * (quarter.charAt(5) - '0') - 2, 15);
    }

    /** A valid resident ID number (GB 11643) of someone born in {@code year}. */
    static String idNumber(int year) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        String first17 = String.format("320202%04d%02d%02d%03d", year, 1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28), RANDOM.nextInt(1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    private static String han(int n) {
        String chars = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(chars.charAt(RANDOM.nextInt(chars.length())));
        }
        return s.toString();
    }

    /** A step: a screenshot named by the window size and the moment, and the page checked for one language. */
    private void shot(String moment) {
        browser.step(size + "-" + moment);
    }
}
