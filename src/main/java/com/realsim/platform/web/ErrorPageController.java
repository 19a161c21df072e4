package com.realsim.platform.web;

import com.realsim.platform.error.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Errors that never reached a controller (unknown paths, filters, the container): a problem detail under
 * {@code /api/}, a friendly page elsewhere. Neither shows a stack trace, an exception name or the request's data.
 */
@Controller
@RequiredArgsConstructor
class ErrorPageController implements ErrorController {

    private final Problems problems;

    @RequestMapping(
            value = "/error",
            produces = {"application/json", "application/problem+json"})
    @ResponseBody
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        ErrorCode code = codeFor(status(request));
        return problems.answer(code, code.messageKey(), Map.of());
    }

    @RequestMapping("/error")
    Object page(HttpServletRequest request, Model model) {
        if (String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))
                .startsWith("/api/")) {
            return problem(request);
        }
        HttpStatus status = status(request);
        model.addAttribute("status", status.value());
        String view = switch (status.value()) {
            case 403 -> "error/403";
            case 404 -> "error/404";
            default -> status.is4xxClientError() ? "error/4xx" : "error/500";
        };
        return new org.springframework.web.servlet.ModelAndView(view, model.asMap(), status);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static ErrorCode codeFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> ErrorCode.NOT_FOUND;
            case FORBIDDEN -> ErrorCode.FORBIDDEN;
            case UNAUTHORIZED -> ErrorCode.UNAUTHORIZED;
            case METHOD_NOT_ALLOWED -> ErrorCode.METHOD_NOT_ALLOWED;
            case CONTENT_TOO_LARGE -> ErrorCode.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case TOO_MANY_REQUESTS -> ErrorCode.RATE_LIMITED;
            default -> status.is4xxClientError() ? ErrorCode.VALIDATION_FAILED : ErrorCode.INTERNAL_ERROR;
        };
    }
}
