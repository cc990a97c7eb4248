package cn.chenzhou.plan.acceptance.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.chenzhou.plan.acceptance.RunningPlatform;
import cn.chenzhou.plan.sdk.Page;
import cn.chenzhou.plan.sdk.PlatformClient;
import cn.chenzhou.plan.sdk.demo.DemoDataset;
import cn.chenzhou.plan.sdk.demo.DemoLoader;
import cn.chenzhou.plan.sdk.demo.Principals;
import cn.chenzhou.plan.sdk.demo.Progress;
import cn.chenzhou.plan.sdk.funding.SpecialFund;
import cn.chenzhou.plan.sdk.projects.Projects;
import cn.chenzhou.plan.sdk.reports.Scorecard;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared platform started as a newcomer's first {@code ./platform up} does: the demo plan loaded before READY,
 * so the dashboard shows every target of the plan with the eleven counties living through 2012–2014; and loading it
 * again changes nothing.
 */
class DemoPlanSdkIT {
    private static final LocalDate END = LocalDate.of(2014, 12, 31);
    private static RunningPlatform platform;
    private static PlatformClient viewer;

    @BeforeAll
    static void connect() throws Exception {
        platform = RunningPlatform.shared();
        viewer = SdkClients.as(platform, "viewer");
    }

    @AfterAll
    static void close() {
        viewer.close();
    }

    @Test
    void theLauncherLoadedTheDemoPlanOnceAfterReadyAndRecordedIt() throws Exception {
        String output = platform.output();
        assertThat(output).contains("demo dataset chenzhou-2012-2014:");
        // READY as soon as everything answers; the demo plan is then loaded through the gateway, like any client would
        assertThat(output.indexOf("demo dataset chenzhou-2012-2014:")).isGreaterThan(output.indexOf("READY "));
        assertThat(output.lines().filter(l -> l.startsWith("READY")).count()).isEqualTo(1);
        assertThat(Files.readString(platform.dataDir().resolve("demo-dataset.properties"))).contains("status=loaded");
    }

    @Test
    void theDashboardShowsEveryTargetOfThePlanPopulatedAndTheCountiesApart() {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Scorecard s = viewer.reports().scorecard(END);
            assertThat(s.targets()).hasSizeGreaterThanOrEqualTo(19).allSatisfy(t -> {
                assertThat(t.status()).as(t.id()).isNotEqualTo("NO_DATA");
                assertThat(t.value()).as(t.id()).isNotBlank();
            });
            // met and missed: a living plan, not a finished one
            Set<String> statuses = s.targets().stream().map(Scorecard.Target::status).collect(Collectors.toSet());
            assertThat(statuses).contains("ACHIEVED").containsAnyOf("BEHIND", "AT_RISK", "ON_TRACK");
            for (String perCounty : List.of("T7", "T9", "T10", "F3")) {
                Scorecard.Target t = s.targets().stream().filter(x -> x.id().equals(perCounty)).findFirst().orElseThrow();
                assertThat(t.counties()).as(perCounty).hasSize(11);
                Set<String> judged = t.counties().stream().map(Scorecard.CountyLine::status).collect(Collectors.toSet());
                assertThat(judged).as(perCounty + " judged county by county").contains("ACHIEVED").doesNotContain("NO_DATA").hasSizeGreaterThan(1);
            }
        });
    }

    @Test
    void loadingTheDemoPlanAgainChangesNothing() throws Exception {
        long projects = viewer.projects().list(Projects.Filter.all(), 0, 1).total();
        var secured = viewer.funding().securedFundsProgress(END).net();
        List<Integer> allocations = viewer.funding().specialFunds().stream().map(SpecialFund::allocations).toList();
        long platforms = viewer.registry().platforms(null, null, null, null, null, 0, 1).total();

        AtomicInteger replayed = new AtomicInteger();
        try (Principals as = new Principals(platform.gateway(), platform.authorizationServer(),
                Principals.readSecrets(platform.dataDir().resolve("secrets/platform-secrets.properties")),
                PlatformClient.Settings.defaults().withMaxAttempts(10), (method, path, status, replay) -> {
                    if (replay) {
                        replayed.incrementAndGet();
                    }
                })) {
            DemoLoader.Result again = new DemoLoader(DemoDataset.builtIn(), as, Progress.silent(), 4).load(replayed::get);
            assertThat(again.applied()).isZero();
            assertThat(again.alreadyThere() + again.replayed()).isEqualTo(again.commands());
        }
        assertThat(viewer.projects().list(Projects.Filter.all(), 0, 1).total()).isEqualTo(projects);
        assertThat(viewer.funding().securedFundsProgress(END).net()).isEqualTo(secured);
        assertThat(viewer.funding().specialFunds().stream().map(SpecialFund::allocations).toList()).isEqualTo(allocations);
        assertThat(viewer.registry().platforms(null, null, null, null, null, 0, 1).total()).isEqualTo(platforms);
        assertThat(Page.all(n -> viewer.registry().assessments(null, 2014, null, n, Page.MAX_SIZE))).hasSize(11);
    }
}
