package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A hardship-aid payout batch with two people and the bank's return file, in the pages: the two-person rule is switched
 * on for the test ({@code batches.secondPerson}, awaited on {@code GET /batches/rules}); the district generates the
 * quarter's batch and may not approve it (the page says why, the API refuses); the city's checker approves it, uploads a
 * return file with a wrong amount (problems in Chinese only, nothing recordable), then the right one: previewed, recorded
 * after the question; the household's line is 发放失败 with the bank's reason, the others paid. People are shown by name
 * (王芳, 钱敏), never by login name, and the batch view does not scroll sideways on a phone (390×844). Each step (a
 * screenshot) shows Chinese only ({@link BrowserSession#step}).
 */
@Tag("browser")
@Tag("lifecycle")
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true",
        disabledReason = "skipped with -DskipBrowserTests=true")
@ExtendWith(SharedPortal.class)
class HardshipBankReturnBrowserIT {
    private static final String BASE = "/api/hardship-aid";
    /** A word of two or more Latin letters: English on the Chinese page. */
    private static final Pattern ENGLISH = Pattern.compile("[A-Za-z]{2,}");

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.withModule("union-hardship-aid", BASE + "/households?size=1");

    @BeforeAll
    static void twoPeople() {
        secondPerson("on");
    }

    @AfterAll
    static void backToDemo() {
        secondPerson("auto");
    }

    @Test
    void twoPeoplePayABatchAndTheBanksReturnFileIsRecorded() throws IOException {
        Api api = browser.api();
        String operator = api.login("operator");
        String district = api.login("district");
        String checker = api.login("checker");
        // ---- 1. A household on file now (API): it has something to be paid in the first quarter not yet due.
        String head = "吴" + HouseholdLifecycleBrowserIT.idNumber(1970).substring(14, 17).chars()
                .mapToObj(d -> String.valueOf("零一二三四五六七八九".charAt(d - '0'))).reduce("", String::concat);
        long householdId = onFile(api, operator, district, head);

        // ---- 2. The district generates the quarter's batch in the page and may not approve it itself.
        browser.open("/");
        browser.signIn("district");
        browser.open("#/hardship-aid/batches");
        String quarter = HouseholdLifecycleBrowserIT.firstQuarterNotDue(MutualAidData.today());
        WebElement period = browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ha-batch-period")));
        period.clear();
        period.sendKeys(quarter);
        browser.click(browser.driver().findElement(By.cssSelector("#ha-batch-generate")));
        WebElement generated = browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#ha-batch-detail[data-batch-id], #ha-batch-conflict, #ha-batch-generate-error")));
        assertEquals("ha-batch-detail", generated.getAttribute("id"), generated::getText);
        long batchId = Long.parseLong(generated.getAttribute("data-batch-id"));
        assertFalse(browser.driver().findElements(By.cssSelector("#ha-batch-lines tr[data-household-id=\"" + householdId + "\"]"))
                .isEmpty(), () -> "household " + householdId + " is not in batch " + batchId);
        assertFalse(browser.driver().findElement(By.cssSelector("#ha-batch-approve")).isEnabled(), "the maker may approve");
        WebElement rule = browser.driver().findElement(By.cssSelector("#ha-batch-second-person"));
        assertEquals("true", rule.getAttribute("data-required"));
        assertTrue(rule.getText().contains("另一位工作人员"), rule::getText);
        assertTrue(factText("created").contains("王芳"), () -> "the maker is not shown by name: " + factText("created"));
        assertFalse(factText("created").contains("district"), () -> "a login name on the page: " + factText("created"));
        api.post(BASE + "/batches/" + batchId + "/approve", district, null).expectProblem(403);
        browser.step("1-generated-maker-may-not-approve");
        // each line says why its amount in the page's language (the server keeps both since hardship V4): the same batch in English
        String zhWhy = browser.driver().findElement(By.cssSelector("#ha-batch-lines td[data-col=\"explanation\"]")).getText();
        assertTrue(zhWhy.contains(" 元"), zhWhy);
        browser.language("en");
        browser.open("/"); // a full load: the shell reads the language as it starts (a route change alone keeps Chinese)
        openBatch(batchId);
        assertEquals("en", browser.pageLanguage());
        String enWhy = browser.driver().findElement(By.cssSelector("#ha-batch-lines td[data-col=\"explanation\"]")).getText();
        assertTrue(enWhy.contains("CNY") && enWhy.codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN),
                enWhy);
        browser.step("1-en-lines-explained");
        browser.language("zh");
        browser.open("/");
        browser.signOut();

        // ---- 3. The checker approves it in the page (after the question).
        browser.signIn("checker");
        openBatch(batchId);
        browser.click(browser.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#ha-batch-approve"))));
        String question = browser.confirm();
        assertTrue(question.contains("#" + batchId) && question.contains("元"), question);
        browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#ha-batch-detail[data-batch-id=\"" + batchId + "\"][data-status=\"APPROVED\"]")));
        assertTrue(factText("approved").contains("钱敏"), () -> "the approver is not shown by name: " + factText("approved"));
        browser.step("2-approved-by-the-checker");

        // ---- 4. The bank's answer: our household's first bank line returned, the rest paid.
        String bankFile = api.get(BASE + "/batches/" + batchId + "/bank-file?format=csv", checker).expect(200).body();
        Path wrong = BankReturnFiles.write(bankFile, "," + head + ",", "账户已冻结", true, "帮扶回盘-" + head + "-wrong.csv");
        Path good = BankReturnFiles.write(bankFile, "," + head + ",", "账户已冻结", false, "帮扶回盘-" + head + ".csv");
        WebElement upload = browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ha-batch-return-file")));
        upload.sendKeys(wrong.toString());
        browser.click(browser.driver().findElement(By.cssSelector("#ha-batch-return-preview")));
        WebElement refused = browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ha-batch-return-problems")));
        String problems = refused.getText();
        assertTrue(problems.contains("不符"), () -> "no amount problem: " + problems);
        assertFalse(ENGLISH.matcher(problems.replaceAll("HA-\\d+-\\d*", "")).find(), () -> "English on the Chinese page: " + problems);
        assertFalse(browser.driver().findElement(By.cssSelector("#ha-batch-return-confirm")).isEnabled(), "a wrong file can be recorded");
        show(refused);
        browser.step("3-wrong-file-refused");

        browser.driver().findElement(By.cssSelector("#ha-batch-return-file")).sendKeys(good.toString());
        browser.click(browser.driver().findElement(By.cssSelector("#ha-batch-return-preview")));
        WebElement preview = browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#ha-batch-return-preview-result[data-problems=\"0\"]")));
        assertEquals("1", preview.getAttribute("data-failed"), preview::getText);
        assertTrue(preview.getText().contains("账户已冻结"), preview::getText);
        assertEquals("APPROVED", api.get(BASE + "/batches/" + batchId, checker).expect(200).json().path("status").asText(),
                "a preview changed the batch");
        show(preview);
        browser.step("4-preview");
        browser.click(browser.driver().findElement(By.cssSelector("#ha-batch-return-confirm")));
        String record = browser.confirm();
        assertTrue(record.contains("1 笔发放失败"), record);
        WebElement closed = browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#ha-batch-detail[data-batch-id=\"" + batchId + "\"][data-status=\"CLOSED\"]")));
        show(closed);
        browser.step("5-recorded");

        JsonNode batch = api.get(BASE + "/batches/" + batchId, checker).expect(200).json();
        int failed = 0;
        for (JsonNode line : batch.path("lines")) {
            String status = line.path("status").asText();
            if ("FAILED".equals(status)) {
                failed++;
                assertEquals(householdId, line.path("householdId").asLong(), line::toString);
                assertEquals("账户已冻结", line.path("failureReason").asText());
            } else {
                assertEquals("PAID", status, line::toString);
            }
        }
        assertEquals(1, failed, batch::toString);

        // ---- 5. On a phone the batch view stacks: nothing scrolls sideways.
        browser.phone();
        openBatch(batchId);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ha-batch-lines")));
        assertNoSidewaysScroll("the hardship batch view");
        browser.step("6-phone-batch");
        browser.desktop();
    }

    private String factText(String key) {
        return browser.driver().findElement(By.cssSelector("#ha-batch-facts [data-fact=\"" + key + "\"]")).getText();
    }

    private void openBatch(long batchId) {
        browser.open("#/hardship-aid/batches");
        browser.click(browser.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#ha-batch-list tr[data-batch-id=\"" + batchId + "\"] .ha-batch-open"))));
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ha-batch-detail[data-batch-id=\"" + batchId + "\"]")));
    }

    private void assertNoSidewaysScroll(String what) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        Object wide = js.executeScript("const w = document.documentElement.clientWidth;"
                + "const out = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > w + 1"
                + " && getComputedStyle(e).position !== 'fixed' && e.offsetParent !== null)"
                + ".map((e) => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className).slice(0, 8);"
                + "return document.documentElement.scrollWidth > w ? out.join(' | ') || 'scrollWidth ' + document.documentElement.scrollWidth : '';");
        assertEquals("", wide, () -> what + " scrolls sideways on a phone: " + wide);
    }

    private void show(WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'start'});", element);
    }

    /** Files an application (operator) and approves it (district): on file now, paid by bank. */
    private static long onFile(Api api, String operator, String district, String head) {
        Map<String, Object> body = ModuleRecords.hardshipApplication("梁溪区回盘路 3 号", head,
                HouseholdLifecycleBrowserIT.idNumber(1972), "SPECIAL");
        long id = api.post(BASE + "/households", operator, body).expect(201).json().path("id").asLong();
        api.post(BASE + "/households/" + id + "/decision", district, Map.of("action", "APPROVE", "level", "SPECIAL",
                "fileLevel", "DISTRICT")).expect(200);
        return id;
    }

    /** Sets batches.secondPerson (on, auto) and waits until the module applies it (demo mode: auto is off). */
    private static void secondPerson(String setting) {
        Distribution portal = browser.portal();
        if (portal == null) {
            return;
        }
        portal.shell("config:property-set -p org.unionportal.hardshipaid batches.secondPerson " + setting);
        String admin = portal.api().login("admin");
        Await.until("batches.secondPerson = " + setting, Await.MODULE_CHANGE, () -> portal.api().get(BASE + "/batches/rules", admin)
                .expect(200).json().path("secondPersonRequired").asBoolean() == "on".equals(setting));
    }
}
