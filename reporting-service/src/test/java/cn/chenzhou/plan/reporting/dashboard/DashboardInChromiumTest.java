package cn.chenzhou.plan.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.chenzhou.plan.chassis.testing.TestInfrastructure;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.contracts.registry.PlatformAccredited;
import cn.chenzhou.plan.contracts.registry.RegistryEvents;
import cn.chenzhou.plan.reporting.facts.FactsReadModel;
import cn.chenzhou.plan.reporting.testing.ChenzhouHistory;
import cn.chenzhou.plan.reporting.testing.EventFeed;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.v156.network.Network;
import org.openqa.selenium.devtools.v156.network.model.Headers;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard in real headless Chromium: it shows the scorecard, and when an event arrives on the broker the page
 * updates itself (server-sent events), without a reload. The browser carries a bearer token straight to the service,
 * set with the DevTools protocol, as the gateway does for a signed-in user. Screenshots go to {@code target/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DashboardInChromiumTest {
    private static final String PREFIX = "it-dashboard";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "reporting_dashboard_test");
        EventFeed.register(registry, PREFIX);
    }

    @LocalServerPort
    int port;

    @Autowired
    FactsReadModel facts;

    private ChromeDriver browser;
    private Path profile;

    @BeforeEach
    void chromium() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is not installed (/usr/bin/chromium, /usr/bin/chromedriver): "
                        + "apt-get install -y chromium chromium-driver — .ci/run does this");
        profile = Files.createTempDirectory("dashboard-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1600,2200", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        DevTools devTools = browser.getDevTools();
        devTools.createSession();
        devTools.send(Network.enable(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        devTools.send(Network.setExtraHTTPHeaders(new Headers(Map.of("Authorization", "Bearer " + TestTokens.viewer()))));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theDashboardShowsTheScorecardAndUpdatesItselfWhenAnEventArrives() throws Exception {
        try (EventFeed feed = new EventFeed(PREFIX)) {
            new ChenzhouHistory(feed).tell();
            var last = feed.lastSequences();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> facts.read(b ->
                    last.entrySet().stream().allMatch(e -> b.sequenceOf(e.getKey()) >= e.getValue())));

            browser.get("http://localhost:" + port + "/dashboard");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            By t8a = By.cssSelector("#scorecard tr[data-target='T8a'] td.value");
            wait.until(d -> d.findElements(t8a).size() == 1 && "3".equals(d.findElement(t8a).getText()));
            assertThat(browser.findElement(By.cssSelector("h1")).getText()).contains("三年行动计划");
            assertThat(browser.findElements(By.cssSelector("#scorecard tbody tr"))).hasSize(20);
            assertThat(browser.findElement(By.cssSelector("#scorecard tr[data-target='T8a'] .chip")).getText()).isEqualTo("有风险");
            wait.until(d -> d.findElement(By.id("liveText")).getText().equals("实时连接"));
            wait.until(d -> !d.findElements(By.cssSelector("#heatmap canvas")).isEmpty());
            Object loadedAt = script("return window.__dashboardLoadedAt;");
            screenshot("dashboard-before-event.png");

            // a provincial platform is accredited in Guiyang: T8a goes from 3 to 4 on the open page
            feed.publish(RegistryEvents.PLATFORM_ACCREDITED, "plat-gy", ChenzhouHistory.GUIYANG, new PlatformAccredited("plat-gy",
                    ChenzhouHistory.GUIYANG, "ENGINEERING_CENTRE", "PROVINCIAL", "湖南省科学技术厅", "湘科认〔2014〕9号", "2014-10-10"));
            wait.until(d -> "4".equals(d.findElement(t8a).getText()));
            assertThat(script("return window.__dashboardLoadedAt;")).as("no reload").isEqualTo(loadedAt);
            WebElement t8c = browser.findElement(By.cssSelector("#scorecard tr[data-target='T8c'] td.value"));
            assertThat(t8c.getText()).as("Guiyang now has a municipal-or-higher platform").isEqualTo("6/11");
            screenshot("dashboard.png");

            browser.get("http://localhost:" + port + "/dashboard?lang=en&county=431021");
            wait.until(d -> "4".equals(d.findElement(t8a).getText()));
            wait.until(d -> !d.findElements(By.cssSelector("#countyTable tbody tr")).isEmpty());
            assertThat(browser.findElement(By.cssSelector("#scorecard tr[data-target='T8a'] .chip")).getText()).isEqualTo("at risk");
            screenshot("dashboard-en.png");
        }
    }

    private Object script(String js) {
        return ((JavascriptExecutor) browser).executeScript(js);
    }

    private void screenshot(String name) throws Exception {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
