package com.realsim.approval;

import com.realsim.platform.review.Review;

/**
 * Which requests a list shows. Every field may be null (no restriction).
 *
 * @param assignee for OPS: requests they hold ({@code ME}) or nobody holds ({@code NOBODY})
 * @param oldestFirst the queue's order (oldest first); otherwise newest first
 */
public record ExceptionFilter(ExceptionStatus status, ExceptionKind kind, Assignee assignee, boolean oldestFirst) {

    /** The API's and the page's names for {@link Review.Holder}: without ANYONE, which is no filter at all. */
    public enum Assignee {
        ME,
        NOBODY;

        Review.Holder holder() {
            return Review.Holder.valueOf(name());
        }
    }

    public static ExceptionFilter newestFirst(ExceptionStatus status, ExceptionKind kind) {
        return new ExceptionFilter(status, kind, null, false);
    }
}
