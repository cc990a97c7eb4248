package cn.chenzhou.plan.acceptance.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.acceptance.RunningPlatform;
import cn.chenzhou.plan.contracts.Money;
import cn.chenzhou.plan.sdk.Level;
import cn.chenzhou.plan.sdk.PlatformClient;
import cn.chenzhou.plan.sdk.funding.SecuredFunds;
import cn.chenzhou.plan.sdk.projects.Project;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.Applicant;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.Contact;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.DraftProject;
import cn.chenzhou.plan.sdk.projects.ProjectRequests.Period;
import cn.chenzhou.plan.sdk.projects.Projects;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A command sent again with the same Idempotency-Key — because its answer was lost, or a caller retried it at the same
 * moment — is applied once, and every sender gets the identical first answer.
 */
class IdempotentRetrySdkIT {
    private static PlatformClient finance;
    private static PlatformClient county;

    @BeforeAll
    static void connect() throws Exception {
        RunningPlatform platform = RunningPlatform.shared();
        finance = SdkClients.as(platform, "finance");
        county = SdkClients.as(platform, "county-431021");
    }

    @AfterAll
    static void close() {
        finance.close();
        county.close();
    }

    @Test
    void securedFundsSentTwiceWithTheSameKeyAreRecordedOnceAndAnsweredIdentically() {
        String key = "retry-" + SdkClients.unique();
        SecuredFunds.Secure command = new SecuredFunds.Secure("431021", Level.NATIONAL, "SPARK", null,
                Money.ofYuan(480_000), LocalDate.of(2009, 8, 1), "财教〔2009〕R1号");
        long before = finance.funding().securedFunds("431021", null, 2009, 0, 50).total();

        JsonNode first = finance.post("/api/funding/secured-funds", command, key);
        JsonNode again = finance.post("/api/funding/secured-funds", command, key);
        SecuredFunds typed = finance.funding().secureFunds(command, key);

        assertThat(again).isEqualTo(first);
        assertThat(typed.id()).isEqualTo(first.get("id").asString());
        assertThat(finance.funding().securedFunds("431021", null, 2009, 0, 50).total()).isEqualTo(before + 1);
    }

    @Test
    void aDraftRetriedAtTheSameMomentFromFourThreadsMakesOneProject() throws Exception {
        String key = "retry-" + SdkClients.unique();
        String title = "烤烟烘烤余热回收 " + key;
        DraftProject draft = new DraftProject("431021", title, "SPARK", Level.NATIONAL,
                new Applicant("桂阳县舂陵烟草机械有限公司", SdkClients.newCreditCode("431021")), Money.ofYuan(300_000),
                new Period(LocalDate.of(2014, 6, 1), LocalDate.of(2015, 5, 31)), new Contact("王振宇", "0735-4422613"),
                LocalDate.of(2014, 4, 1));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Project>> senders = List.of(() -> county.projects().draft(draft, key),
                    () -> county.projects().draft(draft, key), () -> county.projects().draft(draft, key),
                    () -> county.projects().draft(draft, key));
            List<Project> answers = pool.invokeAll(senders).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).toList();
            assertThat(answers).extracting(Project::id).containsOnly(answers.get(0).id());
        } finally {
            pool.shutdownNow();
        }
        long drafted = county.projects().list(Projects.Filter.all().year(2014), 0, 200).items().stream()
                .filter(p -> p.title().equals(title)).count();
        assertThat(drafted).isEqualTo(1);
    }
}
