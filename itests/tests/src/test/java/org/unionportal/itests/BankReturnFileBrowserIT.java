package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The bank's return file of a mutual-aid payout batch, in the pages, at 1366×768 and on a phone: the batch is made and
 * approved by two people (through the API), the checker uploads the bank's return file (the downloaded bank file with
 * 结果 and 失败原因 added); a file with a wrong amount is shown with its problems in Chinese only and cannot be recorded;
 * the right file is previewed (paid and returned lines, totals) and recorded after a confirmation: the paid claim is
 * 已支付, the returned one approved again with the bank's reason, and its member is texted to check the account.
 * Each step (a screenshot) shows Chinese only ({@link BrowserSession#step}).
 */
@Tag("browser")
@Tag("lifecycle")
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true",
        disabledReason = "skipped with -DskipBrowserTests=true")
@ExtendWith(SharedPortal.class)
class BankReturnFileBrowserIT {
    private static final String PROBE = "/api/mutual-aid/plans";
    private static final String FEATURE = "union-mutual-aid";
    /** A word of two or more Latin letters: English on the Chinese page. */
    private static final Pattern ENGLISH = Pattern.compile("[A-Za-z]{2,}");

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.withModule(FEATURE, PROBE);

    private static Distribution portal;
    private static Api api;
    private static int admissionDay = 1;

    private WebDriver driver;
    private WebDriverWait wait;
    private String size;

    @BeforeAll
    static void secondPersonOn() {
        portal = browser.portal();
        api = browser.api();
        secondPerson("on");
    }

    /** Runs before the extension removes the module it installed. */
    @AfterAll
    static void secondPersonBackToAuto() {
        if (portal != null) {
            secondPerson("auto");
        }
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1366, 768", "390, 844"})
    void theCheckerPreviewsAndRecordsTheBanksReturnFile(int width, int height) throws IOException {
        browser.resize(new Dimension(width, height));
        driver = browser.driver();
        wait = browser.pageWait();
        size = width + "x" + height;
        // ---- 1. Two approved claims of the demo member, a batch made by the district and approved by the checker (API).
        String member = api.login("member");
        String district = api.login("district");
        String checker = api.login("checker");
        long paid = approvedClaim(member, district);
        long returned = approvedClaim(member, district);
        List<Long> proposal = new ArrayList<>();
        api.get("/api/mutual-aid/payouts/proposal", district).expect(200).json().path("claims")
                .forEach(c -> proposal.add(c.path("claimId").asLong()));
        assertTrue(proposal.contains(paid) && proposal.contains(returned), () -> "not proposed: " + proposal);
        long batchId = api.post("/api/mutual-aid/payouts", district, Map.of("claimIds", proposal)).expect(201).json()
                .path("id").asLong();
        api.post("/api/mutual-aid/payouts/" + batchId + "/approve", checker, null).expect(200);
        String bankFile = api.get("/api/mutual-aid/payouts/" + batchId + "/bank-file?format=csv", checker).expect(200).body();

        // The bank's answer: every transfer paid but the second claim's (account closed).
        Path good = BankReturnFiles.write(bankFile, "MA-" + batchId + "-" + returned, "账户已销户", false, "回盘-" + batchId + "-" + size + ".csv");
        Path wrong = BankReturnFiles.write(bankFile, "MA-" + batchId + "-" + returned, "账户已销户", true,
                "回盘-" + batchId + "-wrong-" + size + ".csv");

        // ---- 2. The checker opens the batch.
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.get(portal.baseUrl() + "/");
        signIn("checker");
        js.executeScript("location.hash = '#/mutual-aid/claims'");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#payouts-title")));
        WebElement open = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#payout-list tr[data-payout-id=\"" + batchId + "\"] .payout-open")));
        browser.click(open);
        WebElement upload = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#payout-batch[data-payout-id=\"" + batchId + "\"] #payout-return-file")));
        shot("1-batch-approved");

        // ---- 3. A file with a wrong amount: its problems, in Chinese only; nothing can be recorded.
        upload.sendKeys(wrong.toString());
        browser.click(driver.findElement(By.cssSelector("#payout-return-preview")));
        WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#payout-return-problems")));
        String problems = refused.getText();
        assertTrue(problems.contains("不符"), () -> "no amount problem: " + problems);
        assertFalse(ENGLISH.matcher(problems).find(), () -> "English on the Chinese page: " + problems);
        assertFalse(driver.findElement(By.cssSelector("#payout-return-confirm")).isEnabled(), "a wrong file can be recorded");
        show(refused);
        shot("2-wrong-file-refused");

        // ---- 4. The right file: previewed (nothing changes yet), then recorded after the question.
        upload = driver.findElement(By.cssSelector("#payout-return-file"));
        upload.sendKeys(good.toString());
        browser.click(driver.findElement(By.cssSelector("#payout-return-preview")));
        WebElement preview = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#payout-return-preview-result[data-problems=\"0\"]")));
        assertEquals("1", preview.getAttribute("data-failed"), preview::getText);
        assertEquals(String.valueOf(proposal.size() - 1), preview.getAttribute("data-paid"), preview::getText);
        WebElement returnedRow = preview.findElement(By.cssSelector("tr[data-claim-id=\"" + returned + "\"]"));
        assertEquals("FAILED", returnedRow.getAttribute("data-outcome"));
        assertTrue(returnedRow.getText().contains("账户已销户"), returnedRow::getText);
        assertFalse(ENGLISH.matcher(preview.getText()).find(), () -> "English on the Chinese page: " + preview.getText());
        assertEquals("IN_PAYMENT", status(paid, member), "a preview changed the claim");
        show(preview);
        shot("3-preview");

        browser.click(driver.findElement(By.cssSelector("#payout-return-confirm")));
        String question = browser.confirm();
        assertTrue(question.contains("1 件转账失败") && question.contains("核对银行账户"), question);
        WebElement closed = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#payout-batch[data-payout-id=\"" + batchId + "\"][data-status=\"CLOSED\"]")));
        assertEquals("PAID", closed.findElement(By.cssSelector("#payout-lines tr[data-claim-id=\"" + paid + "\"]"))
                .getAttribute("data-status"));
        show(closed);
        shot("4-recorded");
        // the batch view stacks on a phone: nothing scrolls sideways
        Number sideways = (Number) js.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0, sideways.intValue(), () -> "the payout batch view scrolls sideways at " + size + " by " + sideways + " px");

        // ---- 5. The claims as the member has them, and the SMS asking to check the account.
        assertEquals("PAID", status(paid, member));
        JsonNode back = api.get("/api/mutual-aid/claims/" + returned, member).expect(200).json();
        assertEquals("APPROVED", back.path("status").asText());
        assertEquals("账户已销户", back.path("paymentFailure").asText());
        JsonNode sms = api.get("/api/portal/notifications?module=mutual-aid&kind=PAYMENT_FAILED&size=100", district).expect(200).json();
        boolean told = false;
        for (JsonNode n : sms.path("items")) {
            told |= n.path("message").asText().contains("编号 " + returned + "）") && n.path("message").asText().contains("核对");
        }
        assertTrue(told, () -> "no SMS about the failed transfer of claim " + returned + ": " + sms);
    }

    /** An approved claim of the demo member's current cover, with an account to pay into. */
    private static long approvedClaim(String member, String district) {
        JsonNode me = api.get("/api/mutual-aid/me", member).expect(200).json();
        JsonNode cover = null;
        int demoYear = MutualAidData.today().minusDays(200).getYear();
        for (JsonNode e : me.path("enrolments")) {
            if ("WX-3IN1".equals(e.path("planCode").asText()) && LocalDate.parse(e.path("coverStart").asText()).getYear() == demoYear) {
                cover = e;
            }
        }
        JsonNode found = cover;
        assertTrue(found != null, () -> "no WX-3IN1 cover of " + demoYear + ": " + me);
        // different stays, so that the claims are not duplicates of each other or of other tests' claims
        LocalDate admission = LocalDate.of(demoYear, 9, 1).plusDays(admissionDay++ * 3L);
        Map<String, Object> stay = new LinkedHashMap<>(MutualAidData.hospitalStay(found.path("id").asLong(), admission, 2, 300_000, 100_000));
        stay.put("bankName", "中国建设银行无锡分行");
        stay.put("bankAccount", "6217000011112222333");
        long id = api.post("/api/mutual-aid/claims", member, stay).expect(201).json().path("id").asLong();
        api.post("/api/mutual-aid/claims/" + id + "/decision", district, Map.of("action", "APPROVE")).expect(200);
        return id;
    }

    private static String status(long claimId, String member) {
        return api.get("/api/mutual-aid/claims/" + claimId, member).expect(200).json().path("status").asText();
    }

    private void signIn(String username) {
        browser.signIn(username);
    }

    /** Sets payouts.secondPerson (on, auto) and waits until the module applies it (demo mode: auto is off). */
    private static void secondPerson(String setting) {
        portal.shell("config:property-set -p org.unionportal.mutualaid payouts.secondPerson " + setting);
        String admin = api.login("admin");
        Await.until("payouts.secondPerson = " + setting, Duration.ofSeconds(20), () -> api.get("/api/mutual-aid/payouts/proposal", admin)
                .expect(200).json().path("secondPersonRequired").asBoolean() == "on".equals(setting));
    }

    private void show(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'});", element);
    }

    /** A step: a screenshot named by the window size and the moment, and the page checked for one language. */
    private void shot(String moment) {
        browser.step(size + "-" + moment);
    }
}
