package com.realsim.card.bulk;

/**
 * One card (line) of a bulk action and its outcome: {@code DONE}, {@code REFUSED} with a code ({@code NOT_FOUND},
 * {@code ALREADY_ACTIVE}, {@code BLOCKED} …) and its detail (the reasons, the state, the missing facts or the earlier
 * line, as codes), or none yet.
 */
public record BulkItem(int line, String iccid, String outcome, String code, String detail) {}
