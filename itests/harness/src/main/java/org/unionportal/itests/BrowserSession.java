package org.unionportal.itests;

import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A browser test's set-up in one place (JUnit 5 extension, on the portal that {@link SharedPortal} shares):
 * the modules the class needs are installed once before its tests and uninstalled after them when this class
 * installed them; every test gets a fresh headless Chromium ({@link Chromium#start}) and a {@link WebDriverWait}
 * of 30 s, and a screenshot named {@code failure} when it fails. Use it as a static field:
 *
 * <pre>{@code
 * @ExtendWith(SharedPortal.class)
 * class SomeBrowserIT {
 *     @RegisterExtension
 *     static final BrowserSession browser = BrowserSession.withModule("union-mutual-aid", "/api/mutual-aid/plans");
 *
 *     @Test
 *     void somethingInThePage() {
 *         browser.open("/");                       // or browser.open("#/portal/audit")
 *         browser.signIn("operator");
 *         browser.click(browser.pageWait().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#x"))));
 *         browser.screenshot("1-after-x");          // target/screenshots/SomeBrowserIT-somethingInThePage-1-after-x.png
 *         browser.phone();                          // 390x844 from here on (browser.desktop() back to 1366x768)
 *     }
 * }
 * }</pre>
 *
 * The window starts at {@link #DESKTOP} (1366x768) unless {@link #windowSize} says otherwise. One session holds
 * one test's browser at a time: a class's tests run one after another (JUnit's default). Selenium is an
 * optional dependency of the harness: a module's browser test declares {@code selenium-java} itself.
 */
public final class BrowserSession implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        TestExecutionExceptionHandler {
    /** A laptop's screen, the size the portal is designed for first. */
    public static final Dimension DESKTOP = new Dimension(1366, 768);
    /** A phone's screen (CSS pixels), for the narrow layout. */
    public static final Dimension PHONE = new Dimension(390, 844);
    /** How long a page step may take before the test fails. */
    public static final Duration UI = Duration.ofSeconds(30);

    private record Module(String feature, String probePath) {
    }

    private final List<Module> modules;
    private final List<Module> installedHere = new ArrayList<>();
    private Dimension windowSize = DESKTOP;
    private Distribution portal;
    private WebDriver driver;
    private WebDriverWait pageWait;
    private ExtensionContext test;
    /** What {@link #step} found in the running test. */
    private final List<String> mixedLanguage = new ArrayList<>();

    private BrowserSession(List<Module> modules) {
        this.modules = modules;
    }

    /** A session on the shared portal without installing anything. */
    public static BrowserSession plain() {
        return new BrowserSession(new ArrayList<>());
    }

    /**
     * A session for which the module feature is installed before the class's tests (waiting until
     * {@code probePath} answers) and uninstalled after them if it was not installed before.
     */
    public static BrowserSession withModule(String feature, String probePath) {
        return plain().andModule(feature, probePath);
    }

    /** One more module to install for the class, like {@link #withModule}. */
    public BrowserSession andModule(String feature, String probePath) {
        modules.add(new Module(feature, probePath));
        return this;
    }

    /** The window size each test's browser starts with (default {@link #DESKTOP}). */
    public BrowserSession windowSize(Dimension size) {
        this.windowSize = size;
        return this;
    }

    // ------------------------------------------------------------------------------------------ JUnit

    @Override
    public void beforeAll(ExtensionContext context) {
        portal = SharedPortal.get(context);
        for (Module module : modules) {
            if (portal.installModule(module.feature(), module.probePath())) {
                installedHere.add(module);
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (portal == null) {
            return;
        }
        // In reverse, so that a module installed later (perhaps needing an earlier one) goes first.
        for (int i = installedHere.size() - 1; i >= 0; i--) {
            Module module = installedHere.remove(i);
            portal.uninstallModule(module.feature(), module.probePath());
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        test = context;
        driver = Chromium.start(context.getRequiredTestClass().getSimpleName(), windowSize);
        driver.manage().window().setSize(windowSize);
        pageWait = new WebDriverWait(driver, UI);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        screenshot("failure");
        throw throwable;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> found = new ArrayList<>(mixedLanguage);
        mixedLanguage.clear();
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            pageWait = null;
            test = null;
        }
        if (!found.isEmpty()) {
            org.junit.jupiter.api.Assertions.fail(found.size() + " text(s) on the pages of "
                    + context.getDisplayName() + " not in the page's language (step: «word» in: text (where)):\n"
                    + String.join("\n", found));
        }
    }

    // ------------------------------------------------------------------------------------------ the session

    /** The shared portal. */
    public Distribution portal() {
        return portal;
    }

    /** A client of the shared portal's REST API. */
    public Api api() {
        return portal.api();
    }

    /** This test's browser. */
    public WebDriver driver() {
        return driver;
    }

    /** This test's wait ({@link #UI}). */
    public WebDriverWait pageWait() {
        return pageWait;
    }

    /** Waits ({@link #UI}) until {@code condition} gives something other than null or false, and returns it. */
    public <T> T until(Function<? super WebDriver, T> condition) {
        return pageWait.until(condition);
    }

    /**
     * Opens a page of the portal: {@code "/"} the shell, {@code "#/portal/audit"} (or {@code "portal/audit"}) a
     * route of it.
     */
    public void open(String route) {
        String path = route.isEmpty() || route.equals("/") ? "/"
                : "/#/" + route.replaceFirst("^/?#?/?", "");
        driver.get(portal.baseUrl() + path);
    }

    /** Signs in with the demo password on the sign-in form shown now; see {@link #signIn(String, String)}. */
    public void signIn(String username) {
        signIn(username, Distribution.PASSWORD);
    }

    /** Fills the sign-in form shown now and waits until the shell shows its menu and the sign-out button. */
    public void signIn(String username, String password) {
        WebElement form = pageWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#login-form")));
        WebElement user = form.findElement(By.name("username"));
        user.clear();
        user.sendKeys(username);
        WebElement secret = form.findElement(By.name("password"));
        secret.clear();
        secret.sendKeys(password);
        form.findElement(By.cssSelector("button[type=submit], button:not([type]), input[type=submit]")).click();
        pageWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#menu")));
        pageWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#logout")));
    }

    /** Signs out with the top bar's button (once the shell shows it: after a full load it comes a moment later) and waits for the sign-in form. */
    public void signOut() {
        click(pageWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#logout"))));
        pageWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#login-form")));
    }

    /** {@link Chromium#click}: clicks after scrolling the element clear of the sticky top bar. */
    public void click(WebElement element) {
        Chromium.click(driver, element);
    }

    /** {@link Chromium#confirm}: answers the page kit's question with 确定 and returns the question. */
    public String confirm() {
        return Chromium.confirm(driver, pageWait);
    }

    /**
     * One step of a test: saves a screenshot ({@link #screenshot}) and checks that the page shows one language
     * ({@link #assertOneLanguage}'s rule). What the check finds is collected, and the test fails at its end naming every
     * offending text of every step, so that one run shows all of them.
     */
    public void step(String name) {
        screenshot(name);
        for (String finding : oneLanguageFindings()) {
            mixedLanguage.add(name + ": " + finding);
        }
    }

    /**
     * Fails, naming each offending text and where it is, when the page shown now mixes languages: Han characters on the
     * English page, English words on the Chinese page ({@link OneLanguage}: what people wrote, marked {@code ui-verbatim},
     * hidden elements and the values typed into fields are left out). Call it at every step of a test; {@code step}
     * names the screenshot saved when it fails ({@code <step>-mixed-language}).
     */
    public void assertOneLanguage(String step) {
        List<String> findings = oneLanguageFindings();
        if (!findings.isEmpty()) {
            screenshot(step + "-mixed-language");
            org.junit.jupiter.api.Assertions.fail("step " + step + ": " + findings.size() + " text(s) not in the page's language ("
                    + pageLanguage() + "):\n" + String.join("\n", findings));
        }
    }

    /** What {@link #assertOneLanguage} would fail with (empty: the page shows one language). */
    @SuppressWarnings("unchecked")
    public List<String> oneLanguageFindings() {
        Map<String, Object> answer = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(OneLanguage.VISIBLE_TEXT);
        return OneLanguage.findings(String.valueOf(answer.get("language")), OneLanguage.texts(answer));
    }

    /** The page's language as the shell set it on {@code <html lang>}: {@code "en"} or {@code "zh"}. */
    public String pageLanguage() {
        Object lang = ((JavascriptExecutor) driver).executeScript("return document.documentElement.lang || 'zh-CN';");
        return String.valueOf(lang).toLowerCase().startsWith("en") ? "en" : "zh";
    }

    /**
     * Chooses the page's language ({@code "zh"} or {@code "en"}) before the shell starts: remembered in the browser
     * as the 中文/EN switch does; takes effect at the next {@link #open}.
     */
    public void language(String language) {
        if (driver.getCurrentUrl() == null || !driver.getCurrentUrl().startsWith(portal.baseUrl())) {
            open("/");
        }
        ((JavascriptExecutor) driver).executeScript("localStorage.setItem('unionPortal.lang', arguments[0]);",
                "en".equals(language) ? "en" : "zh-CN");
    }

    /** Resizes the window to {@code size}. */
    public void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** Resizes the window to {@link #PHONE}. */
    public void phone() {
        resize(PHONE);
    }

    /** Resizes the window to {@link #DESKTOP}. */
    public void desktop() {
        resize(DESKTOP);
    }

    /**
     * Saves what the browser shows (PNG and HTML) as {@code <class>-<test>-<name>} under {@code target/screenshots}
     * (system property {@code itests.screenshots}).
     */
    public void screenshot(String name) {
        if (test == null) {
            return;
        }
        Chromium.screenshot(driver, new Info(test), name);
    }

    /** The running test as a {@link TestInfo}, for {@link Chromium#screenshot}. */
    private record Info(ExtensionContext context) implements TestInfo {
        @Override
        public String getDisplayName() {
            return context.getDisplayName();
        }

        @Override
        public Set<String> getTags() {
            return context.getTags();
        }

        @Override
        public Optional<Class<?>> getTestClass() {
            return context.getTestClass();
        }

        @Override
        public Optional<Method> getTestMethod() {
            return context.getTestMethod();
        }
    }
}
