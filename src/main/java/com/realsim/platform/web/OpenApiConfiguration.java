package com.realsim.platform.web;

import com.realsim.platform.error.ErrorCode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The published description of the Partner API ({@code /v3/api-docs}, browsable at {@code /swagger-ui.html}): only
 * {@code /api/v1/**} ({@code springdoc.paths-to-match}), with the OAuth 2.0 client-credentials flow and the list of
 * error codes. Partners generate their SDKs from it, so its names are the domain's: each handler method's name is its
 * operation id ({@code listCards}, {@code approveVerification}) and each controller's {@code @Tag} names and describes
 * the part of the domain it serves.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI partnerApi() {
        String codes = Arrays.stream(ErrorCode.values())
                .map(code -> "| `" + code.name() + "` | " + code.status().value() + " |")
                .collect(Collectors.joining("\n"));
        return new OpenAPI()
                .info(new Info().title("RealSIM Partner API").version("v1").description("""
                                Real-name registration of IoT cards for partner platforms. Authenticate with OAuth 2.0 \
                                client credentials at `POST /oauth2/token` (HTTP Basic `client_id:client_secret`, form \
                                `grant_type=client_credentials`) and send `Authorization: Bearer <token>`.

                                Errors are RFC 9457 problem details (`application/problem+json`) with a stable `code` \
                                and, for field errors, `errors: [{"field","code","message"}]`. A record of another \
                                tenant answers 404, exactly like one that does not exist. Creating POSTs accept an \
                                `Idempotency-Key` header. Lists are paged with `?size=&cursor=` and answer \
                                `{"items": [...], "nextCursor": ...}`. Rate limits answer 429 with `Retry-After`.

                                | code | HTTP status |
                                |---|---|
                                """ + codes))
                .components(new Components()
                        .addSecuritySchemes(
                                "client-credentials",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.OAUTH2)
                                        .flows(new OAuthFlows()
                                                .clientCredentials(new OAuthFlow()
                                                        .tokenUrl("/oauth2/token")
                                                        // required by OpenAPI; a client acts as its one role, with
                                                        // no scopes to ask for
                                                        .scopes(new Scopes())))))
                .addSecurityItem(new SecurityRequirement().addList("client-credentials"));
    }

    /**
     * Replaces springdoc's own {@code globalOpenApiCustomizer}, which makes a repeated operation id unique by
     * appending {@code _1}, {@code _2} — the {@code list_7} that generated clients turn into {@code list7()}. Two
     * handlers of the same name are a mistake to fix, so the description refuses to build and names them.
     */
    @Bean
    GlobalOpenApiCustomizer globalOpenApiCustomizer() {
        return api -> {
            Map<String, List<String>> byId = new LinkedHashMap<>();
            api.getPaths()
                    .forEach((path, item) -> item.readOperationsMap()
                            .forEach((method, operation) -> byId.computeIfAbsent(
                                            operation.getOperationId(), id -> new ArrayList<>())
                                    .add(method + " " + path)));
            byId.forEach((id, calls) -> {
                if (calls.size() > 1) {
                    throw new IllegalStateException("Operation id '" + id + "' is used by " + calls
                            + ": name each handler method for what it does (the method name is the operation id)");
                }
            });
        };
    }

    @Bean
    GroupedOpenApi partnerApiV1() {
        return GroupedOpenApi.builder().group("v1").pathsToMatch("/api/v1/**").build();
    }
}
