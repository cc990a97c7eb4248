package cn.chenzhou.plan.acceptance.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person at the workbench (closed by {@link Browsers} after each test, once a failed test's page is photographed) in real headless Chromium: signs in through the authorization server's page as a staff
 * user, goes from page to page, fills and sends forms, and has every page it reaches checked by axe-core (no critical
 * or serious violation) and photographed under {@code target/workbench/}.
 */
final class Workbench implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "workbench");
    private static final Set<String> BLOCKING = Set.of("critical", "serious");

    private static final List<Workbench> OPEN = new java.util.concurrent.CopyOnWriteArrayList<>();

    final ChromeDriver browser;
    final WebDriverWait wait;
    final WorkbenchPlatform platform;
    private final Path profile;

    /** Skips the calling test, saying why, where Chromium or chromedriver is not installed. */
    static void assumeChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is not installed (/usr/bin/chromium, /usr/bin/chromedriver): "
                        + "apt-get install -y chromium chromium-driver — .ci/run does this");
    }

    Workbench(WorkbenchPlatform platform, String language) throws IOException {
        this.platform = platform;
        this.profile = Files.createTempDirectory("workbench-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1440,1000", "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        options.setCapability("goog:loggingPrefs", Boolean.getBoolean("workbench.network-log")
                ? Map.of("browser", "ALL", "performance", "ALL") : Map.of("browser", "ALL"));
        // the date fields' keyboard order (month, day, year) follows the browser process's locale: fixed here, so that
        // typing a date is the same on every machine; the page's language is the --lang above
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .withEnvironment(Map.of("LANG", "en_US.UTF-8", "LC_ALL", "en_US.UTF-8")).usingAnyFreePort().build();
        this.browser = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        OPEN.add(this);
    }

    /** The browsers the running test has open (for a picture when it fails; closed after each test). */
    static List<Workbench> open() {
        return List.copyOf(OPEN);
    }

    /** Opens the workbench, is sent to the authorization server's sign-in page, signs in, and lands on the home page. */
    Workbench signIn(String user) throws IOException {
        browser.get(platform.gateway() + "/");
        wait.until(d -> !d.findElements(By.id("username")).isEmpty());
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(platform.password(user));
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        awaitReady("/");
        assertThat(browser.findElement(By.cssSelector("[data-user]")).getText()).isEqualTo(user);
        return this;
    }

    /** Goes to a page of the workbench by its address (e.g. {@code /projects?status=DRAFT}) and waits until it is drawn. */
    Workbench go(String route) {
        script("delete document.body.dataset.ready;");
        browser.get(platform.gateway() + "/#" + route);
        awaitReady(route.split("\\?")[0]);
        return this;
    }

    /** Waits until the router drew the page at this path (its data loaded). */
    void awaitReady(String path) {
        wait.until(d -> path.equals(script("return document.body && document.body.dataset.ready;")));
    }

    /** Clicks something that changes the page, and waits until the workbench's page at the given path is drawn. */
    void clickAndAwait(WebElement element, String path) {
        script("delete document.body.dataset.ready;");
        click(element);
        if (path != null) {
            awaitReady(path);
        }
    }

    /** The link text of the newest allocation in the year's list (its ledger line, e.g. "#31"). */
    String lastAllocationLine() {
        return (String) script("const links = Array.from(document.querySelectorAll('main table a[href*=\"/allocations/\"]'));"
                + "return links.map(a => a.textContent).sort((a, b) => Number(b.substring(1)) - Number(a.substring(1)))[0];");
    }

    /** An amount as the workbench shows it in Chinese, e.g. ¥1,234.50. */
    static String yuan(java.math.BigDecimal amount) {
        return "¥" + new java.text.DecimalFormat("#,##0.00").format(amount);
    }

    /** The workbench path a link goes to (its href without the leading '#' and any query). */
    String hrefOf(By link) {
        return browser.findElement(link).getAttribute("href").replaceAll("^.*#", "").split("\\?")[0];
    }

    WebElement form(String formId) {
        return browser.findElement(By.cssSelector("form[data-form='" + formId + "']"));
    }

    /** Clicks an element once it is scrolled to the middle of the window (where nothing covers it). */
    void click(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    /** Opens the panel of a command on the page (a {@code <details>}), if it is not open yet. */
    WebElement openAction(String formId) {
        WebElement panel = browser.findElement(By.cssSelector("details[data-action='" + formId + "']"));
        if (panel.getAttribute("open") == null) {
            click(panel.findElement(By.tagName("summary")));
        }
        return form(formId);
    }

    WebElement field(String formId, String name) {
        return form(formId).findElement(By.cssSelector("[name='" + name + "']"));
    }

    /** Types (or chooses) a value into a field as a person would; dates are set as the date picker sets them. */
    Workbench fill(String formId, String name, String value) {
        WebElement field = field(formId, name);
        if ("select".equals(field.getTagName())) {
            wait.until(d -> new Select(field).getOptions().stream().anyMatch(o -> value.equals(o.getAttribute("value"))));
            new Select(field).selectByValue(value);
        } else if ("date".equals(field.getAttribute("type"))) {
            script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                    + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, value);
        } else {
            field.clear();
            if (!value.isEmpty()) {
                field.sendKeys(value);
            }
        }
        return this;
    }

    /** Sends a form and waits for its answer: the page drawn again after success, or the refusal shown. */
    void send(String formId) {
        WebElement form = form(formId);
        script("delete document.body.dataset.ready; delete arguments[0].dataset.refused;", form);
        click(form.findElement(By.cssSelector("button[type=submit]")));
        awaitAnswer(form);
    }

    /** Sends the form the focus is in by pressing Enter, as a keyboard user does, and waits for its answer. */
    void pressEnterToSend() {
        WebElement form = focused().findElement(By.xpath("ancestor::form"));
        script("delete document.body.dataset.ready; delete arguments[0].dataset.refused;", form);
        keys(Keys.ENTER);
        awaitAnswer(form);
    }

    /** Sends a form that must be accepted: fails with what the page said if it was refused. */
    void sendAccepted(String formId) {
        WebElement form = form(formId);
        send(formId);
        try {
            String refused = (String) script("return arguments[0].isConnected ? (arguments[0].dataset.refused || '') : '';", form);
            assertThat(refused).as("%s refused: %s", formId, refused.isEmpty() ? "" : form.getText()).isEmpty();
        } catch (StaleElementReferenceException e) {
            // the page was drawn anew: accepted
        }
    }

    /** Waits until the page was drawn again (a command succeeded) or the form shows a refusal. */
    void awaitAnswer(WebElement form) {
        wait.until(d -> {
            if (!"".equals(script("return document.body.dataset.ready || '';"))) {
                return true;
            }
            try {
                return !"".equals(script("return arguments[0].dataset.refused || '';", form));
            } catch (StaleElementReferenceException e) {
                return false;
            }
        });
    }

    /** The refusal shown for one field of a form, or "" if none. */
    String errorAt(String formId, String name) {
        WebElement field = field(formId, name);
        return (String) script("const block = arguments[0].closest('[data-field]');"
                + "const box = block && block.querySelector(':scope > .wb-error'); return box ? box.textContent : '';", field);
    }

    String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    /** Runs a script that calls its last argument with its answer (a promise's result). */
    Object asyncScript(String js, Object... args) {
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return ((JavascriptExecutor) browser).executeAsyncScript(js, args);
    }

    /** Presses keys on whatever has the focus, as a keyboard user does. */
    void keys(CharSequence... keys) {
        browser.switchTo().activeElement().sendKeys(keys);
    }

    /** Moves on to the next field with Tab (a date field may take more than one: its parts are stops of their own). */
    void tab() {
        WebElement from = focused();
        for (int i = 0; i < 5 && from.equals(focused()); i++) {
            keys(Keys.TAB);
        }
    }

    /** Chooses an option of the focused list with the arrow keys, as a keyboard user does. */
    void chooseWithArrows(String value) {
        WebElement select = focused();
        wait.until(d -> new Select(select).getOptions().stream().anyMatch(o -> value.equals(o.getAttribute("value"))));
        for (int i = 0; i < 60 && !value.equals(select.getAttribute("value")); i++) {
            keys(Keys.ARROW_DOWN);
        }
        assertThat(select.getAttribute("value")).isEqualTo(value);
    }

    /** Types a date into the focused date field as its keyboard editing goes: month, day (each moves on), year. */
    void typeDate(String iso) {
        WebElement input = focused();
        String[] parts = iso.split("-");
        keys(parts[1]);
        keys(parts[2]);
        keys(parts[0]);
        assertThat(input.getAttribute("value")).as("typed date").isEqualTo(iso);
    }

    WebElement focused() {
        return browser.switchTo().activeElement();
    }

    /**
     * axe-core on the page as it is now (WCAG 2.1 A and AA rules and best practices): no critical or serious violation.
     * Every result is appended to {@code target/workbench/axe.txt}.
     */
    void checkAccessibility(String page) throws IOException {
        Results results = new AxeBuilder().analyze(browser);
        List<Rule> blocking = results.getViolations().stream().filter(r -> BLOCKING.contains(r.getImpact())).toList();
        Files.createDirectories(SHOTS);
        String report = page + ": " + results.getPasses().size() + " rules passed, " + results.getViolations().size()
                + " violated (" + blocking.size() + " critical or serious)"
                + results.getViolations().stream().map(r -> "\n  " + r.getImpact() + " " + r.getId() + ": " + r.getHelp()
                        + r.getNodes().stream().limit(3).map(n -> "\n    " + n.getTarget()).collect(Collectors.joining()))
                .collect(Collectors.joining()) + "\n";
        Files.writeString(SHOTS.resolve("axe.txt"), report, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertThat(blocking).as("critical or serious accessibility violations on %s:%n%s", page, report).isEmpty();
    }

    /** A screenshot of the page as it is now, under target/workbench/. */
    void screenshot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** What the page's scripts reported as errors since the last call (an uncaught exception, a failed module). */
    List<String> scriptErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                // a refused request is logged by the browser as a failed resource; the page handles it
                .filter(e -> !e.getMessage().contains("the server responded with a status of"))
                .map(LogEntry::getMessage).toList();
    }

    WebDriver driver() {
        return browser;
    }

    @Override
    public void close() {
        if (!OPEN.remove(this)) {
            return;
        }
        browser.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
