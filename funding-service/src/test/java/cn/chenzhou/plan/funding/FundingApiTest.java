package cn.chenzhou.plan.funding;

import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The API tests' one running funding-service (shared by every class extending this, so it starts once), on the
 * real broker and wire server. Each test class works on its own years, counties or entries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class FundingApiTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "funding_api_test");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoTemplate mongo;

    protected Http http() {
        return Http.local(port);
    }
}
