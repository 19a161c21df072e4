package com.realsim.order;

import com.realsim.platform.Actor;
import com.realsim.platform.error.DomainException;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Moves an order on after something happened to it: completes it when it waits for nothing any more, or rejects it
 * with the reason when its completion was refused. Runs outside any transaction of the caller (see
 * {@link OrderSteps}).
 */
@Component
@RequiredArgsConstructor
class OrderProgress {

    private final OrderSteps steps;

    /**
     * Completes the order if it is ready.
     *
     * @param by whose act completes it; null for the system (a verification decision, a restart)
     */
    void settle(long orderId, Actor by) {
        try {
            steps.completeIfReady(orderId, by);
        } catch (DomainException refusal) {
            steps.rejectBecause(orderId, refusal, by);
        }
    }

    /** The handler's comparison was decided: record it and settle the order. */
    void comparisonDecided(long orderId, long caseId, boolean approved, String reason) {
        if (steps.comparisonDecided(orderId, caseId, approved, reason) && approved) {
            settle(orderId, null);
        }
    }
}
