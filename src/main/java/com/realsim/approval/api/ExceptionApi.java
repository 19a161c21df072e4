package com.realsim.approval.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.realsim.approval.ExceptionFile;
import com.realsim.approval.ExceptionFilter;
import com.realsim.approval.ExceptionKind;
import com.realsim.approval.ExceptionService;
import com.realsim.approval.ExceptionStatus;
import com.realsim.approval.ExceptionView;
import com.realsim.document.DocumentSummary;
import com.realsim.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Partner API, exceptions: AGENT clients request an exception for a card and upload the signed approval document;
 * OPS clients claim, approve and reject (never their own requests); ENTERPRISE_ADMIN clients read the requests for
 * their enterprise's cards.
 */
@RestController
@Tag(
        name = "Exceptions",
        description = "Exceptions to the end-user real-name requirement: provincial and group approvals with the "
                + "signed document, decided by OPS with maker-checker.")
@RequestMapping("/api/v1")
@PreAuthorize("hasAnyRole('AGENT', 'OPS', 'ENTERPRISE_ADMIN')")
@RequiredArgsConstructor
class ExceptionApi {

    private final ExceptionService exceptions;

    /** The contract's request body; the service checks both fields and answers all problems at once. */
    record ExceptionRequestBody(ExceptionKind kind, String reason) {}

    record Reason(String reason) {}

    /** The only kind of file a request carries. */
    enum ExceptionDocumentKind {
        APPROVAL_DOCUMENT
    }

    record DocumentBody(long id, String kind, String contentType, long sizeBytes, Instant uploadedAt) {
        static DocumentBody of(DocumentSummary document) {
            return new DocumentBody(
                    document.id(),
                    document.kind(),
                    document.contentType().mimeType(),
                    document.sizeBytes(),
                    document.uploadedAt());
        }
    }

    /** A request; {@code documents} (those the caller may read) only in answers about one request. */
    record ExceptionAnswer(
            long id,
            ExceptionStatus status,
            ExceptionKind kind,
            long cardId,
            String iccid,
            String requirement,
            String reason,
            Long agentId,
            Long enterpriseId,
            String requestedBy,
            Instant requestedAt,
            String assignedTo,
            Instant assignedAt,
            String decidedBy,
            Instant decidedAt,
            String decisionReason,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<DocumentBody> documents) {

        static ExceptionAnswer of(ExceptionView r, List<DocumentBody> documents) {
            return new ExceptionAnswer(
                    r.id(),
                    r.status(),
                    r.kind(),
                    r.cardId(),
                    r.iccid(),
                    r.requirementCode(),
                    r.reason(),
                    r.agentId(),
                    r.enterpriseId(),
                    r.requestedBy(),
                    r.requestedAt(),
                    r.assignedTo(),
                    r.assignedAt(),
                    r.decidedBy(),
                    r.decidedAt(),
                    r.decisionReason(),
                    documents);
        }

        static ExceptionAnswer of(ExceptionFile file) {
            return of(
                    file.request(),
                    file.documents().stream().map(DocumentBody::of).toList());
        }
    }

    @PostMapping("/cards/{iccid}/exceptions")
    @PreAuthorize("hasRole('AGENT')")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ExceptionAnswer> requestException(
            @PathVariable String iccid, @RequestBody ExceptionRequestBody body) {
        ExceptionView created = exceptions.request(iccid, body.kind(), body.reason());
        return ResponseEntity.created(URI.create("/api/v1/exceptions/" + created.id()))
                .body(ExceptionAnswer.of(created, List.of()));
    }

    @PostMapping(path = "/exceptions/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('AGENT')")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<DocumentBody> attachExceptionDocument(
            @PathVariable long id,
            @RequestParam(required = false) ExceptionDocumentKind kind,
            @RequestParam MultipartFile file)
            throws IOException {
        DocumentSummary stored = exceptions.attachDocument(id, file.getBytes());
        return ResponseEntity.created(URI.create(stored.path())).body(DocumentBody.of(stored));
    }

    @PostMapping("/exceptions/{id}/claim")
    @PreAuthorize("hasRole('OPS')")
    ExceptionAnswer claimException(@PathVariable long id) {
        exceptions.claim(id);
        return ExceptionAnswer.of(exceptions.file(id));
    }

    @PostMapping("/exceptions/{id}/release")
    @PreAuthorize("hasRole('OPS')")
    ExceptionAnswer releaseException(@PathVariable long id) {
        exceptions.release(id);
        return ExceptionAnswer.of(exceptions.file(id));
    }

    @PostMapping("/exceptions/{id}/approve")
    @PreAuthorize("hasRole('OPS')")
    ExceptionAnswer approveException(@PathVariable long id, @RequestBody(required = false) Reason body) {
        exceptions.approve(id, body == null ? null : body.reason());
        return ExceptionAnswer.of(exceptions.file(id));
    }

    @PostMapping("/exceptions/{id}/reject")
    @PreAuthorize("hasRole('OPS')")
    ExceptionAnswer rejectException(@PathVariable long id, @RequestBody(required = false) Reason body) {
        exceptions.reject(id, body == null ? null : body.reason());
        return ExceptionAnswer.of(exceptions.file(id));
    }

    @GetMapping("/exceptions/{id}")
    ExceptionAnswer getException(@PathVariable long id) {
        return ExceptionAnswer.of(exceptions.file(id));
    }

    @GetMapping("/exceptions")
    CursorPage<ExceptionAnswer> listExceptions(
            @RequestParam(required = false) ExceptionStatus status,
            @RequestParam(required = false) ExceptionKind kind,
            @RequestParam(required = false) ExceptionFilter.Assignee assignee,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String cursor) {
        return exceptions
                .list(new ExceptionFilter(status, kind, assignee, false), cursor, size)
                .map(r -> ExceptionAnswer.of(r, null));
    }
}
