package com.realsim.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The descriptions partners generate their SDKs from ({@code /v3/api-docs} and every group Swagger UI lists) are valid
 * OpenAPI by an independent validator (swagger-parser), and what a generator turns into class and method names
 * reads as the domain: every operation has a unique operation id that starts with a verb ({@code listCards},
 * {@code approveVerification}), and every tag is a described part of the domain (no {@code card-api}).
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiDescriptionTest {

    /** Operation ids are a verb, then what it acts on: {@code getCard}, {@code createEnterprise}. */
    static final Pattern VERB_NOUN = Pattern.compile("([a-z]+)(?:[A-Z][a-z0-9]*)+");

    static final Set<String> VERBS = Set.of(
            "activate",
            "approve",
            "attach",
            "bind",
            "cancel",
            "change",
            "claim",
            "correct",
            "create",
            "delete", // delete a webhook (issue 15)
            "disable",
            "dismiss",
            "enable",
            "get",
            "grant", // grant an appeal (issue 13)
            "hand", // hand over (issue 14)
            "import",
            "issue",
            "lift",
            "list",
            "record",
            "register",
            "reinstate",
            "reject",
            "release",
            "report",
            "request",
            "require", // require re-verification (issue 13)
            "resume",
            "revoke",
            "rotate",
            "set",
            "start",
            "submit",
            "suspend",
            "take", // take a bulk action's self-service links, once (issue 15)
            "unmask",
            "upload",
            "verify");

    @Autowired
    MockMvcTester mvc;

    /** Springdoc's customizer of that name numbers repeated ids ({@code list_7}); ours refuses them. */
    @Autowired
    @Qualifier("globalOpenApiCustomizer")
    GlobalOpenApiCustomizer operationIds;

    @Test
    void everyPublishedDescriptionIsValidOpenApi() {
        for (String url : publishedDescriptions()) {
            SwaggerParseResult result = parse(url);
            assertThat(result.getMessages())
                    .as("validation messages of %s", url)
                    .isEmpty();
            assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1");
            SecurityScheme scheme =
                    result.getOpenAPI().getComponents().getSecuritySchemes().get("client-credentials");
            assertThat(scheme.getFlows().getClientCredentials().getScopes())
                    .as("scopes of the client-credentials flow (required, may be empty)")
                    .isNotNull();
        }
    }

    @Test
    void everyOperationHasAUniqueVerbNounOperationIdAndADescribedTag() {
        for (String url : publishedDescriptions()) {
            OpenAPI api = parse(url).getOpenAPI();
            Map<String, String> described = new TreeMap<>();
            List<String> tagNames = new ArrayList<>();
            for (Tag tag : api.getTags() == null ? List.<Tag>of() : api.getTags()) {
                tagNames.add(tag.getName());
                described.put(tag.getName(), tag.getDescription());
            }
            assertThat(tagNames).as("tag names of %s", url).doesNotHaveDuplicates();
            assertThat(described)
                    .as("tags of %s", url)
                    .allSatisfy((name, description) -> assertThat(description)
                            .as("description of tag %s", name)
                            .isNotBlank());

            Map<String, List<String>> byId = new LinkedHashMap<>();
            operations(api).forEach((call, operation) -> {
                String id = operation.getOperationId();
                assertThat(id).as("operationId of %s in %s", call, url).isNotBlank();
                var verbNoun = VERB_NOUN.matcher(id);
                assertThat(verbNoun.matches() && VERBS.contains(verbNoun.group(1)))
                        .as("operationId %s of %s is a verb and a noun (verbs: %s)", id, call, VERBS)
                        .isTrue();
                assertThat(operation.getTags()).as("tags of %s", call).isNotEmpty();
                assertThat(operation.getTags())
                        .as("tags of %s are described parts of the domain", call)
                        .allSatisfy(tag -> assertThat(described).containsKey(tag));
                byId.computeIfAbsent(id, key -> new ArrayList<>()).add(call);
            });
            assertThat(byId).as("operations of %s", url).hasSizeGreaterThanOrEqualTo(36);
            assertThat(byId.entrySet().stream()
                            .filter(entry -> entry.getValue().size() > 1)
                            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
                    .as("operation ids used more than once in %s", url)
                    .isEmpty();
        }
    }

    @Test
    void aRepeatedOperationIdIsRefusedRatherThanSilentlyNumbered() {
        OpenAPI api = new OpenAPI()
                .paths(new Paths()
                        .addPathItem("/api/v1/cards", new PathItem().get(new Operation().operationId("list")))
                        .addPathItem("/api/v1/orders", new PathItem().get(new Operation().operationId("list"))));
        assertThatThrownBy(() -> operationIds.customise(api))
                .hasMessageContaining("'list'")
                .hasMessageContaining("GET /api/v1/cards")
                .hasMessageContaining("GET /api/v1/orders");
        assertThat(operations(api).values())
                .extracting(Operation::getOperationId)
                .containsOnly("list");
    }

    @Test
    void theDefaultDescriptionIsThePartnerApiOnly() {
        OpenAPI api = parse("/v3/api-docs").getOpenAPI();
        assertThat(api.getPaths().keySet()).allSatisfy(path -> assertThat(path).startsWith("/api/v1/"));
        assertThat(api.getPaths().keySet())
                .isEqualTo(parse("/v3/api-docs/v1").getOpenAPI().getPaths().keySet());
    }

    /** {@code /v3/api-docs} and the groups that Swagger UI offers. */
    List<String> publishedDescriptions() {
        List<String> urls = new ArrayList<>(List.of("/v3/api-docs"));
        JsonNode config = JsonMapper.builder().build().readTree(get("/v3/api-docs/swagger-config"));
        config.path("urls").forEach(group -> urls.add(group.get("url").asString()));
        assertThat(urls).hasSizeGreaterThan(1);
        return urls;
    }

    SwaggerParseResult parse(String url) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(get(url), null, options);
        assertThat(result.getOpenAPI())
                .as("%s parsed: %s", url, result.getMessages())
                .isNotNull();
        return result;
    }

    String get(String url) {
        var answer = mvc.get().uri(url).exchange().getResponse();
        assertThat(answer.getStatus()).as(url).isEqualTo(200);
        try {
            return answer.getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Operation> operations(OpenAPI api) {
        Map<String, Operation> operations = new LinkedHashMap<>();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((PathItem.HttpMethod method, Operation operation) ->
                                operations.put(method + " " + path, operation)));
        return operations;
    }
}
