package org.unionportal.itests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through its chromedriver, as the browser tests use it. Selenium is an optional
 * dependency of the harness: a module's browser test declares {@code org.seleniumhq.selenium:selenium-java} itself.
 */
public final class Chromium {
    public static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** A fresh browser with its own profile and a 1280x900 window; fails (does not skip) when Chromium is missing. */
    public static WebDriver start(String testName) throws IOException {
        return start(testName, new Dimension(1280, 900));
    }

    /** A fresh browser with its own profile and a window of {@code size}; fails (does not skip) when Chromium is missing. */
    public static WebDriver start(String testName, Dimension size) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail(testName + " needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver), or -DskipBrowserTests=true");
        }
        Path work = Paths.get(System.getProperty("itests.work", "target/runs")).toAbsolutePath();
        Files.createDirectories(work);
        Path userDataDir = Files.createTempDirectory(work, "chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the background-networking flags Chromium keeps calling out of this closed network.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + size.getWidth() + "," + size.getHeight(), "--user-data-dir=" + userDataDir);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(work.resolve(userDataDir.getFileName() + "-chromedriver.log").toFile())
                .build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * Clicks {@code element} after scrolling it to the middle of the window: the portal's top bar stays on screen,
     * so an element near the top edge would be under it and the click would land on the bar.
     */
    public static void click(WebDriver driver, WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /**
     * Answers the page kit's question before an irreversible step ({@code confirmDialog}) with 确定, and returns
     * the question it asked.
     */
    public static String confirm(WebDriver driver, WebDriverWait wait) {
        String question = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ui-confirm-message"))).getText();
        driver.findElement(By.cssSelector("#ui-confirm-ok")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#ui-confirm")));
        return question;
    }

    /** Saves what the browser shows (PNG and HTML) under target/screenshots, named after the test and moment. */
    public static void screenshot(WebDriver driver, TestInfo info, String moment) {
        if (driver == null) {
            return;
        }
        try {
            Path dir = Paths.get(System.getProperty("itests.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            String name = info.getTestClass().map(Class::getSimpleName).orElse("Browser") + "-"
                    + info.getTestMethod().map(m -> m.getName()).orElse("test") + "-" + moment;
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(dir.resolve(name + ".png"), png);
            Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
        } catch (RuntimeException | IOException e) {
            System.err.println("No screenshot: " + e);
        }
    }
}
