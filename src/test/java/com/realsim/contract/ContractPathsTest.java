package com.realsim.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published OpenAPI description covers every call of the Partner API contract ({@code docs/partner-api-v1.md},
 * a copy of the customer's contract): a path renamed, dropped or never built fails here. More paths are allowed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ContractPathsTest {

    static final Path CONTRACT = Path.of("docs/partner-api-v1.md");
    static final Pattern CALL =
            Pattern.compile("`(GET|POST|PUT|PATCH|DELETE) (/api/v1/[^`?\\s]*)[^`]*`((?:\\s*/\\s*`[a-z-]+`)*)");
    static final Pattern SIBLING = Pattern.compile("`([a-z-]+)`");

    /**
     * Contract calls not built yet, each with the issue that builds it. The list must shrink as they are built: a call
     * here that is published fails the test as much as a call missing that is not here.
     */
    static final Set<String> NOT_BUILT_YET = Set.of();

    @Autowired
    MockMvcTester mvc;

    /** Every contract call as "METHOD /api/v1/path/{}" with variable names erased. */
    static Set<String> contractCalls() throws IOException {
        Set<String> calls = new TreeSet<>();
        Matcher call = CALL.matcher(Files.readString(CONTRACT));
        while (call.find()) {
            String method = call.group(1);
            String path = call.group(2);
            calls.add(method + " " + normalise(path));
            Matcher sibling = SIBLING.matcher(call.group(3));
            while (sibling.find()) { // "`POST /api/v1/cards/{iccid}/suspend` / `resume` / `cancel`"
                calls.add(method + " " + normalise(path.substring(0, path.lastIndexOf('/') + 1) + sibling.group(1)));
            }
        }
        return calls;
    }

    static String normalise(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }

    @Test
    void theContractFileListsTheCallsWeExpect() throws IOException {
        Set<String> calls = contractCalls();
        assertThat(calls)
                .contains(
                        "POST /api/v1/agents",
                        "PUT /api/v1/operators/{}/quota",
                        "POST /api/v1/cards/{}/resume",
                        "POST /api/v1/cards/{}/cancel",
                        "POST /api/v1/verifications/{}/reject",
                        "GET /api/v1/enterprises",
                        "GET /api/v1/audit/verify")
                .hasSize(71); // every call of the contract's tables, the "/ `resume`" siblings included (4 bulk-action
        // calls added)
    }

    @Test
    void everyContractCallIsPublishedInTheOpenApiDescription() throws IOException {
        // the group of OpenApiConfiguration#partnerApiV1 (only /api/v1/**)
        var answer = mvc.get().uri("/v3/api-docs/v1").exchange().getResponse();
        assertThat(answer.getStatus()).isEqualTo(200);
        JsonNode paths = JsonMapper.builder()
                .build()
                .readTree(answer.getContentAsString())
                .get("paths");
        assertThat(paths).as("paths of /v3/api-docs/v1").isNotNull();
        Set<String> published = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            Iterator<String> methods = path.getValue().propertyNames().iterator();
            while (methods.hasNext()) {
                published.add(methods.next().toUpperCase() + " " + normalise(path.getKey()));
            }
        }
        assertThat(published).hasSizeGreaterThanOrEqualTo(67 - NOT_BUILT_YET.size());
        Set<String> missing = new TreeSet<>(contractCalls());
        missing.removeAll(published);
        assertThat(missing)
                .as("contract calls missing from /v3/api-docs/v1 (beyond those not built yet)")
                .containsExactlyInAnyOrderElementsOf(NOT_BUILT_YET);
    }
}
