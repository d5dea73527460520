package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * A mutual-aid payout in a real (headless) Chromium, with two people: the district administrator previews and
 * makes the batch and may not approve it; the city's checker approves it and records the bank's result; the member
 * then sees the claim 已支付 with the day it was paid. Every step asks first; each step (a screenshot) shows Chinese
 * only ({@link BrowserSession#step}).
 */
@Tag("browser")
@Tag("lifecycle")
@DisabledIfSystemProperty(named = "skipBrowserTests", matches = "true",
        disabledReason = "skipped with -DskipBrowserTests=true")
@ExtendWith(SharedPortal.class)
class PayoutBrowserIT {
    private static final String PROBE = "/api/mutual-aid/plans";
    private static final String FEATURE = "union-mutual-aid";

    @RegisterExtension
    static final BrowserSession browser = BrowserSession.withModule(FEATURE, PROBE);

    @BeforeAll
    static void secondPersonOn() {
        secondPerson("on");
    }

    @AfterAll
    static void secondPersonAuto() {
        secondPerson("auto");
    }

    @Test
    void aBatchGoesFromProposalToTheBanksResultWithTwoPeopleAndTheMemberSeesItPaid() {
        WebDriver driver = browser.driver();
        WebDriverWait wait = browser.pageWait();
        // ---- 1. A claim of the demo member with an account, approved by the district (through the API).
        String member = browser.api().login("member");
        String district = browser.api().login("district");
        JsonNode me = browser.api().get("/api/mutual-aid/me", member).expect(200).json();
        JsonNode cover = null;
        int demoYear = MutualAidData.today().minusDays(200).getYear();
        for (JsonNode e : me.path("enrolments")) {
            if ("WX-3IN1".equals(e.path("planCode").asText()) && LocalDate.parse(e.path("coverStart").asText()).getYear() == demoYear) {
                cover = e;
            }
        }
        assertTrue(cover != null, () -> "no WX-3IN1 cover of " + demoYear + ": " + me);
        Map<String, Object> stay = new java.util.LinkedHashMap<>(MutualAidData.hospitalStay(cover.path("id").asLong(),
                LocalDate.of(demoYear, 10, 12), 2, 300_000, 100_000));
        stay.put("bankName", "中国建设银行无锡分行");
        stay.put("bankAccount", "6217000011112222333");
        long claimId = browser.api().post("/api/mutual-aid/claims", member, stay).expect(201).json().path("id").asLong();
        browser.api().post("/api/mutual-aid/claims/" + claimId + "/decision", district, Map.of("action", "APPROVE")).expect(200);

        // ---- 2. The district administrator previews (nothing changes) and makes the batch.
        JavascriptExecutor js = (JavascriptExecutor) driver;
        browser.open("/");
        browser.signIn("district");
        openClaimsPage();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#payout-preview"))).click();
        WebElement proposal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#payout-proposal-card")));
        assertFalse(driver.findElements(By.cssSelector("#payout-proposal-claims tr[data-claim-id=\"" + claimId + "\"]")).isEmpty(),
                "the approved claim is not in the proposal");
        assertTrue(proposal.getText().contains("***************2333"), () -> "the account is not masked: " + proposal.getText());
        assertEquals("APPROVED", browser.api().get("/api/mutual-aid/claims/" + claimId, member).expect(200).json().path("status").asText(),
                "a preview changed the claim");
        scrollTo(js, proposal);
        browser.step("1-proposal");
        driver.findElement(By.cssSelector("#payout-create")).click();
        WebElement question = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ui-confirm-message")));
        assertTrue(question.getText().contains("生成支付批次") && question.getText().contains("元"), question::getText);
        browser.step("2-create-confirm");
        driver.findElement(By.cssSelector("#ui-confirm-ok")).click();
        WebElement batch = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#payout-batch[data-status=\"DRAFT\"]")));
        long batchId = Long.parseLong(batch.getAttribute("data-payout-id"));
        assertFalse(driver.findElement(By.cssSelector("#payout-approve")).isEnabled(), "the maker may approve the batch");
        assertTrue(driver.findElement(By.cssSelector("#payout-approve-hint")).getText().contains("另一位"));
        assertEquals("IN_PAYMENT", browser.api().get("/api/mutual-aid/claims/" + claimId, member).expect(200).json().path("status").asText());
        scrollTo(js, batch);
        browser.step("3-batch-made-maker-cannot-approve");

        // ---- 3. The checker approves it and records the bank's result (the other lines failed).
        browser.signOut();
        browser.signIn("checker");
        openClaimsPage();
        By open = By.cssSelector("#payout-list tr[data-payout-id=\"" + batchId + "\"] .payout-open");
        wait.until(ExpectedConditions.elementToBeClickable(open)).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#payout-batch[data-payout-id=\"" + batchId + "\"] #payout-approve"))).click();
        WebElement approveQuestion = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ui-confirm-message")));
        assertTrue(approveQuestion.getText().contains("将审批支付批次 #" + batchId), approveQuestion::getText);
        browser.step("4-approve-confirm");
        driver.findElement(By.cssSelector("#ui-confirm-ok")).click();
        WebElement approved = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#payout-batch[data-payout-id=\"" + batchId + "\"][data-status=\"APPROVED\"]")));
        assertTrue(driver.findElements(By.cssSelector("#payout-bank-file-csv")).size() == 1, "no bank file button once approved");
        scrollTo(js, approved);
        browser.step("5-approved");

        List<WebElement> others = driver.findElements(By.cssSelector("#payout-lines tbody tr:not([data-claim-id=\"" + claimId + "\"])"));
        for (WebElement row : others) {
            row.findElement(By.cssSelector(".payout-line-failed")).click();
            row.findElement(By.cssSelector(".payout-line-reason")).sendKeys("账户已销户");
        }
        driver.findElement(By.cssSelector("#payout-result")).click();
        WebElement resultQuestion = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ui-confirm-message")));
        assertTrue(resultQuestion.getText().contains("件已支付") && resultQuestion.getText().contains("互助金已发放"),
                resultQuestion::getText);
        browser.step("6-bank-result-confirm");
        driver.findElement(By.cssSelector("#ui-confirm-ok")).click();
        WebElement closed = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#payout-batch[data-payout-id=\"" + batchId + "\"][data-status=\"CLOSED\"]")));
        assertEquals("PAID", closed.findElement(By.cssSelector("#payout-lines tr[data-claim-id=\"" + claimId + "\"]")).getAttribute("data-status"));
        scrollTo(js, closed);
        browser.step("7-bank-result-recorded");

        // ---- 4. The member sees the claim paid, with the day, on 我的保障.
        browser.signOut();
        browser.signIn("member");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[data-menu-id=\"mutual-aid.mine\"]"))).click();
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#my-claim-" + claimId + "[data-status=\"PAID\"]")));
        WebElement progress = card.findElement(By.cssSelector("#my-claim-progress-" + claimId));
        assertEquals("4", progress.getAttribute("data-step"));
        String today = MutualAidData.today().toString();
        assertTrue(card.findElement(By.cssSelector("dd[data-fact=\"paidOn\"]")).getText().contains(today), card::getText);
        assertTrue(card.getText().contains("已支付"), card::getText);
        scrollTo(js, card);
        browser.step("8-member-sees-paid");
    }

    private static void openClaimsPage() {
        browser.pageWait().until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[data-menu-id=\"mutual-aid.claims\"]"))).click();
        browser.pageWait().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#payouts-title")));
    }

    private static void scrollTo(JavascriptExecutor js, WebElement element) {
        js.executeScript("arguments[0].scrollIntoView({block: 'start'});", element);
    }

    /** Sets payouts.secondPerson (on, auto) and waits until the module applies it (demo mode: auto is off). */
    private static void secondPerson(String setting) {
        browser.portal().shell("config:property-set -p org.unionportal.mutualaid payouts.secondPerson " + setting);
        String admin = browser.api().login("admin");
        Await.until("payouts.secondPerson = " + setting, Duration.ofSeconds(20), () -> browser.api().get("/api/mutual-aid/payouts/proposal", admin)
                .expect(200).json().path("secondPersonRequired").asBoolean() == "on".equals(setting));
    }
}
