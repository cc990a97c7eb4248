package cn.chenzhou.plan.benchmark;

import cn.chenzhou.plan.contracts.County;
import cn.chenzhou.plan.contracts.CreditCode;
import cn.chenzhou.plan.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The commands and reads the benchmark sends, as the bureau's clients send them: the eleven county portals draft
 * projects ({@code POST /api/projects}), the finance section records secured funds ({@code POST
 * /api/funding/secured-funds}) — neither exhausts a budget, so every one is accepted — and everyone reads a project
 * ({@code GET /api/projects/{id}}). Every command carries an {@code Idempotency-Key}, as the SDK sends it.
 */
final class Workload {
    static final List<String> COUNTIES = County.codes();
    static final String FINANCE = "finance";
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Tokens tokens;

    /** @param tokens the tokens of the county portals ({@code county-<code>}), {@code finance} and {@code viewer} */
    Workload(Tokens tokens) {
        this.tokens = tokens;
    }

    /** The twelve writing clients: eleven county portals and finance. */
    static List<String> writers() {
        List<String> clients = new ArrayList<>();
        COUNTIES.forEach(c -> clients.add("county-" + c));
        clients.add(FINANCE);
        return clients;
    }

    String token(String client) {
        return tokens.of(client);
    }

    /** A command, and where its effect shows in reporting: the topic of its events. */
    record Command(String client, String path, String body, String topic) {
    }

    /** Command {@code i} of a phase: clients take turns, so eleven counties and finance write at the same rate. */
    Command mixed(long i) {
        int writers = COUNTIES.size() + 1;
        int k = (int) (i % writers);
        return k < COUNTIES.size() ? draft(COUNTIES.get(k), i) : securedFunds(COUNTIES.get((int) (i / writers % COUNTIES.size())), i);
    }

    /** The topic command {@code i} of {@link #mixed} publishes to, without building the command. */
    String mixedTopic(long i) {
        return i % (COUNTIES.size() + 1) < COUNTIES.size() ? Topics.PROJECTS : Topics.FUNDING;
    }

    /** Command {@code i} when only county portals write (the gateway-cost phases). */
    Command countyDraft(long i) {
        return draft(COUNTIES.get((int) (i % COUNTIES.size())), i);
    }

    Command draft(String county, long i) {
        String body = """
                {"county":"%s","title":"县域科技项目 %s-%d","programme":"COUNTY_ECONOMY","level":"MUNICIPAL",\
                "requestedAmount":"500000.00","draftedOn":"2012-06-01",\
                "period":{"start":"2012-07-01","end":"2014-06-30"},"contact":{"name":"李明","phone":"0735-5551234"},\
                "applicant":{"name":"县域科技企业","creditCode":"%s"}}"""
                .formatted(county, run, i, applicantCode(county));
        return new Command("county-" + county, "/api/projects", body, Topics.PROJECTS);
    }

    /** A valid credit code of an enterprise of the county: a county's applicants are of that county. */
    private static String applicantCode(String county) {
        String first17 = "91" + county + "MA4L5EAY5";
        return first17 + CreditCode.checkCharacter(first17);
    }

    Command securedFunds(String county, long i) {
        String body = """
                {"county":"%s","level":"NATIONAL","programme":"SPARK","amount":"10000.00","securedOn":"2013-04-01",\
                "documentNo":"国科发计〔2013〕%s-%d号"}""".formatted(county, run, i);
        return new Command(FINANCE, "/api/funding/secured-funds", body, Topics.FUNDING);
    }

    CompletableFuture<Http.Reply> send(Http http, String base, Command c, String phase, long i) {
        return http.postJson(base + c.path(), token(c.client()), c.body(), "bench-" + run + "-" + phase + "-" + i);
    }
}
