package com.realsim.enterprise;

import com.realsim.identity.PersonalData;
import com.realsim.identity.SealContext;
import com.realsim.identity.SealedText;
import com.realsim.platform.Actor;
import com.realsim.platform.Tenanted;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import com.realsim.platform.review.Review;
import com.realsim.platform.review.ReviewTerms;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * An enterprise customer as its agent registered it: name, certificate, legal representative, and its responsible
 * person. It moves from DRAFT through SUBMITTED to VERIFIED or REJECTED; once verified its real-name fields change
 * only through an approved change request, and the old values are kept.
 */
@Entity
@Table(name = "enterprise")
@Tenanted(agent = "agentId", enterprise = "id")
class Enterprise extends AbstractAggregateRoot<Enterprise> {

    static final String TABLE = "enterprise";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Long agentId;

    @Column(nullable = false, updatable = false)
    private UUID sealKey;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CertificateType certificateType;

    private String certificateNumber;

    /**
     * The record that keeps this one's USCC, when the same code was registered more than once before the platform
     * refused it (V230): such a record is listed for OPS and cannot be submitted under that code.
     */
    private Long duplicateOf;

    @Column(nullable = false)
    private String certificateAddress;

    @Embedded
    @AttributeOverride(name = "ciphertext", column = @Column(name = "legal_rep_enc"))
    @AttributeOverride(name = "masked", column = @Column(name = "legal_rep_masked"))
    private SealedText legalRepresentative;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EnterpriseStatus status;

    @Column(nullable = false, updatable = false)
    private String createdBy;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    /**
     * Who submitted the registration last and who decided it; null while nobody did (Hibernate reads a review of null
     * columns as null): read it through {@link #review()}.
     */
    @Embedded
    @AttributeOverride(name = "decisionReason", column = @Column(name = "rejection_reason"))
    private Review review;

    private Instant verifiedAt;

    @Version
    private int version;

    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "enterprise_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<ResponsiblePerson> responsiblePersons = new ArrayList<>();

    protected Enterprise() {}

    Enterprise(
            long agentId,
            EnterpriseDetails details,
            ResponsiblePersonDetails person,
            Actor by,
            PersonalData personalData,
            Instant now) {
        this.agentId = agentId;
        this.sealKey = UUID.randomUUID();
        this.status = EnterpriseStatus.DRAFT;
        this.createdBy = by.name();
        this.createdAt = now;
        write(details, personalData);
        responsiblePersons.add(
                new ResponsiblePerson(agentId, person, ResponsiblePerson.Status.CURRENT, personalData, now));
    }

    /** After the first save, when the id is known. */
    Enterprise drafted(Actor by) {
        registerEvent(new EnterpriseChanged(by, id, agentId, "ENTERPRISE_DRAFTED", "SUCCESS", Map.of("name", name)));
        return this;
    }

    /** Corrects a draft or a rejected registration; a verified one changes only through a change request. */
    void correct(EnterpriseDetails details, ResponsiblePersonDetails person, Actor by, PersonalData personalData) {
        if (!status.editable()) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "enterprise.notEditable", status);
        }
        String before = summaryForAudit();
        write(details, personalData);
        current().orElseThrow().correct(person, personalData);
        registerEvent(new EnterpriseChanged(
                by,
                id,
                agentId,
                "ENTERPRISE_CORRECTED",
                "SUCCESS",
                Map.of("before", before, "after", summaryForAudit())));
    }

    /**
     * Hands the registration to OPS. Refused while documents are missing (naming them) or while the responsible
     * person's authorisation is not valid on the day.
     */
    void submit(Set<EnterpriseDocumentKind> present, Actor by, Instant now, LocalDate today) {
        require(EnterpriseStatus.SUBMITTED);
        if (duplicateOf != null) {
            throw alreadyRegistered();
        }
        List<EnterpriseDocumentKind> missing = requiredDocuments().stream()
                .filter(kind -> !present.contains(kind))
                .toList();
        if (!missing.isEmpty()) {
            throw new DomainException(ErrorCode.DOCUMENTS_MISSING, "enterprise.documentsMissing", missing)
                    .with("kinds", missing.stream().map(Enum::name).toList());
        }
        if (!current().orElseThrow().authorisedOn(today)) {
            throw new DomainException(ErrorCode.AUTHORIZATION_EXPIRED, "enterprise.authorizationNotValid");
        }
        status = EnterpriseStatus.SUBMITTED;
        review().resubmittedBy(by, now);
        registerEvent(new EnterpriseChanged(by, id, agentId, "ENTERPRISE_SUBMITTED", "SUCCESS", Map.of("name", name)));
    }

    void approve(Actor by, Instant now) {
        require(EnterpriseStatus.VERIFIED);
        review().decide(by, null, now, ReviewTerms.DEFAULT);
        status = EnterpriseStatus.VERIFIED;
        verifiedAt = now;
        registerEvent(new EnterpriseChanged(by, id, agentId, "ENTERPRISE_VERIFIED", "APPROVED", Map.of("name", name)));
        registerEvent(new EnterpriseVerified(id, agentId));
    }

    void reject(String reason, Actor by, Instant now) {
        require(EnterpriseStatus.REJECTED);
        review().decide(by, reason, now, ReviewTerms.DEFAULT);
        status = EnterpriseStatus.REJECTED;
        registerEvent(new EnterpriseChanged(
                by, id, agentId, "ENTERPRISE_REJECTED", "REJECTED", Map.of("name", name, "reason", reason)));
    }

    /**
     * Refuses a change request unless one may be opened now (a VERIFIED enterprise, no change pending): checked
     * before the request is stored, so that a second request is a 409 and not the pending-change index's violation.
     */
    void requireChangeable() {
        require(EnterpriseStatus.CHANGE_PENDING);
    }

    /** A verified enterprise's change waits for OPS; its current real-name stays valid meanwhile. */
    void changeRequested(EnterpriseChangeRequest request, Actor by) {
        require(EnterpriseStatus.CHANGE_PENDING);
        status = EnterpriseStatus.CHANGE_PENDING;
        registerEvent(new EnterpriseChanged(
                by,
                id,
                agentId,
                "ENTERPRISE_CHANGE_REQUESTED",
                "SUCCESS",
                Map.of("changeRequest", request.id(), "kind", request.kind().name())));
    }

    /** Proposes a new responsible person, to become current when the change request is approved. */
    ResponsiblePerson propose(ResponsiblePersonDetails person, PersonalData personalData, Instant now) {
        ResponsiblePerson proposed =
                new ResponsiblePerson(agentId, person, ResponsiblePerson.Status.PROPOSED, personalData, now);
        responsiblePersons.add(proposed);
        return proposed;
    }

    /**
     * Applies an approved change: new details (the old ones become a revision) or a new responsible person (the old
     * one is superseded, kept as history).
     */
    Optional<EnterpriseRevision> applyChange(
            EnterpriseChangeRequest request, Actor by, PersonalData personalData, Instant now) {
        require(EnterpriseStatus.VERIFIED);
        status = EnterpriseStatus.VERIFIED;
        if (request.kind() == EnterpriseChangeRequest.Kind.RESPONSIBLE_PERSON) {
            ResponsiblePerson proposed = person(request.responsiblePersonId());
            String before = current()
                    .map(p -> p.view().name() + " " + p.view().idNumber())
                    .orElse("");
            current().ifPresent(old -> old.supersede(now));
            proposed.becomeCurrent();
            registerEvent(new ResponsiblePersonChanged(
                    by,
                    id,
                    agentId,
                    before,
                    proposed.view().name() + " " + proposed.view().idNumber()));
            return Optional.empty();
        }
        EnterpriseRevision revision = new EnterpriseRevision(
                id,
                agentId,
                request.id(),
                name,
                certificateAddress,
                personalData.open(legalRepresentative, place("legal_rep")),
                personalData,
                now);
        String before = summaryForAudit();
        this.name = request.proposedName();
        this.certificateAddress = request.proposedAddress();
        this.legalRepresentative =
                personalData.sealName(request.proposedLegalRepresentative(personalData), place("legal_rep"));
        registerEvent(new EnterpriseChanged(
                by,
                id,
                agentId,
                "ENTERPRISE_DETAILS_CHANGED",
                "APPROVED",
                Map.of("before", before, "after", summaryForAudit(), "changeRequest", request.id())));
        return Optional.of(revision);
    }

    /** A rejected change leaves the record as it was; a proposed person is withdrawn. */
    void changeRejected(EnterpriseChangeRequest request, Instant now) {
        require(EnterpriseStatus.VERIFIED);
        status = EnterpriseStatus.VERIFIED;
        if (request.responsiblePersonId() != null) {
            person(request.responsiblePersonId()).withdraw(now);
        }
    }

    private void write(EnterpriseDetails details, PersonalData personalData) {
        this.name = details.name().strip();
        this.certificateType = details.certificateType();
        String code = details.certificateType().carriesCode()
                ? details.certificateNumber().value()
                : null;
        if (!Objects.equals(code, certificateNumber)) {
            duplicateOf = null; // corrected to another code: no longer the duplicate of the record keeping the old one
        }
        this.certificateNumber = code;
        this.certificateAddress = details.certificateAddress().strip();
        this.legalRepresentative = personalData.sealName(details.legalRepresentative(), place("legal_rep"));
    }

    /** The documents a submission needs: proof of the certificate, the responsible person's ID, and a letter. */
    Set<EnterpriseDocumentKind> requiredDocuments() {
        Set<EnterpriseDocumentKind> required = EnumSet.of(
                certificateType.proofKind(),
                EnterpriseDocumentKind.RESPONSIBLE_ID_FRONT,
                EnterpriseDocumentKind.RESPONSIBLE_ID_BACK);
        if (current().map(p -> !p.legalRepresentative()).orElse(false)) {
            required.add(EnterpriseDocumentKind.RESPONSIBLE_AUTHORIZATION);
        }
        return required;
    }

    /** The refusal of a USCC another record holds, on the field, naming neither that record nor its agent. */
    static ValidationException alreadyRegistered() {
        return new ValidationException(new FieldProblem(
                "certificateNumber", ErrorCode.ENTERPRISE_ALREADY_REGISTERED, "enterprise.alreadyRegistered"));
    }

    private void require(EnterpriseStatus target) {
        if (!status.canBecome(target)) {
            throw new DomainException(
                    ErrorCode.ILLEGAL_STATE_TRANSITION, "enterprise.illegalTransition", status, target);
        }
    }

    /** The registration's review; a draft nobody submitted yet has an empty one. */
    private Review review() {
        if (review == null) {
            review = Review.notSubmitted();
        }
        return review;
    }

    private SealContext place(String column) {
        return SealContext.of(TABLE, column, sealKey);
    }

    Optional<ResponsiblePerson> current() {
        return responsiblePersons.stream()
                .filter(p -> p.status() == ResponsiblePerson.Status.CURRENT)
                .findFirst();
    }

    private ResponsiblePerson person(long personId) {
        return responsiblePersons.stream()
                .filter(p -> p.id() != null && p.id() == personId)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Responsible person " + personId + " is not this one's"));
    }

    private String summaryForAudit() {
        return name + " / " + (certificateNumber == null ? "-" : certificateNumber) + " / " + certificateAddress + " / "
                + legalRepresentative.masked();
    }

    /** The record as typed input, with sealed values opened: for a correction that leaves some fields as they are. */
    EnterpriseInput asInput(PersonalData personalData) {
        ResponsiblePerson person = current().orElseThrow();
        return new EnterpriseInput(
                name,
                certificateType,
                certificateNumber,
                certificateAddress,
                personalData.open(legalRepresentative, place("legal_rep")),
                person.asInput(personalData));
    }

    String reveal(String field, PersonalData personalData) {
        if (field.equals("legalRepresentative")) {
            return personalData.open(legalRepresentative, place("legal_rep"));
        }
        if (field.startsWith("responsiblePerson.")) {
            return current()
                    .map(p -> p.reveal(field.substring("responsiblePerson.".length()), personalData))
                    .orElse(null);
        }
        return null;
    }

    Long id() {
        return id;
    }

    long agentId() {
        return agentId;
    }

    String name() {
        return name;
    }

    EnterpriseStatus status() {
        return status;
    }

    Long duplicateOf() {
        return duplicateOf;
    }

    EnterpriseView view() {
        return new EnterpriseView(
                id,
                agentId,
                name,
                certificateType,
                certificateNumber,
                certificateAddress,
                legalRepresentative.masked(),
                status,
                review().reason(),
                current().map(ResponsiblePerson::view).orElse(null),
                createdAt,
                review().submittedAt(),
                review().decidedAt(),
                verifiedAt);
    }

    List<ResponsiblePersonView> personHistory() {
        return responsiblePersons.stream().map(ResponsiblePerson::view).toList();
    }
}
