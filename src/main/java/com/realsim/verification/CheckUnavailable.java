package com.realsim.verification;

/**
 * A check that gave no usable answer. The case goes to manual review with the reason as its finding; it is never
 * approved or rejected because of it.
 */
public class CheckUnavailable extends RuntimeException {

    /** Why there is no answer. */
    public enum Reason {
        /** Connection failures, timeouts, 5xx answers, after the retries. */
        UNAVAILABLE,
        /** The service refused the request (4xx): wrong credentials or a request it does not accept. */
        REFUSED,
        /** An answer this adapter does not understand. */
        UNREADABLE
    }

    private final Reason reason;

    public CheckUnavailable(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public CheckUnavailable(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
