package com.realsim.verification.api;

import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import com.realsim.platform.web.Discloses;
import com.realsim.verification.IssuedLink;
import com.realsim.verification.ReverificationDocument;
import com.realsim.verification.Reverifications;
import com.realsim.verification.VerificationCaseView;
import com.realsim.verification.VerificationStatus;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Partner API, a risk re-verification at the agent's counter or on the person's phone: the agent (or the enterprise
 * admin) uploads the live photo and the signed fraud-risk notice of a {@code REVERIFICATION} case waiting for them
 * (with both in, the case goes to review), or issues the case's one-time self-service link.
 */
@RestController
@Tag(name = "Verifications")
@RequestMapping("/api/v1/verifications/{id}")
@PreAuthorize("hasAnyRole('AGENT', 'ENTERPRISE_ADMIN')")
@RequiredArgsConstructor
class ReverificationApi {

    private final Reverifications reverifications;

    record DocumentResponse(long caseId, ReverificationDocument kind, VerificationStatus status) {}

    record LinkResponse(String url, Instant expiresAt) {}

    @PostMapping(path = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<DocumentResponse> uploadVerificationDocument(
            @PathVariable long id, @RequestParam String kind, @RequestParam MultipartFile file) throws IOException {
        ReverificationDocument document = document(kind);
        VerificationCaseView kase = reverifications.attach(id, document, file.getBytes());
        return ResponseEntity.status(HttpStatus.CREATED).body(new DocumentResponse(kase.id(), document, kase.status()));
    }

    @PostMapping("/self-service-link")
    @Discloses(Discloses.Repeat.NEVER) // the link's token exists in this answer alone
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<LinkResponse> issueReverificationLink(@PathVariable long id) {
        IssuedLink link = reverifications.link(id);
        return ResponseEntity.status(HttpStatus.CREATED).body(new LinkResponse(link.url(), link.expiresAt()));
    }

    static ReverificationDocument document(String kind) {
        try {
            return ReverificationDocument.valueOf(kind.strip());
        } catch (IllegalArgumentException unknown) {
            throw new ValidationException(new FieldProblem(
                    "kind",
                    ErrorCode.VALIDATION_FAILED,
                    "validation.oneOf",
                    Arrays.stream(ReverificationDocument.values())
                            .map(Enum::name)
                            .collect(Collectors.joining(", "))));
        }
    }
}
