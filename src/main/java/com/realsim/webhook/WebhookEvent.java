package com.realsim.webhook;

/** The event types of the Partner API's webhooks, as the contract names them. */
public enum WebhookEvent {
    /** A card's state changed (handed over, activated, suspended, resumed, pre-cancelled, restored, cancelled). */
    CARD_STATE_CHANGED,
    /** An order completed: its cards' changes are done. */
    ORDER_COMPLETED,
    /** An order was rejected, with the code and reason. */
    ORDER_REJECTED,
    /** A verification case was approved or rejected. */
    VERIFICATION_DECIDED,
    /** An exception to a card's real-name requirement was approved or rejected. */
    EXCEPTION_DECIDED,
    /** A risk scan opened an alert on a card. */
    RISK_ALERT_OPENED,
    /** OPS required a card's end user to verify again before a deadline. */
    REVERIFICATION_REQUIRED
}
