package cn.chenzhou.plan.projects;

import cn.chenzhou.plan.chassis.testing.Outboxes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestInfrastructure;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.contracts.CreditCode;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * project-service running for real on the JVM's Kafka broker and MongoDB-wire server, driven over HTTP with real
 * tokens. All service tests share this one application context (and database), so each test works on aggregates
 * of its own and asserts on them, never on whole collections.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ProjectServiceTest {
    protected static final String YONGXING = "431023";
    protected static final String ZIXING = "431081";
    protected static final String CREDIT_CODE = "91431023MA4L5EAY54";

    protected static final String SUBMIT = "\"submittedOn\":\"2012-06-15\"";
    protected static final String PASS = "\"outcome\":\"PASSED\",\"reviewedOn\":\"2012-06-20\"";
    protected static final String EXPERTS = """
            "reviews":[{"expert":"王教授","score":86,"opinion":"技术路线可行"},
                       {"expert":"刘研究员","score":82,"opinion":"经济效益明显"},
                       {"expert":"陈高工","score":90.5,"opinion":"建议立项"}],"reviewedOn":"2012-07-10\"""";
    protected static final String APPROVE = "\"approvedAmount\":\"450000.00\",\"taskContractNo\":\"CZKJ-2012-017\",\"approvedOn\":\"2012-08-01\"";
    protected static final String START = "\"startedOn\":\"2012-09-01\"";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "project_service_test");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoTemplate mongo;

    protected Http http() {
        return Http.local(port);
    }

    protected static String admin() {
        return TestTokens.admin();
    }

    protected static String county(String code) {
        return TestTokens.county(code);
    }

    /**
     * A valid credit code of an enterprise registered in {@code county} (its division is the county's): a county's
     * applicants are of that county. {@link #CREDIT_CODE} is 永兴县's.
     */
    protected static String creditCode(String county) {
        String first17 = "91" + county + "MA4L5EAY5";
        return first17 + CreditCode.checkCharacter(first17);
    }

    /** The application a 永兴县 project has, as the API takes it, without the county (a revision has the same fields). */
    protected static String applicationFields(String programme, String level, String requested) {
        return applicationFields(YONGXING, programme, level, requested);
    }

    /** The application a county drafts, its applicant of that county. */
    protected static String applicationFields(String county, String programme, String level, String requested) {
        return """
                "title":"稀贵金属综合回收关键技术研究","programme":"%s","level":"%s",
                "applicant":{"name":"永兴县稀贵金属再生利用有限公司","creditCode":"%s"},
                "requestedAmount":"%s","period":{"start":"2012-07-01","end":"2014-06-30"},
                "contact":{"name":"李明","phone":"0735-5551234","email":"liming@example.cn"}""".formatted(
                programme, level, creditCode(county), requested);
    }

    protected static String draftBody(String county) {
        return draftBody(county, "COUNTY_ECONOMY", "MUNICIPAL", "2012-06-01");
    }

    protected static String draftBody(String county, String programme, String level, String draftedOn) {
        return "{\"county\":\"" + county + "\"," + applicationFields(county, programme, level, "500000.00")
                + ",\"draftedOn\":\"" + draftedOn + "\"}";
    }

    /** A county drafts a project; returns its id. */
    protected String draft(String county) {
        Http.Response created = http().post("/api/projects", county(county), draftBody(county));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    protected long version(String projectId) {
        return http().get("/api/projects/" + projectId, admin()).json().get("version").asLong();
    }

    /** Takes a step on a project with the version it has now, e.g. {@code act(id, "approve", admin(), APPROVE)}. */
    protected Http.Response act(String projectId, String step, String token, String fields) {
        return http().post("/api/projects/" + projectId + "/" + step, token,
                "{\"version\":" + version(projectId) + "," + fields + "}");
    }

    protected void ok(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** A project of the county brought through submission, formal and expert review, to approval. */
    protected String approvedProject(String county) {
        String id = expertReviewedProject(county);
        ok(act(id, "approve", admin(), APPROVE));
        return id;
    }

    protected String expertReviewedProject(String county) {
        String id = draft(county);
        ok(act(id, "submit", county(county), SUBMIT));
        ok(act(id, "formal-review", admin(), PASS));
        ok(act(id, "expert-review", admin(), EXPERTS));
        return id;
    }

    /** Waits until the relay has published every event stored so far, so that a probe created next sees only new ones. */
    protected void awaitOutboxDrained() {
        Outboxes.awaitEmpty(mongo);
    }

    protected static String type(ConsumerRecord<String, byte[]> event) {
        return Outboxes.type(event);
    }

    protected static String data(ConsumerRecord<String, byte[]> event) {
        return Outboxes.data(event);
    }
}
