package com.realsim.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.jayway.jsonpath.JsonPath;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The browser's protections, generated from the registered request mappings as in {@link TenantIsolationTest} (whose
 * fixtures give path variables real records): every state-changing page (POST, PUT, PATCH, DELETE outside the Partner
 * API and the authorization server, and Spring Security's own sign-in and sign-out) refuses a signed-in user's request
 * without its CSRF token with 403, while the same request with the token gets past (so the 403 is the token's); every
 * GET page, for nobody signed in and for each role, and every Partner API GET answer carry the security headers.
 * Sessions and cookies over real HTTP are {@link WebSecurityOverHttpTest}'s.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WebSecurityTest {

    /** State-changing endpoints that are filters rather than mappings: Spring Security's sign-in and sign-out. */
    static final List<Endpoint> FILTER_ENDPOINTS =
            List.of(new Endpoint(HttpMethod.POST, "/login"), new Endpoint(HttpMethod.POST, "/logout"));

    /**
     * GET answers that are no request mapping: the authorization server's keys, static assets, health. The mappings'
     * list cannot name them; a filter or a resource handler serves them.
     */
    static final List<Endpoint> OTHER_GETS = List.of(
            new Endpoint(HttpMethod.GET, "/oauth2/jwks"),
            new Endpoint(HttpMethod.GET, "/css/app.css"),
            new Endpoint(HttpMethod.GET, "/js/app.js"),
            new Endpoint(HttpMethod.GET, "/webjars/bootstrap/css/bootstrap.min.css"),
            new Endpoint(HttpMethod.GET, "/actuator/health"));

    /** Where the CSRF token does not apply, and why. */
    static final Map<String, String> WITHOUT_CSRF = new LinkedHashMap<>();

    static {
        WITHOUT_CSRF.put("/api/", "the Partner API: bearer tokens in a header, no cookies, no session");
        WITHOUT_CSRF.put("/oauth2/", "the authorization server's token endpoint: client credentials, no session");
    }

    static final Set<RequestMethod> STATE_CHANGING =
            Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);

    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

    record Endpoint(HttpMethod method, String pattern) implements Comparable<Endpoint> {

        String key() {
            return method.name() + " " + pattern;
        }

        boolean api() {
            return pattern.startsWith("/api/");
        }

        @Override
        public int compareTo(Endpoint other) {
            return key().compareTo(other.key());
        }
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    /** Tenant A's records, made once for both factories (the context is shared too). */
    private static TenantIsolationTest.World world;

    TenantIsolationTest.World world() {
        if (world == null) {
            world = new TenantIsolationTest.World(context);
        }
        return world;
    }

    Set<Endpoint> endpoints(Set<RequestMethod> wanted) {
        Set<Endpoint> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<RequestMethod> each = methods.isEmpty() ? Arrays.asList(RequestMethod.values()) : List.copyOf(methods);
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : each) {
                    if (wanted.contains(method)) {
                        endpoints.add(new Endpoint(method.asHttpMethod(), pattern));
                    }
                }
            }
        }
        return endpoints;
    }

    /** The state-changing endpoints the browser's CSRF protection must cover. */
    Set<Endpoint> stateChangingPages() {
        Set<Endpoint> pages = new TreeSet<>(FILTER_ENDPOINTS);
        for (Endpoint endpoint : endpoints(STATE_CHANGING)) {
            if (WITHOUT_CSRF.keySet().stream().noneMatch(endpoint.pattern()::startsWith)) {
                pages.add(endpoint);
            }
        }
        return pages;
    }

    @Test
    void theStateChangingPagesWereFound() {
        assertThat(stateChangingPages())
                .as("the mappings were read")
                .hasSizeGreaterThan(40)
                .extracting(Endpoint::key)
                .contains("POST /login", "POST /logout", "POST /admin/users", "POST /orders/{id}/approve");
    }

    /** Path variables: tenant A's records from {@link TenantIsolationTest}'s fixtures, samples, or else "0". */
    static String uri(String pattern, TenantIsolationTest.World world) {
        Optional<TenantIsolationTest.Kind> kind = Optional.empty();
        Optional<String> sample = Optional.empty();
        for (var fixture : TenantIsolationTest.FIXTURES.entrySet()) {
            if (pattern.equals(fixture.getKey()) || pattern.startsWith(fixture.getKey() + "/")) {
                kind = Optional.of(fixture.getValue());
            }
        }
        for (var exempt : TenantIsolationTest.NOT_TENANT_OWNED.entrySet()) {
            if (pattern.equals(exempt.getKey()) || pattern.startsWith(exempt.getKey() + "/")) {
                sample = exempt.getValue().sample();
            }
        }
        String value = kind.isPresent() ? world.values.get(kind.get()) : sample.orElse("0");
        return VARIABLE.matcher(pattern).replaceAll(Matcher.quoteReplacement(value));
    }

    /** ADMIN, OPS, and tenant A's agent and enterprise admin, who own the fixtures' records. */
    static Map<String, Actor> signedIn(TenantIsolationTest.World world) {
        Map<String, Actor> actors = new LinkedHashMap<>();
        actors.put("ADMIN", ActorAuthentication.actor(Role.ADMIN, null, null));
        actors.put("OPS", ActorAuthentication.actor(Role.OPS, null, null));
        actors.put("AGENT", world.ownerAgent);
        actors.put("ENTERPRISE_ADMIN", world.ownerEnterpriseAdmin);
        return actors;
    }

    // --- CSRF -------------------------------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everyStateChangingPageRefusesARequestWithoutItsCsrfToken() {
        TenantIsolationTest.World world = world();
        Map<String, Actor> actors = signedIn(world);
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : stateChangingPages()) {
            tests.add(DynamicTest.dynamicTest(endpoint.key(), () -> {
                String uri = uri(endpoint.pattern(), world);
                List<String> refusedOnlyByRole = new ArrayList<>();
                boolean someoneGetsPast = false;
                for (Map.Entry<String, Actor> actor : actors.entrySet()) {
                    MockHttpServletResponse without = call(endpoint, uri, actor.getValue(), false);
                    assertThat(without.getStatus())
                            .as(
                                    "%s %s as %s without a CSRF token: %s",
                                    endpoint.method(), uri, actor.getKey(), excerpt(without))
                            .isEqualTo(403);
                    MockHttpServletResponse with = call(endpoint, uri, actor.getValue(), true);
                    if (with.getStatus() == 403) {
                        refusedOnlyByRole.add(actor.getKey());
                    } else {
                        someoneGetsPast = true;
                    }
                }
                assertThat(someoneGetsPast)
                        .as(
                                "with its token, %s %s gets past the CSRF check for some role (refused: %s)",
                                endpoint.method(), uri, refusedOnlyByRole)
                        .isTrue();
            }));
        }
        return tests.stream();
    }

    private MockHttpServletResponse call(Endpoint endpoint, String uri, Actor actor, boolean withToken)
            throws Exception {
        String key = endpoint.key();
        AbstractMockHttpServletRequestBuilder<?> request = TenantIsolationTest.BODIES
                .getOrDefault(key, TenantIsolationTest.Body.NONE)
                .request(endpoint.method(), uri)
                .accept(MediaType.TEXT_HTML)
                .header("Accept-Language", "en")
                .with(ActorAuthentication.as(actor));
        if (withToken) {
            request.with(csrf());
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    // --- headers ----------------------------------------------------------------------------------------------------

    /** The Referrer-Policy values that send nothing of an address to another site. */
    static final Set<String> REFERRER_POLICIES =
            Set.of("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin");

    /** What is wrong with a response's security headers; empty when nothing. */
    static List<String> headerProblems(MockHttpServletResponse response, boolean signedIn) {
        List<String> problems = new ArrayList<>();
        String csp = response.getHeader("Content-Security-Policy");
        boolean loadsOnlyItsOwn = csp != null
                && (csp.contains("default-src 'none'")
                        || (csp.contains("default-src 'self'") && csp.contains("object-src 'none'")));
        if (!loadsOnlyItsOwn || !csp.contains("frame-ancestors 'none'")) {
            problems.add("Content-Security-Policy with default-src 'none' (or 'self' and object-src 'none') and"
                    + " frame-ancestors 'none': " + csp);
        }
        if (!"nosniff".equals(response.getHeader("X-Content-Type-Options"))) {
            problems.add("X-Content-Type-Options nosniff: " + response.getHeader("X-Content-Type-Options"));
        }
        String referrer = response.getHeader("Referrer-Policy");
        if (referrer == null || !REFERRER_POLICIES.contains(referrer)) {
            problems.add(
                    "a Referrer-Policy that keeps addresses on the site: " + response.getHeader("Referrer-Policy"));
        }
        String cache = response.getHeader("Cache-Control");
        if (signedIn && (cache == null || !cache.contains("no-store"))) {
            problems.add("Cache-Control no-store for a signed-in user's page: " + cache);
        }
        return problems;
    }

    @Test
    void theHeaderCheckFindsWhatIsMissing() {
        MockHttpServletResponse bare = new MockHttpServletResponse();
        assertThat(headerProblems(bare, true)).hasSize(4);
        MockHttpServletResponse weak = new MockHttpServletResponse();
        weak.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        weak.setHeader("X-Content-Type-Options", "nosniff");
        weak.setHeader("Referrer-Policy", "unsafe-url");
        weak.setHeader("Cache-Control", "max-age=3600");
        assertThat(headerProblems(weak, false))
                .as("plugins allowed, the full address sent to other sites")
                .hasSize(2);
        assertThat(headerProblems(weak, true)).as("and cached").hasSize(3);
        MockHttpServletResponse api = new MockHttpServletResponse();
        api.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        api.setHeader("X-Content-Type-Options", "nosniff");
        api.setHeader("Referrer-Policy", "no-referrer");
        api.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        assertThat(headerProblems(api, true)).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyPageAndEveryApiAnswerCarriesTheSecurityHeaders() {
        TenantIsolationTest.World world = world();
        Map<String, Actor> actors = new LinkedHashMap<>();
        actors.put("nobody signed in", null);
        actors.putAll(signedIn(world));
        List<DynamicTest> tests = new ArrayList<>();
        Set<Endpoint> gets = endpoints(Set.of(RequestMethod.GET));
        assertThat(gets).anyMatch(Endpoint::api).anyMatch(e -> !e.api()).hasSizeGreaterThan(40);
        gets.addAll(OTHER_GETS);
        for (Endpoint endpoint : gets) {
            String uri = uri(endpoint.pattern(), world);
            for (Map.Entry<String, Actor> actor : actors.entrySet()) {
                tests.add(DynamicTest.dynamicTest("GET " + uri + " as " + actor.getKey(), () -> {
                    var request = MockMvcRequestBuilders.get(uri)
                            .accept(endpoint.api() ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML)
                            .header("Accept-Language", "en");
                    if (actor.getValue() != null) {
                        request.with(ActorAuthentication.as(actor.getValue()));
                    }
                    MockHttpServletResponse response =
                            mvc.perform(request).andReturn().getResponse();
                    assertThat(headerProblems(response, actor.getValue() != null))
                            .as("GET %s as %s answered %s", uri, actor.getKey(), excerpt(response))
                            .isEmpty();
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void noManagementEndpointButHealthAndNoDirectoryListingEvenForAnAdministrator() throws Exception {
        Actor admin = ActorAuthentication.actor(Role.ADMIN, null, null);
        for (String uri : List.of(
                "/actuator/env",
                "/actuator/beans",
                "/actuator/heapdump",
                "/actuator/configprops",
                "/css/",
                "/js/",
                "/webjars/")) {
            MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.get(uri)
                            .accept(MediaType.TEXT_HTML)
                            .with(ActorAuthentication.as(admin)))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus())
                    .as("GET %s as ADMIN: %s", uri, excerpt(response))
                    .isEqualTo(404);
        }
        String links = mvc.perform(MockMvcRequestBuilders.get("/actuator")
                        .accept(MediaType.APPLICATION_JSON)
                        .with(ActorAuthentication.as(admin)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<Map<String, Object>>read(links, "$._links").keySet())
                .as("the endpoints the discovery page lists")
                .containsOnly("self", "health", "health-path");
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/actuator/health"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .as("health says up or down, and no more")
                .isEqualTo("{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}");
    }

    private static String excerpt(MockHttpServletResponse response) throws Exception {
        String body = response.getContentAsString();
        String location = response.getRedirectedUrl();
        return response.getStatus() + (location == null ? "" : " → " + location) + " "
                + body.substring(0, Math.min(body.length(), 200));
    }
}
