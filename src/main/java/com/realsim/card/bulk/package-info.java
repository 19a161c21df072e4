/**
 * Bulk work on cards (issue 15): one action — activate, suspend, resume, or issue self-service links — on up to
 * {@value com.realsim.card.bulk.CardBulkActions#MAX_CARDS} cards chosen on the card list or uploaded as a list of
 * ICCIDs, run as a platform job with an outcome per card (docs/card.md, "Bulk actions").
 */
package com.realsim.card.bulk;
