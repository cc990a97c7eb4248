package cn.chenzhou.plan.chassis.sample;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestInfrastructure;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Every list is paged one way: a page past the end is an empty page with the list's total (never the first page, never
 * a 500), and a page or size out of bounds — however large — is a 400 naming the parameter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=widget-service")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagingTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "chassis_paging_test");
    }

    @LocalServerPort
    int port;

    @BeforeAll
    void threeWidgets() {
        for (String id : new String[] {"w-1", "w-2", "w-3"}) {
            Http.Response made = Http.local(port).post("/widgets", TestTokens.county("431023"),
                    "{\"id\":\"" + id + "\",\"county\":\"431023\",\"name\":\"n\",\"price\":\"1.00\"}");
            assertThat(made.status()).as(made.toString()).isIn(201, 409);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/widgets/page", "/widgets/numbers"})
    void pagesFollowEachOtherAndAPagePastTheEndIsEmptyWithTheTotal(String list) {
        JsonNode first = read(list + "?page=0&size=2");
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        long total = first.get("total").asLong();
        assertThat(total).isGreaterThanOrEqualTo(3);

        JsonNode second = read(list + "?page=1&size=2");
        assertThat(second.get("items").get(0)).isNotEqualTo(first.get("items").get(0));

        for (String past : new String[] {"?page=" + (total / 2 + 1) + "&size=2", "?page=100000&size=200", "?page=100000"}) {
            JsonNode page = read(list + past);
            assertThat(page.get("items")).as(past).isEmpty();
            assertThat(page.get("total").asLong()).as(past).isEqualTo(total);
        }
    }

    @Test
    void theDefaultIsTheFirstPageOfTwenty() {
        JsonNode page = read("/widgets/numbers");
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(20);
        assertThat(page.get("items")).hasSize(20);
        assertThat(page.get("items").get(0).asInt()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "page=107374183&size=20|page", "page=2147483648|page", "page=99999999999999999999|page",
            "page=100001|page", "page=-1|page", "page=%2B1|page", "page=1.0|page", "page=|page", "page=first|page",
            "page=1&page=2|page", "size=0|size", "size=201|size", "size=99999999999|size", "size=-20|size",
            "size=%20|size"})
    void aPageOrSizeOutOfBoundsIsA400NamingIt(String query, String field) {
        for (String list : new String[] {"/widgets/page", "/widgets/numbers"}) {
            Http.Response response = Http.local(port).get(list + "?" + query, TestTokens.viewer());
            assertThat(response.status()).as("%s?%s: %s", list, query, response).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        }
    }

    @Test
    void theApiDescriptionShowsPageAndSizeAsBoundedQueryParameters() {
        Http.Response docs = Http.local(port).get("/v3/api-docs", TestTokens.admin());
        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        JsonNode parameters = docs.json().at("/paths/~1widgets~1numbers/get/parameters");
        assertThat(parameters.findValuesAsString("name")).containsExactlyInAnyOrder("page", "size");
        for (JsonNode p : parameters) {
            assertThat(p.get("in").asString()).isEqualTo("query");
            assertThat(p.at("/schema/maximum").asInt()).isEqualTo(p.get("name").asString().equals("page") ? 100000 : 200);
        }
    }

    private JsonNode read(String path) {
        Http.Response response = Http.local(port).get(path, TestTokens.viewer());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
