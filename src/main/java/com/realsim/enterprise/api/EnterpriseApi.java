package com.realsim.enterprise.api;

import com.realsim.document.DocumentSummary;
import com.realsim.enterprise.CertificateType;
import com.realsim.enterprise.ChangeRequestFile;
import com.realsim.enterprise.ChangeRequestView;
import com.realsim.enterprise.EnterpriseDocumentKind;
import com.realsim.enterprise.EnterpriseInput;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.enterprise.EnterpriseStatus;
import com.realsim.enterprise.EnterpriseView;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import com.realsim.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Partner API, enterprises: AGENT clients register, document, submit and request changes; OPS clients approve or
 * reject; every role reads the enterprises of its tenant. Personal data in answers is masked.
 */
@RestController
@Tag(
        name = "Enterprises",
        description = "Enterprise customers and their responsible persons: registration by agents with certificate "
                + "photos, review by OPS, and change requests that keep the history.")
@RequestMapping("/api/v1")
@PreAuthorize("hasAnyRole('AGENT', 'OPS', 'ENTERPRISE_ADMIN')")
@RequiredArgsConstructor
class EnterpriseApi {

    private final EnterpriseService enterprises;

    /** The contract's enterprise body; every field is checked by the service, all problems answered at once. */
    record EnterpriseRequest(
            String name,
            CertificateType certificateType,
            String certificateNumber,
            String certificateAddress,
            String legalRepresentative,
            EnterpriseInput.PersonInput responsiblePerson) {

        EnterpriseInput input() {
            return new EnterpriseInput(
                    name,
                    certificateType,
                    certificateNumber,
                    certificateAddress,
                    legalRepresentative,
                    responsiblePerson);
        }
    }

    record Reason(String reason) {

        /** The reason of a body that may be missing altogether. */
        static String of(Reason body) {
            return body == null ? null : body.reason();
        }
    }

    @Schema(name = "EnterpriseDocument") // not the exception's DocumentBody: one schema per name
    record DocumentBody(long id, String kind, String contentType, long sizeBytes) {

        /** 201 with the stored document, which is read at its own path. */
        static ResponseEntity<DocumentBody> created(DocumentSummary document) {
            return ResponseEntity.created(URI.create(document.path()))
                    .body(new DocumentBody(
                            document.id(),
                            document.kind(),
                            document.contentType().mimeType(),
                            document.sizeBytes()));
        }
    }

    /** A change of a verified enterprise: {@code DETAILS} (name, address, legal representative) or a new person. */
    record ChangeRequestBody(
            String kind,
            String name,
            String certificateAddress,
            String legalRepresentative,
            EnterpriseInput.PersonInput responsiblePerson,
            String reason) {}

    @PostMapping("/enterprises")
    @PreAuthorize("hasRole('AGENT')")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<EnterpriseView> createEnterprise(@RequestBody EnterpriseRequest request) {
        EnterpriseView created = enterprises.register(request.input());
        return ResponseEntity.created(URI.create("/api/v1/enterprises/" + created.id()))
                .body(created);
    }

    @PutMapping("/enterprises/{id}")
    @PreAuthorize("hasRole('AGENT')")
    EnterpriseView correctEnterprise(@PathVariable long id, @RequestBody EnterpriseRequest request) {
        return enterprises.correct(id, request.input());
    }

    @PostMapping(path = "/enterprises/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('AGENT')")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<DocumentBody> attachEnterpriseDocument(
            @PathVariable long id, @RequestParam EnterpriseDocumentKind kind, @RequestParam MultipartFile file)
            throws IOException {
        return DocumentBody.created(enterprises.attach(id, kind, file.getBytes()));
    }

    @PostMapping("/enterprises/{id}/submit")
    @PreAuthorize("hasRole('AGENT')")
    EnterpriseView submitEnterprise(@PathVariable long id) {
        return enterprises.submit(id);
    }

    @PostMapping("/enterprises/{id}/approve")
    @PreAuthorize("hasRole('OPS')")
    EnterpriseView approveEnterprise(@PathVariable long id) {
        return enterprises.approve(id);
    }

    @PostMapping("/enterprises/{id}/reject")
    @PreAuthorize("hasRole('OPS')")
    EnterpriseView rejectEnterprise(@PathVariable long id, @RequestBody Reason body) {
        return enterprises.reject(id, Reason.of(body));
    }

    @GetMapping("/enterprises/{id}")
    EnterpriseView getEnterprise(@PathVariable long id) {
        return enterprises.get(id);
    }

    @GetMapping("/enterprises")
    CursorPage<EnterpriseView> listEnterprises(
            @RequestParam(required = false) EnterpriseStatus status,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String uscc,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String cursor) {
        return enterprises.list(status, name, uscc, cursor, size);
    }

    @PostMapping("/enterprises/{id}/change-requests")
    @PreAuthorize("hasRole('AGENT')")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ChangeRequestView> requestEnterpriseChange(
            @PathVariable long id, @RequestBody ChangeRequestBody body) {
        ChangeRequestView created;
        if ("DETAILS".equals(body.kind())) {
            created = enterprises.requestDetailsChange(
                    id, body.name(), body.certificateAddress(), body.legalRepresentative(), body.reason());
        } else if ("RESPONSIBLE_PERSON".equals(body.kind())) {
            created = enterprises.requestResponsiblePersonChange(id, body.responsiblePerson(), body.reason());
        } else {
            throw new ValidationException(
                    new FieldProblem("kind", ErrorCode.VALIDATION_FAILED, "enterprise.change.kindInvalid"));
        }
        return ResponseEntity.created(URI.create("/api/v1/enterprise-changes/" + created.id()))
                .body(created);
    }

    @GetMapping("/enterprise-changes/{id}")
    ChangeRequestFile getEnterpriseChange(@PathVariable long id) {
        return enterprises.changeRequest(id);
    }

    @PostMapping(path = "/enterprise-changes/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('AGENT')")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<DocumentBody> attachEnterpriseChangeDocument(
            @PathVariable long id, @RequestParam EnterpriseDocumentKind kind, @RequestParam MultipartFile file)
            throws IOException {
        return DocumentBody.created(enterprises.attachToChange(id, kind, file.getBytes()));
    }

    @PostMapping("/enterprise-changes/{id}/approve")
    @PreAuthorize("hasRole('OPS')")
    ChangeRequestView approveEnterpriseChange(@PathVariable long id) {
        return enterprises.approveChange(id);
    }

    @PostMapping("/enterprise-changes/{id}/reject")
    @PreAuthorize("hasRole('OPS')")
    ChangeRequestView rejectEnterpriseChange(@PathVariable long id, @RequestBody Reason body) {
        return enterprises.rejectChange(id, Reason.of(body));
    }
}
