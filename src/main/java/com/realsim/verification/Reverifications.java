package com.realsim.verification;

import com.realsim.document.DocumentService;
import com.realsim.document.NewDocument;
import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person's side of a risk re-verification (a {@code REVERIFICATION} case opened by OPS, {@code AWAITING_DOCUMENTS}):
 *
 * <ul>
 *   <li>at the agent's counter: the agent (or the enterprise admin) uploads the live photo and the scan of the signed
 *       fraud-risk notice (涉诈风险告知书), {@link #attach};
 *   <li>on the phone: the agent or enterprise admin issues a one-time link for the case ({@link #link}); the person
 *       takes a live photo and accepts the notice with a checkbox, whose moment is recorded ({@link #submit}).
 * </ul>
 *
 * Once both are in, the live photo is compared with the ID photo on record (the configured {@link FaceCheck}; none
 * configured: manual review, said so) and the case waits for OPS in the review queue. The one who brought the documents
 * is the case's maker and never decides it.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Reverifications implements SelfServiceSubject {

    /** Links of re-verifications name the case: {@code REVERIFICATION} and the case id. */
    static final String SUBJECT_TYPE = "REVERIFICATION";

    static final String DOCUMENT_OWNER = "VERIFICATION";
    private static final Set<Role> READERS = Set.of(Role.OPS, Role.AGENT);

    private final VerificationCases cases;
    private final VerificationService verifications;
    private final DocumentService documents;
    /** Lazily: the links service collects every {@link SelfServiceSubject}, this one too. */
    private final ObjectProvider<SelfServiceLinks> links;

    private final Clock clock;

    /**
     * The agent's counter: one document of a re-verification of the actor's tenant. With the live photo and the notice
     * in, the case goes to review.
     *
     * @throws DomainException {@code FORBIDDEN} for roles other than AGENT and ENTERPRISE_ADMIN; {@code
     *     ILLEGAL_STATE_TRANSITION} for a case that is no re-verification or does not wait for documents; the document
     *     module's {@code UNSUPPORTED_MEDIA_TYPE} / {@code PAYLOAD_TOO_LARGE}; 404 for another tenant's case
     */
    @Transactional
    public VerificationCaseView attach(long caseId, ReverificationDocument kind, byte[] content) {
        Actor actor = requireCustomerSide();
        VerificationCase kase = awaiting(cases.getVisible(caseId));
        long documentId = documents
                .store(new NewDocument(
                        DOCUMENT_OWNER,
                        caseId,
                        kind.documentKind(),
                        kase.view().agentId(),
                        kase.view().enterpriseId(),
                        READERS,
                        actor,
                        content))
                .id();
        kase.document(kind, documentId);
        if (kase.documentsComplete()) {
            toReview(kase, actor, null);
        }
        return cases.save(kase).view();
    }

    /**
     * A one-time link for the person's phone (AGENT or ENTERPRISE_ADMIN, for a re-verification of their tenant that
     * waits for its documents). The URL and its QR code exist only in this answer.
     */
    @Transactional
    public IssuedLink link(long caseId) {
        Actor actor = requireCustomerSide();
        VerificationCaseView kase = awaiting(cases.getVisible(caseId)).view();
        return links.getObject().create(SUBJECT_TYPE, caseId, kase.agentId(), kase.enterpriseId(), actor);
    }

    /**
     * The person's submission through the link: the live photo and the accepted notice (its moment recorded). The
     * link is used by it; a refusal (a file that is not an image) leaves the link usable and keeps nothing.
     *
     * @throws NotFoundException for an unknown, used or expired link, or one of another kind
     */
    @Transactional
    public SubmissionOutcome submit(String token, byte[] livePhoto, boolean noticeAccepted) {
        if (!noticeAccepted) {
            throw new IllegalArgumentException("The notice is accepted before a submission");
        }
        return links.getObject().redeem(token, SUBJECT_TYPE, (subject, link) -> {
            VerificationCase kase = awaiting(cases.findById(link.subjectId()).orElseThrow(NotFoundException::new));
            VerificationCaseView view = kase.view();
            long documentId = documents
                    .store(new NewDocument(
                            DOCUMENT_OWNER,
                            view.id(),
                            ReverificationDocument.LIVE_PHOTO.documentKind(),
                            view.agentId(),
                            view.enterpriseId(),
                            READERS,
                            null,
                            content(livePhoto)))
                    .id();
            kase.document(ReverificationDocument.LIVE_PHOTO, documentId);
            kase.noticeAccepted(now());
            toReview(kase, null, link.id());
            return SubmissionOutcome.of(cases.save(kase).view());
        });
    }

    private static byte[] content(byte[] livePhoto) {
        if (livePhoto == null || livePhoto.length == 0) {
            throw new IllegalArgumentException("A live photo is required");
        }
        return livePhoto;
    }

    private void toReview(VerificationCase kase, Actor maker, Long linkId) {
        Findings findings = verifications.reverificationFindings(kase.livePhotoDocumentId(), kase.idPhotoDocumentId());
        kase.documentsSubmitted(findings, maker, linkId, now());
    }

    // --- the link's subject -----------------------------------------------------------------------------------------

    @Override
    public String subjectType() {
        return SUBJECT_TYPE;
    }

    /** The case's card (masked) while the case waits for its documents; afterwards the link reads "not valid". */
    @Override
    @Transactional(readOnly = true)
    public Optional<SubjectDescription> describe(long caseId) {
        return cases.findById(caseId)
                .filter(kase -> kase.kind() == VerificationKind.REVERIFICATION
                        && kase.status() == VerificationStatus.AWAITING_DOCUMENTS)
                .map(kase -> new SubjectDescription(mask(kase.view().subjectLabel()), null));
    }

    /** Not for re-verifications: their submission is a live photo and the notice ({@link #submit}). */
    @Override
    public SubmissionOutcome submit(long subjectId, EndUserSubmission submission) {
        throw new NotFoundException();
    }

    private static VerificationCase awaiting(VerificationCase kase) {
        if (kase.kind() != VerificationKind.REVERIFICATION) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "verification.notReverification");
        }
        if (kase.status() != VerificationStatus.AWAITING_DOCUMENTS) {
            throw new DomainException(
                    ErrorCode.ILLEGAL_STATE_TRANSITION, "verification.notAwaitingDocuments", kase.status());
        }
        return kase;
    }

    private static Actor requireCustomerSide() {
        Actor actor = CurrentActor.get();
        if (actor.role() != Role.AGENT && actor.role() != Role.ENTERPRISE_ADMIN) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        return actor;
    }

    /** A card's ICCID as the link's page shows it: the first and last four digits. */
    private static String mask(String label) {
        if (label.length() <= 8) {
            return "****";
        }
        return label.substring(0, 4) + "****" + label.substring(label.length() - 4);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
