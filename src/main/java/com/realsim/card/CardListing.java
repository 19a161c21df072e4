package com.realsim.card;

import java.util.List;

/**
 * A row of the card list: the card, its enterprise's name (null for inventory), its active blocking reasons (oldest
 * first) and whether its real-name is complete on the facts as they stand.
 */
public record CardListing(
        CardSummary card, String enterpriseName, List<BlockingReason> blockingReasons, boolean realNameComplete) {

    public CardListing {
        blockingReasons = List.copyOf(blockingReasons);
    }
}
