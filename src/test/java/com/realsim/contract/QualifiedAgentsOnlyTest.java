package com.realsim.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.jayway.jsonpath.JsonPath;
import com.realsim.account.AccountService;
import com.realsim.contract.WebSecurityTest.Endpoint;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A suspended agent changes nothing, whichever way it tries: generated from the registered request mappings, every
 * state-changing endpoint and page (POST, PUT, PATCH, DELETE; the authorization server's token endpoint aside) called
 * by a user of a real, SUSPENDED agent organisation, with its CSRF token and a valid body, answers 403 — with the code
 * {@code AGENT_NOT_QUALIFIED} (in the API) or the rule's text (on the page) wherever its role may call the endpoint at
 * all, and {@code FORBIDDEN} where it may not. Reading stays open.
 */
@SpringBootTest
@AutoConfigureMockMvc
class QualifiedAgentsOnlyTest {

    private static final java.util.regex.Pattern VARIABLE = java.util.regex.Pattern.compile("\\{[^}]+}");

    static final String PAGE_TEXT = "Your agent organisation is suspended or revoked";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    org.springframework.context.ApplicationContext context;

    private static Actor suspended;
    private static final AtomicInteger notQualified = new AtomicInteger();

    Actor suspendedAgentUser() {
        if (suspended == null) {
            Actor admin = ActorAuthentication.actor(Role.ADMIN, null, null);
            long agentId = com.realsim.testsupport.SuspendableAgents.create(context, "暂停渠道 " + UUID.randomUUID(), null)
                    .id();
            RunAs.run(admin, () -> accounts.suspendAgent(agentId, "虚假登记调查中"));
            suspended = ActorAuthentication.actor(Role.AGENT, agentId, null);
        }
        return suspended;
    }

    /** What an endpoint consumes when it names a type (a CSV import), so that the request reaches its handler. */
    private final java.util.Map<String, MediaType> consumes = new java.util.HashMap<>();

    Set<Endpoint> stateChanging() {
        Set<Endpoint> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                if (WebSecurityTest.STATE_CHANGING.contains(method)) {
                    info.getPatternValues().forEach(p -> {
                        Endpoint endpoint = new Endpoint(method.asHttpMethod(), p);
                        endpoints.add(endpoint);
                        info.getConsumesCondition().getConsumableMediaTypes().stream()
                                .filter(type -> !type.isWildcardType() && !type.isWildcardSubtype())
                                .filter(type -> !type.includes(MediaType.MULTIPART_FORM_DATA))
                                .findFirst()
                                .ifPresent(type -> consumes.put(endpoint.key(), type));
                    });
                }
            }
        });
        return endpoints;
    }

    @TestFactory
    Stream<DynamicTest> everyStateChangingEndpointAndPageRefusesASuspendedAgent() {
        Actor agent = suspendedAgentUser();
        Set<Endpoint> endpoints = stateChanging();
        assertThat(endpoints)
                .extracting(Endpoint::key)
                .as("the mappings were read")
                .contains("POST /api/v1/orders", "POST /orders", "POST /api/v1/enterprises");
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            tests.add(DynamicTest.dynamicTest(endpoint.key(), () -> {
                MockHttpServletResponse response = call(endpoint, agent);
                String body = response.getContentAsString();
                assertThat(response.getStatus())
                        .as("%s as a suspended agent: %s", endpoint.key(), excerpt(response))
                        .isEqualTo(403);
                if (endpoint.api()) {
                    String code = JsonPath.read(body, "$.code");
                    assertThat(code).isIn("AGENT_NOT_QUALIFIED", "FORBIDDEN");
                    if (code.equals("AGENT_NOT_QUALIFIED")) {
                        notQualified.incrementAndGet();
                    }
                } else if (body.contains(PAGE_TEXT)) {
                    notQualified.incrementAndGet();
                }
            }));
        }
        return tests.stream();
    }

    @AfterAll
    static void theAgentsOwnEndpointsWereRefusedForItsQualificationNotOnlyItsRole() {
        assertThat(notQualified.get())
                .as("endpoints an agent may call, refused with AGENT_NOT_QUALIFIED")
                .isGreaterThan(20);
    }

    @Test
    void aSuspendedAgentStillReads() throws Exception {
        Actor agent = suspendedAgentUser();
        for (String page : List.of("/orders", "/enterprises", "/cards")) {
            assertThat(mvc.perform(MockMvcRequestBuilders.get(page)
                                    .accept(MediaType.TEXT_HTML)
                                    .with(ActorAuthentication.as(agent)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .as("GET %s", page)
                    .isEqualTo(200);
        }
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/v1/orders")
                                .accept(MediaType.APPLICATION_JSON)
                                .with(ActorAuthentication.as(agent)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    private MockHttpServletResponse call(Endpoint endpoint, Actor actor) throws Exception {
        String uri = VARIABLE.matcher(endpoint.pattern()).replaceAll("1");
        AbstractMockHttpServletRequestBuilder<?> request = TenantIsolationTest.BODIES
                .getOrDefault(endpoint.key(), TenantIsolationTest.Body.NONE)
                .request(endpoint.method(), uri)
                .accept(endpoint.api() ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML)
                .header("Accept-Language", "en")
                .with(ActorAuthentication.as(actor))
                .with(csrf());
        if (!TenantIsolationTest.BODIES.containsKey(endpoint.key()) && consumes.containsKey(endpoint.key())) {
            request.contentType(consumes.get(endpoint.key())).content("x");
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static String excerpt(MockHttpServletResponse response) throws Exception {
        String body = response.getContentAsString();
        return response.getStatus() + " " + body.substring(0, Math.min(body.length(), 200));
    }
}
