package com.realsim.enterprise;

import java.time.Instant;

/** An enterprise as pages and the API show it: personal data masked. */
public record EnterpriseView(
        long id,
        long agentId,
        String name,
        CertificateType certificateType,
        String certificateNumber,
        String certificateAddress,
        String legalRepresentative,
        EnterpriseStatus status,
        String rejectionReason,
        ResponsiblePersonView responsiblePerson,
        Instant createdAt,
        Instant submittedAt,
        Instant decidedAt,
        Instant verifiedAt) {}
