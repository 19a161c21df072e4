package com.realsim.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A role that may not call an endpoint gets 403 even when its body is invalid: the role is checked before the body
 * is read and validated, so field rules never leak to callers without the role. Generated from every Partner API
 * mapping that takes a JSON body, for every role its {@code @PreAuthorize} leaves out.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RoleBeforeBodyTest {

    private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void aRoleWithoutAccessIsRefusedBeforeItsInvalidBodyIsValidated() throws Exception {
        List<String> checked = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!takesJsonBody(handler)) {
                continue;
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/v1/")) {
                    continue;
                }
                for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
                    for (Role role : refusedRoles(handler)) {
                        String path = pattern.replaceAll("\\{iccid}", "89860000000000000018")
                                .replaceAll("\\{operator}", "CHINA_MOBILE")
                                .replaceAll("\\{[^}]+}", "1");
                        MvcResult result = mvc.perform(MockMvcRequestBuilders.request(method.asHttpMethod(), path)
                                        .with(ActorAuthentication.as(role))
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content("{\"name\": 1, \"role\": \"NO_SUCH_ROLE\", \"code\": \"\"}"))
                                .andReturn();
                        String call = method + " " + pattern + " as " + role;
                        checked.add(call);
                        int status = result.getResponse().getStatus();
                        String body = result.getResponse().getContentAsString();
                        if (status != 403 || !"FORBIDDEN".equals(JsonPath.read(body, "$.code"))) {
                            wrong.add(call + " → " + status + " " + body);
                        }
                    }
                }
            }
        }
        assertThat(checked)
                .as("the generator found the body-taking endpoints")
                .anyMatch(call -> call.startsWith("POST /api/v1/service-plans as AGENT"))
                .anyMatch(call -> call.startsWith("PUT /api/v1/cards/{iccid}/end-user as ENTERPRISE_ADMIN"));
        assertThat(wrong).as("answers other than 403 FORBIDDEN").isEmpty();
    }

    private static boolean takesJsonBody(HandlerMethod handler) {
        for (var parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                return true;
            }
        }
        return false;
    }

    /** The roles a handler's {@code hasRole}/{@code hasAnyRole} expression leaves out. */
    private static Set<Role> refusedRoles(HandlerMethod handler) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        Set<Role> refused = EnumSet.noneOf(Role.class);
        if (rule == null || !rule.value().contains("Role(")) {
            return refused;
        }
        refused.addAll(EnumSet.allOf(Role.class));
        Matcher allowed = ROLE.matcher(rule.value());
        while (allowed.find()) {
            refused.remove(Role.valueOf(allowed.group(1)));
        }
        return refused;
    }
}
