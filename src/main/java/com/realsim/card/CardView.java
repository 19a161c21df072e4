package com.realsim.card;

import com.realsim.approval.ApprovedException;
import com.realsim.catalogue.ExceptionKind;
import com.realsim.catalogue.Operator;
import com.realsim.catalogue.ServicePlanSummary;
import java.time.Instant;
import java.util.List;

/**
 * One card with everything its page and the API show: plan, state, the blocking reasons (active ones first, then
 * the cleared history), the real-name requirement judged on the facts as they stand, the end user (masked) and the
 * approved exception that waives the end user, if any.
 *
 * @param endUser the current end user, or null
 * @param approvedException the card's approved exception, or null; it waives the end user only when its kind is the
 *     one the requirement allows ({@link #waivedByException()})
 * @param handledByOrderId the order the card came to its enterprise through (its handler is recorded), or null
 */
public record CardView(
        long id,
        String iccid,
        String msisdn,
        String imsi,
        Operator operator,
        ServicePlanSummary plan,
        CardState state,
        Long agentId,
        Long enterpriseId,
        boolean imeiBinding,
        String boundImeiMasked,
        int rebindsThisMonth,
        List<BlockingReasonView> blockingReasons,
        RealNameAssessment realName,
        EndUserView endUser,
        ApprovedException approvedException,
        Long handledByOrderId,
        Instant createdAt,
        Instant activatedAt,
        Instant lastUsageAt,
        Instant preCancelledAt,
        Instant updatedAt) {

    /** Whether the approved exception is what satisfies the end-user requirement. */
    public boolean waivedByException() {
        return approvedException != null
                && realName.requirement()
                        .waivableBy(
                                ExceptionKind.valueOf(approvedException.kind().name()));
    }

    /** Whether an agent may ask for an exception: the requirement allows one and none is approved yet. */
    public boolean exceptionRequestable() {
        return realName.requirement().exceptionKind().isApproval()
                && approvedException == null
                && state.isWithCustomer();
    }

    public List<BlockingReasonView> activeReasons() {
        return blockingReasons.stream().filter(BlockingReasonView::active).toList();
    }

    public List<BlockingReasonView> clearedReasons() {
        return blockingReasons.stream().filter(r -> !r.active()).toList();
    }
}
