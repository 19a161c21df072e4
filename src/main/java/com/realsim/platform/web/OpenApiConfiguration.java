package com.realsim.platform.web;

import com.realsim.platform.error.ErrorCode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The published description of the Partner API ({@code /v3/api-docs}, browsable at {@code /swagger-ui.html}): only
 * {@code /api/v1/**}, with the OAuth 2.0 client-credentials flow and the list of error codes.
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
                                                .clientCredentials(new OAuthFlow().tokenUrl("/oauth2/token")))))
                .addSecurityItem(new SecurityRequirement().addList("client-credentials"));
    }

    @Bean
    GroupedOpenApi partnerApiV1() {
        return GroupedOpenApi.builder().group("v1").pathsToMatch("/api/v1/**").build();
    }
}
