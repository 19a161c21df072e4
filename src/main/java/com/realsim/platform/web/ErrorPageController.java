package com.realsim.platform.web;

import com.realsim.platform.error.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

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
        ResponseEntity<ProblemDetail> answer =
                problems.answer(code, messageKey(request, code), Map.of(), limit(request));
        // a problem detail's own type, as every other error answer of the API, also when asked for application/json
        return ResponseEntity.status(answer.getStatusCode())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(answer.getBody());
    }

    @RequestMapping("/error")
    Object page(HttpServletRequest request, Model model) {
        if (String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))
                .startsWith("/api/")) {
            return problem(request);
        }
        HttpStatus status = status(request);
        if (status == HttpStatus.CONTENT_TOO_LARGE) { // an upload above the limit (MultipartLimitFilter)
            model.addAttribute("code", ErrorCode.PAYLOAD_TOO_LARGE.name());
            model.addAttribute(
                    "message", problems.text(messageKey(request, ErrorCode.PAYLOAD_TOO_LARGE), limit(request)));
            return new org.springframework.web.servlet.ModelAndView("error/refused", model.asMap(), status);
        }
        model.addAttribute("status", status.value());
        String view = switch (status.value()) {
            case 403 -> "error/403";
            case 404 -> "error/404";
            default -> status.is4xxClientError() ? "error/4xx" : "error/500";
        };
        return new org.springframework.web.servlet.ModelAndView(view, model.asMap(), status);
    }

    /** The upload limit's text when the error is an upload above it, otherwise the code's. */
    private static String messageKey(HttpServletRequest request, ErrorCode code) {
        return request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof MaxUploadSizeExceededException
                ? "error.uploadTooLarge"
                : code.messageKey();
    }

    private static Object[] limit(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof MaxUploadSizeExceededException e
                ? new Object[] {DataSize.ofBytes(e.getMaxUploadSize()).toMegabytes()}
                : new Object[0];
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
