package com.realsim.approval;

import java.util.Optional;

/**
 * What this module needs to know about a card, provided by the card module (which depends on this one): whether the
 * current actor may see the card with this ICCID, and which exception its real-name requirement allows. Implemented
 * by the card module as a bean; until one exists no card is visible here (see {@code docs/approval.md}).
 */
public interface ExceptionEligibility {

    /**
     * The card with this ICCID as the current actor may see it (empty = not visible → 404), with the exception kind its
     * real-name requirement allows.
     */
    Optional<CardEligibility> forCard(String iccid);
}
