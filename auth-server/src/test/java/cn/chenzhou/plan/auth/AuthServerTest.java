package cn.chenzhou.plan.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.chenzhou.plan.contracts.identity.Principal;
import cn.chenzhou.plan.contracts.identity.Principals;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorization server as an attacker meets it: guessing client secrets and passwords is throttled per name from
 * an address, per address and per name (each failure costs a password hash), an unknown client id looks exactly like a known one with a
 * wrong secret, and a user and a client of the same name get tokens of distinct subjects. Each test comes from an
 * address of its own, as the throttle counts by address.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuthServerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REDIRECT = "http://localhost:8080/login/oauth2/code/platform";

    @DynamicPropertySource
    static void secrets(DynamicPropertyRegistry registry) throws Exception {
        for (Principal p : Principals.all()) {
            registry.add(p.secretKey(), () -> secretOf(p.name()));
        }
        Path keys = Files.createTempDirectory("auth-server-test");
        registry.add("platform.auth.signing-key-file", () -> keys.resolve("signing-key.json").toString());
        // a name guessed from everywhere is held after 10 failures here (100 as shipped), to try it in few requests
        registry.add("platform.auth.sign-in-throttle.failures-per-name", () -> "10");
    }

    private static String secretOf(String name) {
        return "secret-of-" + name + "-0123456789abcdef";
    }

    @Autowired
    MockMvc mvc;

    @MockitoSpyBean
    PasswordEncoder encoder;

    private static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder request, String address) {
        return request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }

    private MockHttpServletResponse token(String clientId, String secret, String address) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return mvc.perform(from(post("/oauth2/token"), address).header("Authorization", "Basic " + basic)
                .param("grant_type", "client_credentials").param("scope", "api")).andReturn().getResponse();
    }

    private static JsonNode claims(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    @Test
    void wrongSecretsForOneClientFromOneAddressAreRefused429ThereOnceFiveHaveFailed() throws Exception {
        String address = "10.1.0.1";
        for (int i = 0; i < 5; i++) {
            assertThat(token("county-431002", "a-guess-" + i, address).getStatus()).isEqualTo(401);
        }
        // the right secret too: or the answer would tell the guesser it had guessed right
        MockHttpServletResponse throttled = token("county-431002", secretOf("county-431002"), address);
        assertThat(throttled.getStatus()).isEqualTo(429);
        assertThat(throttled.getContentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(throttled.getHeader("Retry-After"))).isBetween(1L, 300L);
        assertThat(throttled.getContentAsString()).contains("too-many-sign-in-attempts");

        // another client from the same address is not held up by a neighbour's failures, nor the portal itself
        // signing in from its own address: one guesser cannot lock a county out
        assertThat(token("county-431003", secretOf("county-431003"), address).getStatus()).isEqualTo(200);
        assertThat(token("county-431002", secretOf("county-431002"), "10.1.0.11").getStatus()).isEqualTo(200);
    }

    @Test
    void aClientGuessedFromManyAddressesIsRefused429Everywhere() throws Exception {
        // ten failures, none of the addresses near its own budgets
        for (String address : new String[] {"10.1.1.1", "10.1.1.2", "10.1.1.3", "10.1.1.4", "10.1.1.5"}) {
            for (int i = 0; i < 2; i++) {
                assertThat(token("county-431026", "a-guess-" + i, address).getStatus()).isEqualTo(401);
            }
        }
        assertThat(token("county-431026", secretOf("county-431026"), "10.1.1.9").getStatus()).isEqualTo(429);
    }

    @Test
    void failuresFromOneAddressAreThrottledWhateverNameTheyTry() throws Exception {
        String guesser = "10.1.0.2";
        String[] names = {"county-431021", "county-431022", "not-a-client-1", "not-a-client-2", "plan-office"};
        for (String name : names) {
            for (int i = 0; i < 4; i++) {
                assertThat(token(name, "a-guess-" + i, guesser).getStatus()).isEqualTo(401);
            }
        }
        assertThat(token("county-431023", secretOf("county-431023"), guesser).getStatus()).isEqualTo(429);
        // the same client from its own address is served: only the guesser's address is held
        assertThat(token("county-431021", secretOf("county-431021"), "10.1.0.3").getStatus()).isEqualTo(200);
    }

    @Test
    void anUnknownClientIdCostsAPasswordHashAndIsAnsweredInTheSameWordsAsAWrongSecret() throws Exception {
        clearInvocations(encoder);
        MockHttpServletResponse unknown = token("county-999999", "a-guess", "10.1.0.4");
        verify(encoder, times(1)).matches(any(), anyString());
        clearInvocations(encoder);
        MockHttpServletResponse known = token("county-431024", "a-guess", "10.1.0.4");
        verify(encoder, times(1)).matches(any(), anyString());

        assertThat(unknown.getStatus()).isEqualTo(401).isEqualTo(known.getStatus());
        assertThat(unknown.getContentAsString()).isEqualTo(known.getContentAsString()).contains("invalid_client");
    }

    @Test
    void wrongPasswordsForOneUserAreRefused429OnceFiveHaveFailedAndAnUnknownUserCostsAHashToo() throws Exception {
        String address = "10.1.0.5";
        for (int i = 0; i < 5; i++) {
            MockHttpServletResponse failed = signIn("staff-431025", "a-guess-" + i, address, new MockHttpSession());
            assertThat(failed.getStatus()).isEqualTo(302);
            assertThat(failed.getRedirectedUrl()).endsWith("/login?error");
        }
        MockHttpServletResponse throttled = signIn("staff-431025", secretOf("staff-431025"), address, new MockHttpSession());
        assertThat(throttled.getStatus()).isEqualTo(429);
        assertThat(throttled.getHeader("Retry-After")).isNotBlank();

        clearInvocations(encoder);
        signIn("no-such-user", "a-guess", "10.1.0.6", new MockHttpSession());
        verify(encoder, times(1)).matches(any(), anyString());
    }

    @Test
    void aUserAndAClientOfTheSameNameGetTokensOfDistinctSubjects() throws Exception {
        MockHttpServletResponse client = token("viewer", secretOf("viewer"), "10.1.0.7");
        assertThat(claims(JSON.readTree(client.getContentAsString()).get("access_token").asString()).get("sub").asString())
                .isEqualTo("viewer");

        JsonNode user = userTokens("viewer", "10.1.0.8");
        assertThat(claims(user.get("access_token").asString()).get("sub").asString()).isEqualTo("user:viewer");
        assertThat(claims(user.get("access_token").asString()).get("roles").get(0).asString()).isEqualTo("VIEWER");
        // the ID token (and so the gateway's session) names the same subject as the access token
        assertThat(claims(user.get("id_token").asString()).get("sub").asString()).isEqualTo("user:viewer");
    }

    private MockHttpServletResponse signIn(String username, String password, String address, MockHttpSession session)
            throws Exception {
        String page = mvc.perform(from(get("/login"), address).session(session)).andReturn().getResponse().getContentAsString();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as(page).isTrue();
        return mvc.perform(from(post("/login"), address).session(session).param("username", username)
                .param("password", password).param("_csrf", csrf.group(1))).andReturn().getResponse();
    }

    /** The gateway's sign-in of a user (authorization code with PKCE), done by hand: the user's tokens. */
    private JsonNode userTokens(String username, String address) throws Exception {
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        MockHttpSession session = new MockHttpSession();
        // the authorization server reads an authorization request's parameters from its query string
        URI authorize = UriComponentsBuilder.fromPath("/oauth2/authorize").queryParam("response_type", "code")
                .queryParam("client_id", Principals.GATEWAY_CLIENT).queryParam("scope", "openid api")
                .queryParam("redirect_uri", REDIRECT).queryParam("state", "s").queryParam("code_challenge", challenge)
                .queryParam("code_challenge_method", "S256").encode().build().toUri();
        mvc.perform(from(get(authorize), address).session(session).accept("text/html")).andReturn();
        // signed in, the browser is sent back to the authorization request it made
        String back = signIn(username, secretOf(username), address, session).getRedirectedUrl();
        assertThat(back).contains("/oauth2/authorize");
        MockHttpServletResponse authorized = mvc.perform(from(get(URI.create(back)), address).session(session)).andReturn().getResponse();
        String redirect = authorized.getRedirectedUrl();
        assertThat(redirect).as(authorized.getStatus() + " " + authorized.getErrorMessage()).startsWith(REDIRECT);
        String code = UriComponentsBuilder.fromUri(URI.create(redirect)).build().getQueryParams().getFirst("code");
        String basic = Base64.getEncoder().encodeToString((Principals.GATEWAY_CLIENT + ":" + secretOf(Principals.GATEWAY_CLIENT))
                .getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse tokens = mvc.perform(from(post("/oauth2/token"), address).header("Authorization", "Basic " + basic)
                .param("grant_type", "authorization_code").param("code", code).param("redirect_uri", REDIRECT)
                .param("code_verifier", verifier)).andReturn().getResponse();
        assertThat(tokens.getStatus()).as(tokens.getContentAsString()).isEqualTo(200);
        return JSON.readTree(tokens.getContentAsString());
    }
}
