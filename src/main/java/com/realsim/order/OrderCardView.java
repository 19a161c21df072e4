package com.realsim.order;

import com.realsim.card.CardState;

/**
 * One card of an order with where the card stands now.
 *
 * @param replaces for a replacement's new card: the old card's ICCID
 * @param cardId the card's id in the card module, null for an ICCID the inventory does not hold
 * @param state the card's state now, null when unknown
 * @param agentId the agent organisation holding the card now (null in the inventory)
 * @param enterpriseId the enterprise holding the card now (null in the inventory)
 */
public record OrderCardView(
        int position, String iccid, String replaces, Long cardId, CardState state, Long agentId, Long enterpriseId) {

    /** Whether this actor may open the card's page. */
    public boolean visibleTo(com.realsim.platform.Actor actor) {
        return cardId != null && actor.scope().covers(agentId, enterpriseId);
    }
}
