package com.realsim.card.events;

import com.realsim.platform.Actor;

/** A card's last blocking reason was cleared: it is ACTIVE again. */
public record CardResumed(Long cardId, String iccid, Long agentId, Long enterpriseId, Actor by) implements CardEvent {}
