package com.realsim.card.inventory;

import java.util.List;

/** The outcome of an import: how many cards entered the inventory and which lines were rejected. */
public record CardImportResult(long importId, long imported, List<RejectedLine> rejected) {}
