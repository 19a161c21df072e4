package com.realsim.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The committed description {@code docs/partner-api-v1.openapi.json}, from which the build generates the partner SDK
 * (openapi-generator, see docs/sdk.md), is what the running application publishes at {@code /v3/api-docs}: a change
 * of a controller, a DTO or an annotation that changes the description fails here until the committed file follows,
 * so the SDK is always generated from the description the application answers with. {@code ./mvnw test
 * -Dtest=PublishedDescriptionTest -Drealsim.update-openapi=true} rewrites the committed file; review its diff.
 *
 * <p>The file is the published JSON with its object keys sorted and without {@code servers} (springdoc derives the
 * server from the request's host; a partner configures its own base URL).
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublishedDescriptionTest {

    static final Path COMMITTED = Path.of("docs/partner-api-v1.openapi.json");

    static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Autowired
    MockMvcTester mvc;

    @Test
    void theCommittedDescriptionIsTheOneTheApplicationPublishes() throws IOException {
        var answer = mvc.get().uri("/v3/api-docs").exchange().getResponse();
        assertThat(answer.getStatus()).isEqualTo(200);
        String published = canonical(answer.getContentAsString(StandardCharsets.UTF_8));
        if (Boolean.getBoolean("realsim.update-openapi")) {
            Files.writeString(COMMITTED, published, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(COMMITTED))
                .as(
                        "%s is missing: run ./mvnw test -Dtest=PublishedDescriptionTest -Drealsim.update-openapi=true",
                        COMMITTED)
                .isTrue();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as(
                        "%s differs from /v3/api-docs: run ./mvnw test -Dtest=PublishedDescriptionTest "
                                + "-Drealsim.update-openapi=true, review the diff and commit it (the SDK is generated from it)",
                        COMMITTED)
                .isEqualTo(published);
    }

    @Test
    void theCanonicalFormSortsKeysAndDropsTheRequestsServer() {
        String one =
                canonical("{\"servers\":[{\"url\":\"http://localhost\"}],\"paths\":{},\"info\":{\"title\":\"t\"}}");
        String two =
                canonical("{\"info\":{\"title\":\"t\"},\"paths\":{},\"servers\":[{\"url\":\"http://other:8080\"}]}");
        assertThat(one).isEqualTo(two).doesNotContain("servers").endsWith("}\n");
        assertThat(one.indexOf("\"info\"")).isLessThan(one.indexOf("\"paths\""));
        assertThat(canonical("{\"a\":[3,1,2]}")).as("arrays keep their order").contains("3, 1, 2");
    }

    /** Sorted object keys, no {@code servers}, two-space indentation, a final newline. */
    static String canonical(String description) {
        JsonNode tree = JSON.readTree(description);
        ((ObjectNode) tree).remove("servers");
        return JSON.writeValueAsString(sorted(tree)) + "\n";
    }

    static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            node.properties().forEach(field -> fields.put(field.getKey(), sorted(field.getValue())));
            ObjectNode copy = JSON.createObjectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(sorted(item)));
            return JSON.createArrayNode().addAll(items);
        }
        return node;
    }
}
