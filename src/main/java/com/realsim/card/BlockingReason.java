package com.realsim.card;

import com.realsim.platform.Labelled;
import com.realsim.platform.Role;
import java.util.Optional;

/**
 * Why a card is suspended. A card carries a stack of them and works again only when every one is cleared; each is
 * cleared by its own event, named by {@link #clearedBy()} so that every role can see what would unblock the card.
 */
public enum BlockingReason implements Labelled {
    /** Real-name incomplete: cleared when the real-name is completed. */
    UNVERIFIED(ClearedBy.REAL_NAME_COMPLETED),
    /** Used in a device other than the bound one: cleared by an approved rebind order or the bound device returning. */
    MACHINE_CARD_SEPARATION(ClearedBy.REBIND_OR_BOUND_DEVICE_RETURNS),
    /** A risk flag not re-verified within 24 hours: cleared by passing re-verification. */
    RISK_REVERIFICATION_OVERDUE(ClearedBy.REVERIFICATION_PASSED),
    /** The customer asked for the stop: cleared by the customer's resume (AGENT or ENTERPRISE_ADMIN). */
    CUSTOMER_REQUEST(ClearedBy.CUSTOMER_RESUME),
    /** Unpaid bills: cleared by payment. */
    ARREARS(ClearedBy.PAYMENT),
    /** Stopped by operations staff: cleared by OPS resuming. */
    OPS_ACTION(ClearedBy.OPS_RESUME),
    /** The plan's data limit reached (达量停机), as the operator's feed reports it: cleared when the limit is reset. */
    DATA_LIMIT_REACHED(ClearedBy.DATA_LIMIT_RESET);

    /** The event that clears a reason; stable codes for the API, with texts in the bundles. */
    public enum ClearedBy implements Labelled {
        REAL_NAME_COMPLETED,
        REBIND_OR_BOUND_DEVICE_RETURNS,
        REVERIFICATION_PASSED,
        CUSTOMER_RESUME,
        PAYMENT,
        OPS_RESUME,
        DATA_LIMIT_RESET;

        @Override
        public String messageKey() {
            return "card.clearedBy." + name();
        }
    }

    private final ClearedBy clearedBy;

    BlockingReason(ClearedBy clearedBy) {
        this.clearedBy = clearedBy;
    }

    public ClearedBy clearedBy() {
        return clearedBy;
    }

    @Override
    public String messageKey() {
        return "card.reason." + name();
    }

    /** The reason a person of this role adds by suspending a card by hand, and clears by resuming it. */
    public static Optional<BlockingReason> manualFor(Role role) {
        return switch (role) {
            case OPS -> Optional.of(OPS_ACTION);
            case AGENT, ENTERPRISE_ADMIN -> Optional.of(CUSTOMER_REQUEST);
            case ADMIN -> Optional.empty();
        };
    }
}
