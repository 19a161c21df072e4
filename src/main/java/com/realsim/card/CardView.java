package com.realsim.card;

import java.time.Instant;
import java.util.List;

/**
 * One card with everything its page and the API show: plan, state, the blocking reasons (active ones first, then
 * the cleared history) and the real-name requirement with what is missing.
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
        Instant createdAt,
        Instant activatedAt,
        Instant updatedAt) {

    public List<BlockingReasonView> activeReasons() {
        return blockingReasons.stream().filter(BlockingReasonView::active).toList();
    }

    public List<BlockingReasonView> clearedReasons() {
        return blockingReasons.stream().filter(r -> !r.active()).toList();
    }
}
