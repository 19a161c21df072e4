package com.realsim.verification;

import com.realsim.identity.IdDocument;
import com.realsim.identity.PersonalData;
import com.realsim.identity.SealContext;
import com.realsim.identity.SealedIdNumber;
import com.realsim.identity.SealedText;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
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
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * One person-to-ID check (人证比对): the person's sealed name and ID document, the photos, what the automatic checks
 * found, and the decision. It is PENDING_REVIEW until it is approved (automatically when every check passed, or by
 * OPS) or rejected (by OPS only). The account that submitted it may not decide it; a case claimed by one reviewer
 * is decided by that reviewer.
 */
@Entity
@Table(name = "verification_case")
@Tenanted(agent = "agentId", enterprise = "enterpriseId")
class VerificationCase extends AbstractAggregateRoot<VerificationCase> {

    static final String TABLE = "verification_case";
    static final String SELF_SERVICE_PREFIX = "SELF_SERVICE:";

    /** The refusals of maker-checker and of a colleague's claim, as the verification pages and API word them. */
    static final ReviewTerms TERMS = new ReviewTerms("verification.selfApproval", "verification.claimedByOther", false);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private VerificationKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private VerificationStatus status;

    @Column(nullable = false, updatable = false)
    private String subjectType;

    @Column(nullable = false, updatable = false)
    private long subjectId;

    @Column(nullable = false, updatable = false)
    private String subjectLabel;

    @Column(nullable = false, updatable = false)
    private Long agentId;

    @Column(updatable = false)
    private Long enterpriseId;

    @Column(nullable = false, updatable = false)
    private UUID sealKey;

    @Embedded
    @AttributeOverride(name = "ciphertext", column = @Column(name = "name_enc", updatable = false))
    @AttributeOverride(name = "masked", column = @Column(name = "name_masked", updatable = false))
    private SealedText name;

    @Embedded
    private SealedIdNumber idNumber;

    @Column(nullable = false, updatable = false)
    private long idPhotoDocumentId;

    @Column(updatable = false)
    private Long idBackDocumentId;

    private Long livePhotoDocumentId;

    /** A re-verification's signed fraud-risk notice (涉诈风险告知书), scanned at the agent's counter. */
    private Long riskNoticeDocumentId;

    /** When the person accepted the fraud-risk notice on the phone page (the checkbox). */
    private Instant riskNoticeAcceptedAt;

    @Column(nullable = false)
    private String checkMethod;

    private String identityResult;

    private String faceResult;

    private Boolean liveness;

    @Column(precision = 5, scale = 4)
    private BigDecimal similarity;

    @Column(nullable = false, precision = 5, scale = 4)
    private BigDecimal faceThreshold;

    /** The link the person submitted through; set once (when a re-verification's documents come through it). */
    private Long selfServiceLinkId;

    /** The maker: set when the case opens, replaced once when a re-verification's documents are submitted. */
    @Column(nullable = false)
    private String submittedName;

    @Embedded
    @AttributeOverride(name = "submittedAt", column = @Column(name = "created_at"))
    @AttributeOverride(name = "assignedToName", column = @Column(name = "assigned_name"))
    @AttributeOverride(name = "decidedByName", column = @Column(name = "decided_name"))
    private Review review;

    @Version
    private int version;

    protected VerificationCase() {}

    /**
     * A new case, not yet checked.
     *
     * @param selfServiceLinkId the link the end user submitted through, when {@code submission.submittedBy()} is null
     */
    VerificationCase(NewVerificationCase submission, Long selfServiceLinkId, PersonalData personalData, Instant now) {
        Actor maker = submission.submittedBy();
        if (maker == null && selfServiceLinkId == null) {
            throw new IllegalArgumentException("A case names its submitter or the self-service link it came through");
        }
        this.kind = submission.kind();
        this.status = submission.awaitsDocuments()
                ? VerificationStatus.AWAITING_DOCUMENTS
                : VerificationStatus.PENDING_REVIEW;
        this.subjectType = submission.subjectType();
        this.subjectId = submission.subjectId();
        this.subjectLabel = submission.subjectLabel().strip();
        this.agentId = submission.agentId();
        this.enterpriseId = submission.enterpriseId();
        this.sealKey = UUID.randomUUID();
        this.name = personalData.sealName(submission.personName(), place("name"));
        this.idNumber = personalData.seal(submission.idDocument(), place("id_number"));
        this.idPhotoDocumentId = submission.idPhotoDocumentId();
        this.idBackDocumentId = submission.idBackDocumentId();
        this.livePhotoDocumentId = submission.livePhotoDocumentId();
        this.selfServiceLinkId = maker == null ? selfServiceLinkId : null;
        this.review = maker == null
                ? Review.submittedBy(SELF_SERVICE_PREFIX + selfServiceLinkId, now)
                : Review.submittedBy(maker, now);
        this.submittedName = maker == null ? "self-service:" + selfServiceLinkId : maker.name();
        this.checkMethod = Findings.MANUAL;
        this.faceThreshold = BigDecimal.ONE;
    }

    /**
     * Records what the checks found (after the first save, when the id is known) and approves the case when every
     * check passed; otherwise it waits for OPS.
     */
    void checked(Findings findings, Actor maker, Instant now) {
        this.checkMethod = findings.method();
        this.identityResult = findings.identity();
        this.faceResult = findings.face();
        this.liveness = findings.liveness();
        this.similarity = findings.similarity() == null ? null : decimal(findings.similarity());
        this.faceThreshold = decimal(findings.threshold());
        Map<String, Object> details = baseDetails();
        details.put("method", findings.method());
        details.put("concerns", String.join(",", findings.concerns()));
        registerEvent(new VerificationCaseChanged(
                submittedName,
                maker == null ? null : maker.role(),
                id,
                agentId,
                enterpriseId,
                "VERIFICATION_OPENED",
                "SUCCESS",
                details));
        if (findings.approvable()) {
            String reason = "automatic: every check passed";
            review.decideAsSystem(reason, now);
            decided(VerificationStatus.APPROVED, null, reason);
        }
    }

    /**
     * A re-verification opened without documents (after the first save): recorded as opened by OPS, waiting for the
     * live photo and the fraud-risk notice.
     */
    void awaitingDocuments(Actor opener) {
        Map<String, Object> details = baseDetails();
        details.put("waitingFor", "LIVE_PHOTO,RISK_NOTICE");
        registerEvent(audit(opener, "VERIFICATION_OPENED", "SUCCESS", details));
    }

    /** A document of a re-verification waiting for them: the live photo or the signed notice's scan. */
    void document(ReverificationDocument kind, long documentId) {
        requireAwaiting();
        switch (kind) {
            case LIVE_PHOTO -> this.livePhotoDocumentId = documentId;
            case RISK_NOTICE -> this.riskNoticeDocumentId = documentId;
        }
    }

    /** The notice accepted on the phone page (the checkbox), at this moment. */
    void noticeAccepted(Instant at) {
        requireAwaiting();
        this.riskNoticeAcceptedAt = at;
    }

    /** Whether a re-verification has what its review needs: the live photo and the notice (scan or accepted). */
    boolean documentsComplete() {
        return livePhotoDocumentId != null && (riskNoticeDocumentId != null || riskNoticeAcceptedAt != null);
    }

    /**
     * A re-verification's documents are in: the one who brought them is its maker (the agent at the counter, or the
     * person's self-service link), the face comparison's findings are recorded, and it waits for OPS — a flagged
     * card's re-verification is never approved without a person.
     */
    void documentsSubmitted(Findings findings, Actor maker, Long linkId, Instant now) {
        requireAwaiting();
        if (!documentsComplete()) {
            throw new IllegalStateException("A re-verification goes to review with its live photo and the notice");
        }
        this.status = VerificationStatus.PENDING_REVIEW;
        this.selfServiceLinkId = maker == null ? linkId : null;
        this.review =
                maker == null ? Review.submittedBy(SELF_SERVICE_PREFIX + linkId, now) : Review.submittedBy(maker, now);
        this.submittedName = maker == null ? "self-service:" + linkId : maker.name();
        this.checkMethod = findings.method();
        this.identityResult = findings.identity();
        this.faceResult = findings.face();
        this.liveness = findings.liveness();
        this.similarity = findings.similarity() == null ? null : decimal(findings.similarity());
        this.faceThreshold = decimal(findings.threshold());
        Map<String, Object> details = baseDetails();
        details.put("method", findings.method());
        details.put("concerns", String.join(",", findings.concerns()));
        details.put("notice", riskNoticeDocumentId != null ? "SIGNED_SCAN" : "ACCEPTED_ON_PHONE");
        registerEvent(new VerificationCaseChanged(
                submittedName,
                maker == null ? null : maker.role(),
                id,
                agentId,
                enterpriseId,
                "VERIFICATION_DOCUMENTS_SUBMITTED",
                "SUCCESS",
                details));
    }

    private void requireAwaiting() {
        if (status != VerificationStatus.AWAITING_DOCUMENTS) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "verification.notAwaitingDocuments", status);
        }
    }

    void approve(Actor reviewer, String reason, Instant now) {
        decide(VerificationStatus.APPROVED, reviewer, reason, now);
    }

    void reject(Actor reviewer, String reason, Instant now) {
        decide(VerificationStatus.REJECTED, reviewer, reason, now);
    }

    /** An OPS user takes the case, so that the team does not review it twice. */
    void assign(Actor reviewer, Instant now) {
        requirePending();
        if (review.claim(reviewer, now, TERMS)) {
            registerEvent(audit(reviewer, "VERIFICATION_CLAIMED", "SUCCESS", baseDetails()));
        }
    }

    /** Gives a claimed case back to the queue: its reviewer, or any other OPS user when the reviewer is away. */
    void release(Actor reviewer) {
        requirePending();
        review.release().ifPresent(previous -> {
            Map<String, Object> details = baseDetails();
            details.put("claimedBy", previous);
            registerEvent(audit(reviewer, "VERIFICATION_RELEASED", "SUCCESS", details));
        });
    }

    private void requirePending() {
        if (status == VerificationStatus.AWAITING_DOCUMENTS) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "verification.awaitingDocuments");
        }
        if (status.decided()) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "verification.alreadyDecided", status);
        }
    }

    private void decide(VerificationStatus outcome, Actor reviewer, String reason, Instant now) {
        requirePending();
        review.decide(reviewer, reason, now, TERMS);
        decided(outcome, reviewer.role(), reason);
    }

    /** The review recorded the decision: the case takes its outcome and tells the trail and the subject's module. */
    private void decided(VerificationStatus outcome, Role role, String reason) {
        this.status = outcome;
        String byName = review.decidedByName();
        Map<String, Object> details = baseDetails();
        details.put("reason", reason);
        registerEvent(new VerificationCaseChanged(
                byName,
                role,
                id,
                agentId,
                enterpriseId,
                outcome == VerificationStatus.APPROVED ? "VERIFICATION_APPROVED" : "VERIFICATION_REJECTED",
                outcome.name(),
                details));
        registerEvent(new VerificationDecided(id, kind, subjectType, subjectId, outcome, byName, reason));
    }

    private VerificationCaseChanged audit(Actor actor, String action, String outcome, Map<String, Object> details) {
        return new VerificationCaseChanged(
                actor.name(), actor.role(), id, agentId, enterpriseId, action, outcome, details);
    }

    /** Masked facts every audit entry of the case carries. */
    private Map<String, Object> baseDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", kind.name());
        details.put("subject", subjectType + " " + subjectLabel);
        details.put("name", name.masked());
        details.put("idNumber", idNumber.masked());
        return details;
    }

    private SealContext place(String column) {
        return SealContext.of(TABLE, column, sealKey);
    }

    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN);
    }

    /** The clear value of a sealed field, for audited unmasking: {@code name} or {@code idNumber}. */
    String reveal(String field, PersonalData personalData) {
        if (field.equals("name")) {
            return personalData.open(name, place("name"));
        }
        if (field.equals("idNumber")) {
            IdDocument document = personalData.open(idNumber, place("id_number"));
            return document.number();
        }
        return null;
    }

    /** The events registered and not yet published (Spring Data publishes them on save). */
    List<Object> pendingEvents() {
        return List.copyOf(domainEvents());
    }

    Long id() {
        return id;
    }

    VerificationStatus status() {
        return status;
    }

    VerificationKind kind() {
        return kind;
    }

    long idPhotoDocumentId() {
        return idPhotoDocumentId;
    }

    Long livePhotoDocumentId() {
        return livePhotoDocumentId;
    }

    Findings findings() {
        return new Findings(
                checkMethod,
                identityResult,
                faceResult,
                liveness,
                similarity == null ? null : similarity.doubleValue(),
                faceThreshold.doubleValue());
    }

    VerificationCaseView view() {
        return new VerificationCaseView(
                id,
                kind,
                status,
                subjectType,
                subjectId,
                subjectLabel,
                agentId,
                enterpriseId,
                name.masked(),
                idNumber.type(),
                idNumber.masked(),
                idPhotoDocumentId,
                idBackDocumentId,
                livePhotoDocumentId,
                findings(),
                review.submitterKey().startsWith(SELF_SERVICE_PREFIX) ? "self-service" : submittedName,
                review.submitterKey(),
                review.submittedAt(),
                review.holderName(),
                review.holderKey(),
                review.heldSince(),
                review.decidedByName(),
                review.decidedAt(),
                review.reason(),
                riskNoticeDocumentId,
                riskNoticeAcceptedAt);
    }
}
