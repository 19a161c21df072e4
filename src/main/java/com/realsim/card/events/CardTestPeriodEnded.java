package com.realsim.card.events;

/** A card's test period ended: it waits for activation. */
public record CardTestPeriodEnded(Long cardId, String iccid, Long agentId, Long enterpriseId) {}
