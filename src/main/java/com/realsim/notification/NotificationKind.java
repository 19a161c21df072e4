package com.realsim.notification;

import com.realsim.platform.Labelled;

/**
 * What a notification tells. Its text is the message {@code notification.message.<KIND>} with the notification's
 * arguments; its label ({@code notification.kind.<KIND>}) heads it on the page.
 */
public enum NotificationKind implements Labelled {
    /** OPS verified an enterprise the agent registered: {0} the enterprise's name. */
    ENTERPRISE_VERIFIED,
    /** OPS rejected an enterprise's registration: {0} the enterprise's name. */
    ENTERPRISE_REJECTED,
    /** OPS approved a verification case: {0} the case number, {1} its kind. */
    VERIFICATION_APPROVED,
    /** A verification case was rejected (by OPS or the automatic checks): {0} the case number, {1} its kind. */
    VERIFICATION_REJECTED,
    /** OPS approved an exception: {0} the exception number, {1} the card's ICCID. */
    EXCEPTION_APPROVED,
    /** OPS rejected an exception: {0} the exception number, {1} the card's ICCID. */
    EXCEPTION_REJECTED,
    /** An order completed: {0} the order number, {1} its type, {2} its cards. */
    ORDER_COMPLETED,
    /** An order was rejected: {0} the order number, {1} its type. */
    ORDER_REJECTED,
    /** OPS required re-verification of cards: {0} the alert number, {1} the reader's cards, {2} the deadline. */
    REVERIFICATION_REQUIRED,
    /** A re-verification deadline passed: {0} the alert number, {1} the reader's cards (now stopped). */
    REVERIFICATION_OVERDUE,
    /** A risk scan opened alerts on the reader's cards: {0} how many. */
    RISK_ALERTS_OPENED,
    /** The operator reported arrears: cards were stopped. {0} the day (China time). */
    CARDS_STOPPED_ARREARS,
    /** The operator reported the plan's data limit reached: cards were stopped. {0} the day (China time). */
    CARDS_STOPPED_DATA_LIMIT,
    /**
     * Working cards have used {@value DataLimitWarnings#PERCENT} % or more of their plan's monthly data, before the
     * operator stops them: {0} how many of the reader's cards, {1} the month.
     */
    DATA_LIMIT_NEAR;

    @Override
    public String messageKey() {
        return "notification.kind." + name();
    }

    /** The notification's text, with its arguments. */
    public String textKey() {
        return "notification.message." + name();
    }
}
