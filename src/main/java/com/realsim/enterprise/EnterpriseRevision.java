package com.realsim.enterprise;

import com.realsim.identity.PersonalData;
import com.realsim.identity.SealContext;
import com.realsim.identity.SealedText;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The enterprise's real-name fields as they were until an approved change replaced them. Never deleted. */
@Entity
@Table(name = "enterprise_revision")
class EnterpriseRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Long enterpriseId;

    @Column(nullable = false, updatable = false)
    private Long agentId;

    @Column(nullable = false, updatable = false)
    private UUID sealKey;

    @Column(nullable = false, updatable = false)
    private Long changeRequestId;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(nullable = false, updatable = false)
    private String certificateAddress;

    @Embedded
    @AttributeOverride(name = "ciphertext", column = @Column(name = "legal_rep_enc", updatable = false))
    @AttributeOverride(name = "masked", column = @Column(name = "legal_rep_masked", updatable = false))
    private SealedText legalRepresentative;

    @Column(nullable = false, updatable = false)
    private Instant validUntil;

    protected EnterpriseRevision() {}

    EnterpriseRevision(
            long enterpriseId,
            long agentId,
            long changeRequestId,
            String name,
            String certificateAddress,
            String legalRepresentative,
            PersonalData personalData,
            Instant validUntil) {
        this.enterpriseId = enterpriseId;
        this.agentId = agentId;
        this.sealKey = UUID.randomUUID();
        this.changeRequestId = changeRequestId;
        this.name = name;
        this.certificateAddress = certificateAddress;
        this.legalRepresentative =
                personalData.sealName(legalRepresentative, SealContext.of("enterprise_revision", "legal_rep", sealKey));
        this.validUntil = validUntil;
    }

    RevisionView view() {
        return new RevisionView(name, certificateAddress, legalRepresentative.masked(), validUntil);
    }
}
