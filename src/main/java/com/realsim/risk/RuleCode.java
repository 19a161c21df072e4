package com.realsim.risk;

/** The rules of domain-rules.md "Risk monitoring"; their codes are the Partner API's. */
public enum RuleCode {
    SLEEPING_CARD,
    SILENT_CARD,
    ONE_ID_MANY_CARDS,
    MACHINE_CARD_SEPARATION,
    OUT_OF_PROFILE_USE,
    HANDSET_USE,
    HANDLER_VELOCITY,
    BINDING_VELOCITY,
    SHARED_ADDRESS,
    IDENTITY_ACROSS_ENTERPRISES,
    BARRED_IDENTITY
}
