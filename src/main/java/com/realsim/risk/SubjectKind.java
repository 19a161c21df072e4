package com.realsim.risk;

/** What an alert is about: one card, an identity (end user or handler), an ID address, an agent's account. */
public enum SubjectKind {
    CARD,
    IDENTITY,
    ADDRESS,
    ACCOUNT,
    AGENT,
    ENTERPRISE
}
