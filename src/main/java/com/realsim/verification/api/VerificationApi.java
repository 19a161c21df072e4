package com.realsim.verification.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.realsim.identity.IdType;
import com.realsim.platform.web.CursorPage;
import com.realsim.platform.web.Projection;
import com.realsim.verification.Findings;
import com.realsim.verification.VerificationCaseView;
import com.realsim.verification.VerificationKind;
import com.realsim.verification.VerificationService;
import com.realsim.verification.VerificationStatus;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner API, verifications: OPS clients work the queue and decide; AGENT and ENTERPRISE_ADMIN clients read the
 * cases of their tenant. Personal data in answers is masked. Maker-checker: the submitter of a case answers 403
 * {@code SELF_APPROVAL}.
 */
@RestController
@Tag(
        name = "Verifications",
        description = "Person-to-ID checks of handlers and end users: the OPS review queue, claiming a case, and "
                + "decisions with maker-checker.")
@RequestMapping("/api/v1/verifications")
@PreAuthorize("hasAnyRole('OPS', 'AGENT', 'ENTERPRISE_ADMIN')")
@RequiredArgsConstructor
class VerificationApi {

    private final VerificationService verifications;

    /**
     * A queue entry as the contract names it: {@code orderId} for ORDER subjects, {@code iccid} for CARD subjects
     * (absent otherwise), plus the subject for any other type.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record QueueItem(
            long id,
            VerificationKind kind,
            Long orderId,
            String iccid,
            String subjectType,
            long subjectId,
            VerificationStatus status,
            Instant createdAt,
            String assignedTo) {

        static QueueItem of(VerificationCaseView view) {
            return new QueueItem(
                    view.id(),
                    view.kind(),
                    orderIdOf(view),
                    iccidOf(view),
                    view.subjectType(),
                    view.subjectId(),
                    view.status(),
                    view.createdAt(),
                    view.assignedTo());
        }
    }

    /** The photos (and a re-verification's signed notice) as document ids; the live photo is absent while awaited. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Photos(long idFront, Long idBack, Long livePhoto, Long riskNotice) {}

    record FindingsBody(
            String method,
            String identity,
            String face,
            Boolean liveness,
            Double similarity,
            double threshold,
            List<String> concerns) {

        static FindingsBody of(Findings findings) {
            return Projection.of(findings, FindingsBody.class);
        }
    }

    /** A case in full, masked. {@code photos} are document ids ({@code /documents/{id}}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CaseBody(
            long id,
            VerificationKind kind,
            VerificationStatus status,
            Long orderId,
            String iccid,
            String subjectType,
            long subjectId,
            String subjectLabel,
            String name,
            IdType idType,
            String idNumber,
            Photos photos,
            FindingsBody findings,
            String submittedBy,
            Instant createdAt,
            String assignedTo,
            String decidedBy,
            Instant decidedAt,
            String reason,
            Instant riskNoticeAcceptedAt) {

        static CaseBody of(VerificationCaseView view) {
            return new CaseBody(
                    view.id(),
                    view.kind(),
                    view.status(),
                    orderIdOf(view),
                    iccidOf(view),
                    view.subjectType(),
                    view.subjectId(),
                    view.subjectLabel(),
                    view.personName(),
                    view.idType(),
                    view.idNumber(),
                    new Photos(
                            view.idPhotoDocumentId(),
                            view.idBackDocumentId(),
                            view.livePhotoDocumentId(),
                            view.riskNoticeDocumentId()),
                    FindingsBody.of(view.findings()),
                    view.submittedBy(),
                    view.createdAt(),
                    view.assignedTo(),
                    view.decidedBy(),
                    view.decidedAt(),
                    view.decisionReason(),
                    view.riskNoticeAcceptedAt());
        }
    }

    record Reason(String reason) {}

    @GetMapping
    CursorPage<QueueItem> listVerifications(
            @RequestParam(required = false) VerificationStatus status,
            @RequestParam(required = false) VerificationKind kind,
            @RequestParam(required = false) VerificationService.Assignment assigned,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String cursor) {
        return verifications.list(status, kind, assigned, cursor, size).map(QueueItem::of);
    }

    @GetMapping("/{id}")
    CaseBody getVerification(@PathVariable long id) {
        return CaseBody.of(verifications.get(id));
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('OPS')")
    CaseBody approveVerification(@PathVariable long id, @RequestBody(required = false) Reason body) {
        return CaseBody.of(verifications.approve(id, body == null ? null : body.reason()));
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasRole('OPS')")
    CaseBody rejectVerification(@PathVariable long id, @RequestBody(required = false) Reason body) {
        return CaseBody.of(verifications.reject(id, body == null ? null : body.reason()));
    }

    /** Not in the contract: an OPS client claims a case for its reviewer (and releases it). */
    @PostMapping("/{id}/claim")
    @PreAuthorize("hasRole('OPS')")
    CaseBody claimVerification(@PathVariable long id) {
        return CaseBody.of(verifications.assign(id));
    }

    @PostMapping("/{id}/release")
    @PreAuthorize("hasRole('OPS')")
    CaseBody releaseVerification(@PathVariable long id) {
        return CaseBody.of(verifications.release(id));
    }

    static Long orderIdOf(VerificationCaseView view) {
        return "ORDER".equals(view.subjectType()) ? view.subjectId() : null;
    }

    static String iccidOf(VerificationCaseView view) {
        return "CARD".equals(view.subjectType()) ? view.subjectLabel() : null;
    }
}
