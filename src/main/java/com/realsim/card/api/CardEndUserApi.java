package com.realsim.card.api;

import com.realsim.card.EndUserDetails;
import com.realsim.card.EndUserPhoto;
import com.realsim.card.EndUserPhotoStored;
import com.realsim.card.EndUserService;
import com.realsim.identity.IdDocument;
import com.realsim.identity.IdType;
import com.realsim.identity.ValidIdDocument;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import com.realsim.platform.web.Discloses;
import com.realsim.verification.IssuedLink;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Clock;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A card's end user (使用人): the agent binds them (one ID, at most N cards per operator: 409 {@code QUOTA_EXCEEDED})
 * and uploads their photos, which open the verification; the agent or the enterprise admin issues a one-time
 * self-service link instead. Another tenant's card answers 404.
 */
@RestController
@Tag(
        name = "End users",
        description = "The end user (使用人) of a card: binding an identity within the one-ID-N-cards quota, ID and live "
                + "photos for the person-to-ID check, and one-time self-service links.")
@RequestMapping("/api/v1/cards/{iccid}")
@PreAuthorize("hasAnyRole('AGENT', 'ENTERPRISE_ADMIN')")
@RequiredArgsConstructor
class CardEndUserApi {

    private final EndUserService endUsers;
    private final CardAnswers answers;
    private final Clock clock;

    @ValidIdDocument(typeField = "idType", numberField = "idNumber")
    record EndUserRequest(
            @NotBlank @Size(max = 100) String name,
            @NotNull IdType idType,
            @NotBlank String idNumber,
            @NotBlank @Size(max = 200) String idAddress) {}

    record PhotoResponse(long id, EndUserPhoto kind, String status, Long verificationCaseId) {}

    record LinkResponse(String url, Instant expiresAt) {}

    @PutMapping("/end-user")
    @PreAuthorize("hasRole('AGENT')")
    CardAnswers.CardResponse bindEndUser(@PathVariable String iccid, @Valid @RequestBody EndUserRequest request) {
        IdDocument document = IdDocument.of(request.idType(), request.idNumber(), "idNumber", clock);
        return answers.card(endUsers.bind(iccid, new EndUserDetails(request.name(), document, request.idAddress())));
    }

    @PostMapping(path = "/end-user/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('AGENT')")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<PhotoResponse> uploadEndUserPhoto(
            @PathVariable String iccid, @RequestParam String kind, @RequestParam MultipartFile file)
            throws IOException {
        EndUserPhotoStored stored = endUsers.attachPhoto(iccid, photo(kind), file.getBytes());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new PhotoResponse(
                        stored.documentId(), stored.kind(), stored.status().name(), stored.verificationCaseId()));
    }

    @PostMapping("/self-service-link")
    @Discloses(Discloses.Repeat.NEVER) // the link's token exists in this answer alone
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<LinkResponse> issueSelfServiceLink(@PathVariable String iccid) {
        IssuedLink link = endUsers.selfServiceLink(iccid);
        return ResponseEntity.status(HttpStatus.CREATED).body(new LinkResponse(link.url(), link.expiresAt()));
    }

    static EndUserPhoto photo(String kind) {
        try {
            return EndUserPhoto.valueOf(kind.strip());
        } catch (IllegalArgumentException unknown) {
            throw new ValidationException(new FieldProblem(
                    "kind",
                    ErrorCode.VALIDATION_FAILED,
                    "validation.oneOf",
                    Arrays.stream(EndUserPhoto.values()).map(Enum::name).collect(Collectors.joining(", "))));
        }
    }
}
