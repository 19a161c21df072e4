package com.realsim.identity;

import java.time.Instant;
import java.time.LocalDate;

/** A bar as pages and the API show it: the subject masked. */
public record BarView(
        long id,
        BarSubject subjectType,
        IdType idType,
        String subject,
        String basis,
        LocalDate validFrom,
        LocalDate validTo,
        String reason,
        BarStatus status,
        boolean inForce,
        String recordedBy,
        Instant recordedAt,
        String liftedBy,
        String liftedReason,
        Instant liftedAt) {}
