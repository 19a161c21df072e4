package com.realsim.platform;

import static com.realsim.platform.Role.ADMIN;
import static com.realsim.platform.Role.AGENT;
import static com.realsim.platform.Role.ENTERPRISE_ADMIN;
import static com.realsim.platform.Role.OPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.jayway.jsonpath.JsonPath;
import com.realsim.testsupport.ActorAuthentication;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint and page, called as each role and anonymously, generated from the registered request mappings: the
 * roles its entry in {@link #ACCESS} names get past security, every other role hears 403 (the API's problem code
 * {@code FORBIDDEN}, the pages' 403 page), and an anonymous caller hears 401 (API) or is sent to the sign-in page
 * (pages) — unless the entry says the endpoint is open to everyone. The table is the specification, written by hand
 * and independent of the {@code @PreAuthorize} annotations it checks: a wrong role list, a method-level annotation
 * that widens access or a gap in a filter chain all fail here. An endpoint without an entry fails the build.
 *
 * <p>Each call names a record that exists nowhere and carries an empty body, so a role that gets past security hears
 * 404, 400, 200 or a redirect back to the page — never 401, 403, the sign-in page or a server error.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ControllerSecurityTest {

    static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);
    static final Set<Role> TENANT_ROLES = EnumSet.of(OPS, AGENT, ENTERPRISE_ADMIN);

    /**
     * Who may call what. An entry is {@code "METHOD /pattern"} ({@code *} for any method; a pattern ending in
     * {@code /**} covers everything below it); the most specific entry wins (an exact pattern before a prefix, a
     * longer prefix before a shorter one, a named method before {@code *}).
     */
    static final List<Access> ACCESS = List.of(
            // --- signing in, the dashboard, the end user's link, the published contract ------------------------------
            Access.open("GET /login"),
            Access.of("GET /", EVERY_ROLE),
            Access.of("* /account/password", EVERY_ROLE),
            Access.open("* /s/**"),
            Access.open("GET /v3/api-docs/**"),
            Access.open("GET /v3/api-docs.yaml/**"),
            Access.open("GET /swagger-ui.html"),
            // --- administration: agents, accounts, API clients, plans, operators, rules ------------------------------
            Access.of("* /admin/**", ADMIN),
            Access.of("* /api/v1/agents/**", ADMIN),
            Access.of("* /api/v1/users/**", ADMIN),
            Access.of("* /api/v1/api-clients/**", ADMIN),
            Access.of("* /api/v1/service-plans/**", ADMIN),
            Access.of("* /api/v1/operators/**", ADMIN),
            Access.of("* /api/v1/key-rotations/**", ADMIN),
            // --- agents' qualification: OPS read and suspend, the ADMIN reinstates and revokes (issue 14) ------------
            Access.of("GET /admin/agents/{id}", ADMIN, OPS),
            Access.of("POST /admin/agents/{id}/suspend", ADMIN, OPS),
            Access.of("GET /api/v1/agents/{id}", ADMIN, OPS),
            Access.of("POST /api/v1/agents/{id}/suspend", ADMIN, OPS),
            Access.of("POST /admin/agents/{id}/hand-over", ADMIN),
            Access.of("POST /api/v1/agents/{id}/hand-over", ADMIN),
            Access.of("POST /api/v1/enterprises/{id}/hand-over", ADMIN, AGENT),
            // --- barred identities (断卡 惩戒): OPS only ----------------------------------------------------------------
            Access.of("* /bars/**", OPS),
            Access.of("* /api/v1/barred-identities/**", OPS),
            // --- agent figures: OPS and ADMIN see which channel to look at (issue 14) --------------------------------
            Access.of("GET /agent-figures", ADMIN, OPS),
            Access.of("GET /api/v1/agents/figures", ADMIN, OPS),
            // --- risk monitoring (issue 13): ADMIN sets rules, OPS scan and work alerts, tenants read their alerts
            // -----
            Access.of("GET /api/v1/risk/rules/**", ADMIN, OPS),
            Access.of("GET /api/v1/risk/settings", ADMIN, OPS),
            Access.of("PUT /api/v1/risk/rules/**", ADMIN),
            Access.of("PUT /api/v1/risk/settings", ADMIN),
            Access.of("POST /api/v1/risk/handset-tacs", ADMIN),
            Access.of("* /api/v1/risk/scans/**", OPS),
            Access.of("GET /api/v1/risk/alerts/**", TENANT_ROLES),
            Access.of("POST /api/v1/risk/alerts/**", OPS),
            Access.of("GET /risk/alerts/**", TENANT_ROLES),
            Access.of("POST /risk/alerts/**", OPS),
            Access.of("* /risk/dashboard/**", OPS),
            // appeals (申诉): customers contest a risk suspension, OPS decide; the customer's flagged cards
            Access.of("GET /api/v1/risk/appeals/**", TENANT_ROLES),
            Access.of("POST /api/v1/risk/appeals/**", OPS),
            Access.of("GET /api/v1/cards/{iccid}/appeals", TENANT_ROLES),
            Access.of("POST /api/v1/cards/{iccid}/appeals", AGENT, ENTERPRISE_ADMIN),
            Access.of("GET /risk/appeals/**", TENANT_ROLES),
            Access.of("POST /risk/appeals/**", OPS),
            Access.of("* /risk/flagged/**", AGENT, ENTERPRISE_ADMIN),
            // --- exports (issue 15): every role exports the lists it reads; the kinds' own rules are the service's
            // ----
            Access.of("* /exports/**", EVERY_ROLE),
            Access.of("* /api/v1/exports/**", EVERY_ROLE),
            // --- webhooks (issue 15): clients acting for a tenant register them; ADMIN and OPS act for none
            Access.of("* /api/v1/webhooks/**", AGENT, ENTERPRISE_ADMIN),
            // --- notifications (issue 15): every signed-in user's own bell; another user's notice is 404 (service)
            Access.of("* /notifications/**", EVERY_ROLE),
            // --- personal data in clear, and the trail ---------------------------------------------------------------
            Access.of("* /personal-data/**", OPS, ADMIN),
            Access.of("* /api/v1/personal-data/**", OPS, ADMIN),
            Access.of("* /audit/**", EVERY_ROLE),
            Access.of("* /api/v1/audit/**", EVERY_ROLE),
            Access.of("GET /audit/verify", ADMIN),
            Access.of("GET /api/v1/audit/verify", ADMIN),
            Access.of("* /documents/**", EVERY_ROLE),
            // --- enterprises: agents register and change, OPS review, everyone concerned reads -----------------------
            Access.of("GET /enterprises/**", TENANT_ROLES),
            Access.of("GET /enterprises/new", AGENT),
            Access.of("GET /enterprises/{id}/edit", AGENT),
            Access.of("GET /enterprises/review", OPS),
            Access.of("POST /enterprises/**", AGENT),
            Access.of("POST /enterprises/{id}/approve", OPS),
            Access.of("POST /enterprises/{id}/reject", OPS),
            Access.of("GET /enterprise-changes/**", TENANT_ROLES),
            Access.of("POST /enterprise-changes/**", AGENT),
            Access.of("POST /enterprise-changes/{id}/approve", OPS),
            Access.of("POST /enterprise-changes/{id}/reject", OPS),
            Access.of("GET /api/v1/enterprises/**", TENANT_ROLES),
            Access.of("* /api/v1/enterprises/**", AGENT),
            Access.of("POST /api/v1/enterprises/{id}/approve", OPS),
            Access.of("POST /api/v1/enterprises/{id}/reject", OPS),
            Access.of("GET /api/v1/enterprise-changes/**", TENANT_ROLES),
            Access.of("* /api/v1/enterprise-changes/**", AGENT),
            Access.of("POST /api/v1/enterprise-changes/{id}/approve", OPS),
            Access.of("POST /api/v1/enterprise-changes/{id}/reject", OPS),
            // --- cards: OPS keep the inventory, agents bind end users, everyone concerned reads and acts -------------
            Access.of("* /cards/**", TENANT_ROLES),
            Access.of("* /cards/{id}/end-user/**", AGENT),
            Access.of("* /cards/{id}/self-service-link", AGENT, ENTERPRISE_ADMIN),
            Access.of("* /api/v1/cards/**", TENANT_ROLES),
            Access.of("PUT /api/v1/cards/{iccid}/end-user", AGENT),
            Access.of("POST /api/v1/cards/{iccid}/end-user/documents", AGENT),
            Access.of("* /api/v1/cards/{iccid}/self-service-link", AGENT, ENTERPRISE_ADMIN),
            Access.of("POST /cards/bulk/{id}/links", AGENT, ENTERPRISE_ADMIN),
            Access.of("POST /api/v1/cards/bulk-actions/{id}/links", AGENT, ENTERPRISE_ADMIN),
            Access.of("* /api/v1/cards/import/**", OPS),
            Access.of("* /inventory/**", OPS),
            Access.of("* /api/v1/usage/**", OPS),
            Access.of("* /usage-uploads/**", OPS),
            Access.of("* /api/v1/cards/status-events", OPS),
            Access.of("* /api/v1/esim/**", OPS),
            Access.of("* /over-limit-identities/**", OPS),
            Access.of("* /api/v1/over-limit-identities/**", OPS),
            // --- exceptions: agents request and document, OPS decide ------------------------------------------------
            Access.of("GET /exceptions/**", TENANT_ROLES),
            Access.of("* /exceptions/new", AGENT),
            Access.of("POST /exceptions/**", OPS),
            Access.of("POST /exceptions", AGENT),
            Access.of("POST /exceptions/{id}/documents", AGENT),
            Access.of("GET /api/v1/exceptions/**", TENANT_ROLES),
            Access.of("POST /api/v1/exceptions/**", OPS),
            Access.of("POST /api/v1/exceptions/{id}/documents", AGENT),
            Access.of("* /api/v1/cards/{iccid}/exceptions", AGENT),
            // --- verifications: OPS review, agents and enterprise admins follow their own ---------------------------
            Access.of("GET /verifications/**", TENANT_ROLES),
            Access.of("POST /verifications/**", OPS),
            Access.of("GET /api/v1/verifications/**", TENANT_ROLES),
            Access.of("POST /api/v1/verifications/**", OPS),
            // risk re-verification (issue 13): the agent or the enterprise admin brings the documents or issues the
            // link
            Access.of("POST /verifications/{id}/documents", AGENT, ENTERPRISE_ADMIN),
            Access.of("POST /verifications/{id}/self-service-link", AGENT, ENTERPRISE_ADMIN),
            Access.of("POST /api/v1/verifications/{id}/documents", AGENT, ENTERPRISE_ADMIN),
            Access.of("POST /api/v1/verifications/{id}/self-service-link", AGENT, ENTERPRISE_ADMIN),
            // --- orders: agents submit and document, OPS decide, everyone concerned reads ---------------------------
            Access.of("GET /orders/**", TENANT_ROLES),
            Access.of("GET /orders/new", AGENT),
            Access.of("POST /orders/**", AGENT),
            Access.of("POST /orders/{id}/approve", OPS),
            Access.of("POST /orders/{id}/reject", OPS),
            Access.of("GET /api/v1/orders/**", TENANT_ROLES),
            Access.of("* /api/v1/orders/**", AGENT),
            Access.of("POST /api/v1/orders/{id}/approve", OPS),
            Access.of("POST /api/v1/orders/{id}/reject", OPS));

    /** Framework mappings that are not the application's endpoints: the error dispatch. */
    static final Set<String> NOT_ENDPOINTS = Set.of("/error");

    // --- the table's rules --------------------------------------------------------------------------------------

    /** One entry: method ({@code *} for any), pattern, and the roles that may call it (or everyone). */
    record Access(String method, String pattern, Set<Role> roles, boolean open) {

        static Access of(String endpoint, Role first, Role... more) {
            return of(endpoint, EnumSet.of(first, more));
        }

        static Access of(String endpoint, Set<Role> roles) {
            String[] parts = endpoint.split(" ", 2);
            return new Access(parts[0], parts[1], Set.copyOf(roles), false);
        }

        static Access open(String endpoint) {
            String[] parts = endpoint.split(" ", 2);
            return new Access(parts[0], parts[1], EVERY_ROLE, true);
        }

        boolean prefix() {
            return pattern.endsWith("/**");
        }

        boolean covers(Endpoint endpoint) {
            if (!method.equals("*") && !method.equals(endpoint.method().name())) {
                return false;
            }
            if (!prefix()) {
                return pattern.equals(endpoint.pattern());
            }
            String base = pattern.substring(0, pattern.length() - 3);
            return endpoint.pattern().equals(base) || endpoint.pattern().startsWith(base + "/");
        }

        /** Larger is more specific: exact before prefix, longer prefix first, a named method before {@code *}. */
        int specificity() {
            return (prefix() ? 0 : 1_000_000) + pattern.length() * 2 + (method.equals("*") ? 0 : 1);
        }

        @Override
        public String toString() {
            return method + " " + pattern + (open ? " (open)" : " " + new TreeSet<>(roles));
        }
    }

    /** One HTTP method of one mapped pattern, and what its handler reads. */
    record Endpoint(HttpMethod method, String pattern, boolean jsonBody, boolean multipart, MediaType consumes)
            implements Comparable<Endpoint> {

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

        @Override
        public String toString() {
            return key();
        }
    }

    static Optional<Access> accessFor(Endpoint endpoint, List<Access> table) {
        return table.stream().filter(entry -> entry.covers(endpoint)).max(Comparator.comparingInt(Access::specificity));
    }

    static List<String> gaps(Iterable<Endpoint> endpoints, List<Access> table) {
        List<String> gaps = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            if (accessFor(endpoint, table).isEmpty()) {
                gaps.add("new endpoint " + endpoint + " has no entry in ControllerSecurityTest.ACCESS (say which"
                        + " roles may call it)");
            }
        }
        return gaps;
    }

    // --- the application's mappings -------------------------------------------------------------------------------

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    MockMvc mvc;

    Set<Endpoint> endpoints() {
        Set<Endpoint> endpoints = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping :
                mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = mapping.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<RequestMethod> each = methods.isEmpty() ? List.of(RequestMethod.GET) : List.copyOf(methods);
            boolean json = false;
            boolean multipart = false;
            for (var parameter : mapping.getValue().getMethodParameters()) {
                json |= parameter.hasParameterAnnotation(RequestBody.class);
                multipart |= MultipartFile.class.isAssignableFrom(parameter.getParameterType())
                        || multipartFields(parameter.getParameterType());
            }
            MediaType consumes = info.getConsumesCondition().getConsumableMediaTypes().stream()
                    .findFirst()
                    .orElse(null);
            for (String pattern : info.getPatternValues()) {
                if (NOT_ENDPOINTS.contains(pattern)) {
                    continue;
                }
                for (RequestMethod method : each) {
                    endpoints.add(new Endpoint(method.asHttpMethod(), pattern, json, multipart, consumes));
                }
            }
        }
        return endpoints;
    }

    /** A form object with file fields (the self-service form, the card's photos). */
    private static boolean multipartFields(Class<?> type) {
        if (!type.getName().startsWith("com.realsim.")) {
            return false;
        }
        return Arrays.stream(type.getDeclaredFields())
                .anyMatch(field -> MultipartFile.class.isAssignableFrom(field.getType()));
    }

    @Test
    void everyEndpointHasAnEntry() {
        Set<Endpoint> endpoints = endpoints();
        assertThat(endpoints)
                .as("the mappings were read (API and pages)")
                .anyMatch(Endpoint::api)
                .anyMatch(e -> !e.api())
                .hasSizeGreaterThan(140);
        assertThat(gaps(endpoints, ACCESS)).isEmpty();
    }

    @Test
    void theTableNamesOnlyRealEndpoints() {
        Set<Endpoint> endpoints = endpoints();
        List<Access> stale = new ArrayList<>();
        for (Access entry : ACCESS) {
            boolean decides = endpoints.stream()
                    .anyMatch(endpoint -> accessFor(endpoint, ACCESS).orElseThrow() == entry);
            if (!decides) {
                stale.add(entry);
            }
        }
        assertThat(stale).as("entries that decide no endpoint's access").isEmpty();
    }

    @Test
    void theGuardFailsForAnEndpointNobodyDeclaredAndTheMostSpecificEntryWins() {
        Endpoint widget = new Endpoint(HttpMethod.DELETE, "/api/v1/widgets/{id}", false, false, null);
        assertThat(gaps(List.of(widget), ACCESS))
                .containsExactly("new endpoint DELETE /api/v1/widgets/{id} has no entry in"
                        + " ControllerSecurityTest.ACCESS (say which roles may call it)");
        assertThat(accessFor(new Endpoint(HttpMethod.POST, "/orders/{id}/approve", false, false, null), ACCESS)
                        .orElseThrow()
                        .roles())
                .containsExactly(OPS);
        assertThat(accessFor(new Endpoint(HttpMethod.POST, "/orders/{id}/cancel", false, false, null), ACCESS)
                        .orElseThrow()
                        .roles())
                .containsExactly(AGENT);
        assertThat(accessFor(new Endpoint(HttpMethod.GET, "/ordersx", false, false, null), ACCESS))
                .as("a prefix covers what is below it, not what only starts with its text")
                .isEmpty();
    }

    // --- the calls ------------------------------------------------------------------------------------------------

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    /** A value for each path variable that names nothing in the database. */
    static String uri(String pattern) {
        Matcher variable = VARIABLE.matcher(pattern);
        StringBuilder uri = new StringBuilder();
        while (variable.find()) {
            String value = switch (variable.group(1)) {
                case "iccid" -> "89860000000000000018"; // Luhn-valid, never imported
                case "operator" -> "CHINA_MOBILE";
                case "token" -> "A".repeat(43);
                case "group" -> "v1";
                default -> "999999999";
            };
            variable.appendReplacement(uri, Matcher.quoteReplacement(value));
        }
        variable.appendTail(uri);
        return uri.toString();
    }

    private static final AtomicInteger addresses = new AtomicInteger();

    @TestFactory
    Stream<DynamicTest> eachEndpointAsEachRoleAndAnonymously() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            Optional<Access> access = accessFor(endpoint, ACCESS);
            if (access.isEmpty()) {
                tests.add(DynamicTest.dynamicTest(endpoint.key(), () -> {
                    throw new AssertionError(gaps(List.of(endpoint), ACCESS).get(0));
                }));
                continue;
            }
            for (Role role : Role.values()) {
                boolean allowed = access.get().roles().contains(role);
                tests.add(DynamicTest.dynamicTest(
                        endpoint + " as " + role + (allowed ? " → past security" : " → 403"),
                        () -> expect(endpoint, Optional.of(role), allowed)));
            }
            boolean open = access.get().open();
            tests.add(DynamicTest.dynamicTest(
                    endpoint + " anonymously → " + (open ? "past security" : endpoint.api() ? "401" : "sign-in page"),
                    () -> expect(endpoint, Optional.empty(), open)));
        }
        return tests.stream();
    }

    private void expect(Endpoint endpoint, Optional<Role> role, boolean allowed) throws Exception {
        MockHttpServletResponse response = call(endpoint, role);
        int status = response.getStatus();
        String location = response.getRedirectedUrl();
        boolean toSignIn = location != null && location.contains("/login");
        String caller = role.map(Role::name).orElse("anonymous");
        String answer = caller + ": " + status + (location == null ? "" : " → " + location) + " "
                + excerpt(response.getContentAsString());
        if (allowed) {
            assertThat(status != 401 && status != 403 && !toSignIn && status < 500)
                    .as("%s gets past security (neither 401, 403, the sign-in page nor an error): %s", endpoint, answer)
                    .isTrue();
        } else if (role.isPresent()) {
            assertThat(status).as("%s is refused: %s", endpoint, answer).isEqualTo(403);
            if (endpoint.api()) {
                assertThat((String) JsonPath.read(response.getContentAsString(), "$.code"))
                        .isEqualTo("FORBIDDEN");
            }
        } else if (endpoint.api()) {
            assertThat(status)
                    .as("%s asks for credentials: %s", endpoint, answer)
                    .isEqualTo(401);
            assertThat((String) JsonPath.read(response.getContentAsString(), "$.code"))
                    .isEqualTo("UNAUTHORIZED");
        } else {
            assertThat(toSignIn)
                    .as("%s sends to the sign-in page: %s", endpoint, answer)
                    .isTrue();
        }
    }

    private MockHttpServletResponse call(Endpoint endpoint, Optional<Role> role) throws Exception {
        String uri = uri(endpoint.pattern());
        AbstractMockHttpServletRequestBuilder<?> request = endpoint.multipart()
                ? MockMvcRequestBuilders.multipart(endpoint.method(), uri)
                : MockMvcRequestBuilders.request(endpoint.method(), uri);
        if (endpoint.jsonBody()) {
            request.contentType(MediaType.APPLICATION_JSON).content("{}");
        } else if (endpoint.consumes() != null && !endpoint.multipart()) {
            request.contentType(endpoint.consumes()); // an empty file of the type the endpoint reads (CSV)
        }
        request.header("Accept-Language", "en");
        if (!endpoint.api()) {
            request.accept(MediaType.TEXT_HTML).with(csrf());
        }
        // each call from its own address, so that the self-service link's limit on unknown links stays out of it
        int address = addresses.incrementAndGet();
        request.with(call -> {
            call.setRemoteAddr("198.18." + (address / 250) % 250 + "." + (address % 250 + 1));
            return call;
        });
        role.ifPresent(r -> request.with(ActorAuthentication.as(r)));
        return mvc.perform(request).andReturn().getResponse();
    }

    private static String excerpt(String body) {
        return body.substring(0, Math.min(body.length(), 200)).replaceAll("\\s+", " ");
    }
}
