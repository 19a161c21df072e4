package com.realsim.approval;

/**
 * Which requests a list shows. Every field may be null (no restriction).
 *
 * @param assignee for OPS: requests they hold ({@code ME}) or nobody holds ({@code NOBODY})
 * @param oldestFirst the queue's order (oldest first); otherwise newest first
 */
public record ExceptionFilter(ExceptionStatus status, ExceptionKind kind, Assignee assignee, boolean oldestFirst) {

    public enum Assignee {
        ME,
        NOBODY
    }

    public static ExceptionFilter newestFirst(ExceptionStatus status, ExceptionKind kind) {
        return new ExceptionFilter(status, kind, null, false);
    }
}
