package com.realsim.enterprise;

import java.time.Instant;

/** A change request as pages and the API show it: personal data masked. */
public record ChangeRequestView(
        long id,
        long enterpriseId,
        String kind,
        String proposedName,
        String proposedAddress,
        String proposedLegalRepresentative,
        Long proposedResponsiblePersonId,
        String reason,
        String status,
        Instant requestedAt,
        Instant decidedAt,
        String decisionReason) {}
