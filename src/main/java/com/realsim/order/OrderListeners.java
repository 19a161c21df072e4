package com.realsim.order;

import com.realsim.platform.jobs.Recurring;
import com.realsim.verification.VerificationDecided;
import com.realsim.verification.VerificationKind;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * What moves orders from outside a request: the verification module's decision of a handler's comparison, and a
 * restart (orders whose last step committed but whose completion never ran, because the process stopped between
 * the two transactions, are completed in the background after a start).
 */
@Component
@RequiredArgsConstructor
class OrderListeners {

    private static final Logger log = LoggerFactory.getLogger(OrderListeners.class);

    private final OrderProgress progress;
    private final BusinessOrders orders;

    /**
     * Every decision of a case, automatic ones included. The listener itself runs without a transaction: the order's
     * steps run in transactions of their own, so that a refusal by the card module rejects the order instead of
     * failing the event.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(VerificationDecided decided) {
        if (!OrderSteps.DOCUMENT_OWNER.equals(decided.subjectType()) || decided.kind() != VerificationKind.HANDLER) {
            return;
        }
        progress.comparisonDecided(decided.subjectId(), decided.caseId(), decided.approved(), decided.reason());
    }

    /**
     * Orders whose last step committed but whose completion never ran (the process stopped between the two
     * transactions) are completed in the background, on one instance, soon after a start and then every
     * {@code realsim.order.settle-interval}: never in the starting thread, where a large order held up the start.
     */
    @Recurring(name = "order-settle-open", initialDelay = "0s", fixedDelay = "${realsim.order.settle-interval:5m}")
    void settleOpenOrders() {
        List<Long> open = orders.findOpenIds();
        for (Long id : open) {
            try {
                progress.settle(id, null);
            } catch (RuntimeException e) {
                log.warn("Order {} could not be settled at start-up", id, e);
            }
        }
    }
}
