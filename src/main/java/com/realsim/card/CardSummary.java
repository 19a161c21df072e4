package com.realsim.card;

import com.realsim.catalogue.Operator;
import java.time.Instant;

/** A card as lists and other modules see it. */
public record CardSummary(
        long id,
        String iccid,
        String msisdn,
        Operator operator,
        String planCode,
        CardState state,
        Long agentId,
        Long enterpriseId,
        Instant createdAt) {}
