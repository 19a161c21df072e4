package com.realsim.platform.security;

import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 answers of the API's filter chain, as problem details like every other API error. */
@Component
@RequiredArgsConstructor
class ProblemResponses {

    private final Problems problems;
    private final JsonMapper json;

    AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(response, ErrorCode.UNAUTHORIZED);
        };
    }

    AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, ErrorCode.FORBIDDEN);
    }

    void write(HttpServletResponse response, ErrorCode code) throws IOException {
        ProblemDetail problem =
                problems.answer(code, code.messageKey(), Map.of()).getBody();
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
