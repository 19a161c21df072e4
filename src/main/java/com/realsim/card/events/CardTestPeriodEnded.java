package com.realsim.card.events;

/**
 * A card's test period ended — the plan's test period was over, or the card was activated: it waits for activation,
 * and its silent period begins.
 */
public record CardTestPeriodEnded(Long cardId, String iccid, Long agentId, Long enterpriseId) implements CardEvent {}
