package com.realsim.platform.error;

import com.realsim.platform.Labelled;
import org.springframework.http.HttpStatus;

/**
 * The stable, machine-readable error codes of the platform (the Partner API contract's list plus a few that the
 * contract leaves free), each with the HTTP status it answers with.
 */
public enum ErrorCode implements Labelled {
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST),
    INVALID_ID_NUMBER(HttpStatus.BAD_REQUEST),
    INVALID_USCC(HttpStatus.BAD_REQUEST),
    INVALID_ICCID(HttpStatus.BAD_REQUEST),
    DUPLICATE_ICCID(HttpStatus.CONFLICT),
    DOCUMENTS_MISSING(HttpStatus.UNPROCESSABLE_CONTENT),
    AUTHORIZATION_EXPIRED(HttpStatus.UNPROCESSABLE_CONTENT),
    QUOTA_EXCEEDED(HttpStatus.CONFLICT),
    REAL_NAME_INCOMPLETE(HttpStatus.CONFLICT),
    EXCEPTION_NOT_ALLOWED(HttpStatus.UNPROCESSABLE_CONTENT),
    ILLEGAL_STATE_TRANSITION(HttpStatus.CONFLICT),
    BLOCKED(HttpStatus.CONFLICT),
    SELF_APPROVAL(HttpStatus.FORBIDDEN),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    AGENT_BLACKLISTED(HttpStatus.UNPROCESSABLE_CONTENT),
    AGENT_NOT_QUALIFIED(HttpStatus.FORBIDDEN),
    IDENTITY_BARRED(HttpStatus.UNPROCESSABLE_CONTENT),
    ENTERPRISE_ALREADY_REGISTERED(HttpStatus.CONFLICT),
    // Not in the contract's list, which leaves other codes free to add.
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
    DUPLICATE(HttpStatus.CONFLICT),
    CARD_IN_OPEN_ORDER(HttpStatus.CONFLICT),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT),
    IDEMPOTENT_REQUEST_IN_PROGRESS(HttpStatus.CONFLICT),
    IDEMPOTENT_ANSWER_NOT_REPEATED(HttpStatus.CONFLICT),
    CHANGED_MEANWHILE(HttpStatus.CONFLICT),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR);

    private final HttpStatus status;

    ErrorCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** The message bundle key of this code's default text. */
    @Override
    public String messageKey() {
        return "error." + name();
    }
}
