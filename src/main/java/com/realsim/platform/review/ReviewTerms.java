package com.realsim.platform.review;

import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;

/**
 * How a module words the two refusals every review shares, so that its pages and API answers read as they always
 * have: the maker's own decision ({@code SELF_APPROVAL}, 403) and a colleague's hold ({@code
 * ILLEGAL_STATE_TRANSITION}, 409, with the holder's name as the message's argument).
 *
 * @param selfApprovalKey the message key of the maker's refusal
 * @param heldByAnotherKey the message key of the hold's refusal; {@code {0}} is the holder's name
 * @param holderInDetails whether the hold's refusal also names the holder as the answer's member {@code assignedTo}
 */
public record ReviewTerms(String selfApprovalKey, String heldByAnotherKey, boolean holderInDetails) {

    /** The error code's own text for the maker, a neutral one for the hold (orders, enterprises). */
    public static final ReviewTerms DEFAULT =
            new ReviewTerms(ErrorCode.SELF_APPROVAL.messageKey(), "review.heldByAnother", false);

    DomainException selfApproval() {
        return new DomainException(ErrorCode.SELF_APPROVAL, selfApprovalKey);
    }

    DomainException heldByAnother(String holder) {
        DomainException refusal = new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, heldByAnotherKey, holder);
        return holderInDetails ? refusal.with("assignedTo", holder) : refusal;
    }
}
