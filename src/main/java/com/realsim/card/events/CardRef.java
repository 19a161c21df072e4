package com.realsim.card.events;

/** One card of an event about many cards: its id, ICCID and tenant when the event happened. */
public record CardRef(long cardId, String iccid, Long agentId, Long enterpriseId) {}
