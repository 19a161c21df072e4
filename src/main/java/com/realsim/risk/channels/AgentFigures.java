package com.realsim.risk.channels;

import java.util.List;

/**
 * One agent organisation's figures over a period.
 *
 * @param registrations enterprises it registered (drafted) in the period
 * @param rejections rejections of its registrations by OPS in the period, each one (a registration rejected twice
 *     counts twice)
 * @param rejectionReasons the most frequent reasons of those rejections, most frequent first
 * @param orders business orders it created in the period
 * @param cardsBound cards it bound to an end user in the period
 * @param riskAlerts risk alerts opened in the period that concern at least one of its cards
 * @param reverificationsFailed re-verification cases (kind {@code REVERIFICATION}) of its cards rejected in the period
 */
public record AgentFigures(
        long agentId,
        String name,
        String status,
        long registrations,
        long rejections,
        List<ReasonCount> rejectionReasons,
        long orders,
        long cardsBound,
        long riskAlerts,
        long reverificationsFailed) {

    /** A reason OPS gave, and how many rejections gave it. */
    public record ReasonCount(String reason, long count) {}
}
