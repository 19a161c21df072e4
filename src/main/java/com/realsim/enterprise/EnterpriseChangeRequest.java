package com.realsim.enterprise;

import com.realsim.identity.PersonalData;
import com.realsim.identity.SealContext;
import com.realsim.identity.SealedText;
import com.realsim.platform.Actor;
import com.realsim.platform.Labelled;
import com.realsim.platform.Tenanted;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.review.Review;
import com.realsim.platform.review.ReviewTerms;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A requested change of a verified enterprise's real-name fields or of its responsible person, decided by OPS. Nobody
 * decides a change they requested.
 */
@Entity
@Table(name = "enterprise_change_request")
@Tenanted(agent = "agentId", enterprise = "enterpriseId")
class EnterpriseChangeRequest {

    enum Kind implements Labelled {
        DETAILS,
        RESPONSIBLE_PERSON;

        @Override
        public String messageKey() {

            return "enterprise.change.kind." + name();
        }
    }

    enum Status implements Labelled {
        PENDING,
        APPROVED,
        REJECTED;

        @Override
        public String messageKey() {

            return "enterprise.change.status." + name();
        }
    }

    private static final String TABLE = "enterprise_change_request";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Long enterpriseId;

    @Column(nullable = false, updatable = false)
    private Long agentId;

    @Column(nullable = false, updatable = false)
    private UUID sealKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    private String proposedName;

    private String proposedAddress;

    @Embedded
    @AttributeOverride(name = "ciphertext", column = @Column(name = "proposed_legal_rep_enc"))
    @AttributeOverride(name = "masked", column = @Column(name = "proposed_legal_rep_masked"))
    private SealedText proposedLegalRepresentative;

    private Long responsiblePersonId;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.PENDING;

    @Embedded
    @AttributeOverride(name = "submittedBy", column = @Column(name = "requested_by", updatable = false))
    @AttributeOverride(name = "submittedAt", column = @Column(name = "requested_at", updatable = false))
    private Review review;

    protected EnterpriseChangeRequest() {}

    private EnterpriseChangeRequest(long enterpriseId, long agentId, Kind kind, String reason, Actor by, Instant now) {
        this.enterpriseId = enterpriseId;
        this.agentId = agentId;
        this.sealKey = UUID.randomUUID();
        this.kind = kind;
        this.reason = reason;
        this.review = Review.submittedBy(by, now);
    }

    static EnterpriseChangeRequest ofDetails(
            long enterpriseId,
            long agentId,
            String name,
            String address,
            String legalRepresentative,
            String reason,
            Actor by,
            PersonalData personalData,
            Instant now) {
        EnterpriseChangeRequest request =
                new EnterpriseChangeRequest(enterpriseId, agentId, Kind.DETAILS, reason, by, now);
        request.proposedName = name.strip();
        request.proposedAddress = address.strip();
        request.proposedLegalRepresentative = personalData.sealName(
                legalRepresentative, SealContext.of(TABLE, "proposed_legal_rep", request.sealKey));
        return request;
    }

    static EnterpriseChangeRequest ofResponsiblePerson(
            long enterpriseId, long agentId, long proposedPersonId, String reason, Actor by, Instant now) {
        EnterpriseChangeRequest request =
                new EnterpriseChangeRequest(enterpriseId, agentId, Kind.RESPONSIBLE_PERSON, reason, by, now);
        request.responsiblePersonId = proposedPersonId;
        return request;
    }

    void approve(Actor by, Instant now) {
        decide(Status.APPROVED, null, by, now);
    }

    void reject(String why, Actor by, Instant now) {
        decide(Status.REJECTED, why, by, now);
    }

    private void decide(Status outcome, String why, Actor by, Instant now) {
        if (status != Status.PENDING) {
            throw new DomainException(
                    ErrorCode.ILLEGAL_STATE_TRANSITION, "enterprise.illegalTransition", status, outcome);
        }
        review.decide(by, why, now, ReviewTerms.DEFAULT);
        status = outcome;
    }

    String proposedLegalRepresentative(PersonalData personalData) {
        return personalData.open(proposedLegalRepresentative, SealContext.of(TABLE, "proposed_legal_rep", sealKey));
    }

    Long id() {
        return id;
    }

    long enterpriseId() {
        return enterpriseId;
    }

    Kind kind() {
        return kind;
    }

    Status status() {
        return status;
    }

    String proposedName() {
        return proposedName;
    }

    String proposedAddress() {
        return proposedAddress;
    }

    Long responsiblePersonId() {
        return responsiblePersonId;
    }

    ChangeRequestView view() {
        return new ChangeRequestView(
                id,
                enterpriseId,
                kind.name(),
                proposedName,
                proposedAddress,
                proposedLegalRepresentative == null ? null : proposedLegalRepresentative.masked(),
                responsiblePersonId,
                reason,
                status.name(),
                review.submittedAt(),
                review.decidedAt(),
                review.reason());
    }
}
