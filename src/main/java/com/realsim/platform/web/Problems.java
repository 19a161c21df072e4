package com.realsim.platform.web;

import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Builds the platform's problem details: status, title, a localised {@code detail}, {@code code}, {@code errors}. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Problems {

    private final MessageSource messages;

    public ResponseEntity<ProblemDetail> answer(DomainException e) {
        if (!e.fieldProblems().isEmpty()) {
            return fieldErrors(e.fieldProblems());
        }
        return answer(e.code(), e.messageKey(), e.details(), e.messageArguments());
    }

    public ResponseEntity<ProblemDetail> answer(
            ErrorCode code, String messageKey, Map<String, Object> details, Object... arguments) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), text(messageKey, arguments));
        problem.setTitle(code.status().getReasonPhrase());
        problem.setProperty("code", code.name());
        details.forEach(problem::setProperty);
        return ResponseEntity.status(code.status()).body(problem);
    }

    /**
     * A 400 answer listing each field's rule. Its {@code code} is the one field's code when there is one (for example
     * {@code INVALID_USCC}), and {@code VALIDATION_FAILED} when several fields are wrong.
     */
    public ResponseEntity<ProblemDetail> fieldErrors(List<FieldProblem> fields) {
        return resolvedFieldErrors(fields.stream()
                .map(field -> new FieldError(field.field(), field.code(), text(field.messageKey(), field.arguments())))
                .toList());
    }

    /** One field's error with its message already in the user's language. */
    public record FieldError(String field, ErrorCode code, String message) {}

    public ResponseEntity<ProblemDetail> resolvedFieldErrors(List<FieldError> fields) {
        ErrorCode code = fields.size() == 1 ? fields.get(0).code() : ErrorCode.VALIDATION_FAILED;
        // A well-formed value the domain refuses (a blacklisted USCC, a barred identity, an agent not qualified to
        // take customers) answers 422, not 400.
        HttpStatus status = code.status() == HttpStatus.UNPROCESSABLE_CONTENT || code == ErrorCode.AGENT_NOT_QUALIFIED
                ? HttpStatus.UNPROCESSABLE_CONTENT
                : ErrorCode.VALIDATION_FAILED.status();
        if (code == ErrorCode.ENTERPRISE_ALREADY_REGISTERED) {
            status = code.status(); // a USCC another record holds: 409, as the contract says
        }
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(status, text(ErrorCode.VALIDATION_FAILED.messageKey()));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code.name());
        List<Map<String, Object>> errors = new ArrayList<>();
        for (FieldError field : fields) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", field.field());
            error.put("code", field.code().name());
            error.put("message", field.message());
            errors.add(error);
        }
        problem.setProperty("errors", errors);
        return ResponseEntity.status(status).body(problem);
    }

    public String text(String key, Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, arguments, key, locale);
    }

    /** Text for a Spring validation error, through its codes (e.g. {@code NotBlank.form.name}, {@code NotBlank}). */
    public String text(MessageSourceResolvable resolvable) {
        try {
            return messages.getMessage(resolvable, LocaleContextHolder.getLocale());
        } catch (NoSuchMessageException e) {
            return text(ErrorCode.VALIDATION_FAILED.messageKey());
        }
    }

    static String newIncidentId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
