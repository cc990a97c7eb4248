package cn.chenzhou.plan.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The workbench as a person meets it, in headless Chromium: how long a page takes from the start of its navigation
 * until it is usable (its data drawn: the router's {@code workbench-ready} mark), and a form's round trip — from the
 * click on "save" until the saved project's page is drawn (the command, then the reads of the page it opens).
 * Runs only where Chromium and chromedriver are installed.
 */
final class WorkbenchSpeed implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver browser;
    private final WebDriverWait wait;
    private final Path profile;
    private final String gateway;

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    WorkbenchSpeed(String gateway) throws IOException {
        this.gateway = gateway;
        this.profile = Files.createTempDirectory("benchmark-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1440,1000", "--lang=zh-CN");
        this.browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    void signIn(String user, String password) {
        browser.get(gateway + "/");
        wait.until(d -> !d.findElements(By.id("username")).isEmpty());
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> "/".equals(js("return document.body && document.body.dataset.ready;")));
    }

    /** Milliseconds from the start of each full page load (a new document) until the page's data is drawn. */
    List<Double> pageLoads(String route, int count) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            browser.get(gateway + "/?load=" + i + "#" + route);
            wait.until(d -> route.equals(js("return document.body && document.body.dataset.ready;")));
            ms.add(((Number) js("return performance.getEntriesByName('workbench-ready')[0].startTime;")).doubleValue());
        }
        return ms;
    }

    /** Milliseconds from the click on "save" of a county's new project until the saved project's page is drawn. */
    List<Double> draftRoundTrips(String county, int count) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            browser.get(gateway + "/?draft=" + i + "#/projects/new");
            wait.until(d -> "/projects/new".equals(js("return document.body && document.body.dataset.ready;")));
            wait.until(d -> Boolean.TRUE.equals(js("return document.querySelector('select[name=programme]').options.length > 1;")));
            Map<String, String> values = Map.of("title", "工作台基准测试项目 " + i, "programme", "SPARK", "level", "MUNICIPAL",
                    "applicant.name", "基准测试有限公司", "applicant.creditCode", "91431023MA4L5EAY54", "requestedAmount", "100000.00",
                    "period.start", "2013-01-01", "period.end", "2013-12-31", "contact.name", "张三", "contact.phone", "0735-1234567");
            js("const form = document.querySelector('form[data-form=draftProject]');"
                    + "for (const [name, value] of Object.entries(arguments[0])) { form.elements[name].value = value; }", values);
            Object elapsed = ((JavascriptExecutor) browser).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    delete document.body.dataset.ready;
                    const started = performance.now();
                    document.querySelector('form[data-form=draftProject] button[type=submit]').click();
                    const poll = () => {
                      const ready = document.body.dataset.ready || '';
                      if (ready.startsWith('/projects/prj-')) { done(performance.now() - started); }
                      else if (document.querySelector('form[data-refused]')) { done(-1); }
                      else { setTimeout(poll, 2); }
                    };
                    poll();""");
            double value = ((Number) elapsed).doubleValue();
            if (value < 0) {
                throw new IllegalStateException("the draft was refused: " + browser.findElement(By.tagName("main")).getText());
            }
            ms.add(value);
        }
        return ms;
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** The value below which the given share of the samples lie (nearest rank). */
    static double percentile(List<Double> samples, double share) {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(share * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    @Override
    public void close() {
        browser.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
