package com.realsim.platform.web;

import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ReportedAs;
import jakarta.validation.ConstraintViolation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every error of a REST controller into an RFC 9457 problem detail with the platform's {@code code} and, for
 * field errors, {@code errors[]}. Nothing else in the code base writes error answers for the API.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
@RequiredArgsConstructor
class ApiErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorAdvice.class);

    private final Problems problems;

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        return problems.answer(e);
    }

    @ExceptionHandler(BindException.class) // also MethodArgumentNotValidException
    ResponseEntity<ProblemDetail> invalid(BindException e) {
        List<Problems.FieldError> fields = new ArrayList<>();
        for (ObjectError error : e.getBindingResult().getAllErrors()) {
            String field = error instanceof FieldError fieldError ? fieldError.getField() : error.getObjectName();
            fields.add(new Problems.FieldError(field, codeOf(violationOf(error)), problems.text(error)));
        }
        return problems.resolvedFieldErrors(fields);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalid(HandlerMethodValidationException e) {
        List<Problems.FieldError> fields = new ArrayList<>();
        e.getParameterValidationResults()
                .forEach(result -> result.getResolvableErrors().forEach(error -> {
                    String field = error instanceof FieldError fieldError
                            ? fieldError.getField()
                            : result.getMethodParameter().getParameterName();
                    ConstraintViolation<?> violation = null;
                    try {
                        violation = result.unwrap(error, ConstraintViolation.class);
                    } catch (IllegalArgumentException notAConstraint) {
                        // a binding error rather than a constraint: reported as VALIDATION_FAILED
                    }
                    fields.add(new Problems.FieldError(field, codeOf(violation), problems.text(error)));
                }));
        return problems.resolvedFieldErrors(fields);
    }

    /** Malformed JSON, or a value of the wrong type: names the field, and for an enum its allowed values. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = fieldPath(mismatch.getPath());
            Class<?> target = mismatch.getTargetType();
            FieldProblem problem = target != null && target.isEnum()
                    ? new FieldProblem(
                            field,
                            ErrorCode.VALIDATION_FAILED,
                            "validation.oneOf",
                            Arrays.stream(target.getEnumConstants())
                                    .map(String::valueOf)
                                    .collect(Collectors.joining(", ")))
                    : new FieldProblem(field, ErrorCode.VALIDATION_FAILED, "typeMismatch");
            return problems.fieldErrors(List.of(problem));
        }
        return problems.answer(ErrorCode.VALIDATION_FAILED, "error.unreadableBody", Map.of());
    }

    private static String fieldPath(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    @ExceptionHandler({
        MissingServletRequestParameterException.class,
        MissingServletRequestPartException.class,
        MissingRequestHeaderException.class,
        MethodArgumentTypeMismatchException.class
    })
    ResponseEntity<ProblemDetail> missing(Exception e) {
        String name = "request";
        if (e instanceof MissingServletRequestParameterException m) {
            name = m.getParameterName();
        } else if (e instanceof MissingServletRequestPartException m) {
            name = m.getRequestPartName();
        } else if (e instanceof MissingRequestHeaderException m) {
            name = m.getHeaderName();
        } else if (e instanceof MethodArgumentTypeMismatchException m) {
            name = m.getName();
        }
        return problems.fieldErrors(
                List.of(new FieldProblem(name, ErrorCode.VALIDATION_FAILED, "validation.required")));
    }

    /** Another request changed the same record between this one's read and its write: try again, nothing was saved. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> changedMeanwhile(OptimisticLockingFailureException e) {
        log.info("A concurrent change won: {}", e.getMessage());
        return problems.answer(ErrorCode.CHANGED_MEANWHILE, ErrorCode.CHANGED_MEANWHILE.messageKey(), Map.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return problems.answer(ErrorCode.PAYLOAD_TOO_LARGE, ErrorCode.PAYLOAD_TOO_LARGE.messageKey(), Map.of());
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> badMultipart(MultipartException e) {
        return problems.answer(ErrorCode.VALIDATION_FAILED, "error.unreadableBody", Map.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problems.answer(
                ErrorCode.UNSUPPORTED_MEDIA_TYPE, ErrorCode.UNSUPPORTED_MEDIA_TYPE.messageKey(), Map.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return problems.answer(ErrorCode.VALIDATION_FAILED, "error.notAcceptable", Map.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return problems.answer(ErrorCode.METHOD_NOT_ALLOWED, ErrorCode.METHOD_NOT_ALLOWED.messageKey(), Map.of());
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> denied(RuntimeException e) {
        return problems.answer(ErrorCode.FORBIDDEN, ErrorCode.FORBIDDEN.messageKey(), Map.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String incident = Problems.newIncidentId();
        log.error("Unexpected error, incident {}", incident, e);
        return problems.answer(ErrorCode.INTERNAL_ERROR, "error.INTERNAL_ERROR", Map.of("incident", incident));
    }

    private static ConstraintViolation<?> violationOf(ObjectError error) {
        try {
            return error.unwrap(ConstraintViolation.class);
        } catch (IllegalArgumentException notAConstraint) {
            return null; // a type mismatch while binding
        }
    }

    private static ErrorCode codeOf(ConstraintViolation<?> violation) {
        if (violation == null) {
            return ErrorCode.VALIDATION_FAILED;
        }
        ReportedAs reportedAs = violation
                .getConstraintDescriptor()
                .getAnnotation()
                .annotationType()
                .getAnnotation(ReportedAs.class);
        return reportedAs == null ? ErrorCode.VALIDATION_FAILED : reportedAs.value();
    }
}
