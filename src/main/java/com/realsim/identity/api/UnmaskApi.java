package com.realsim.identity.api;

import com.realsim.identity.UnmaskService;
import com.realsim.platform.web.Discloses;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.RequiredArgsConstructor;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OPS and ADMIN: one clear personal value, for a recorded reason. The answer is never cached, nor kept for a repeat
 * with the same {@code Idempotency-Key}: that repeat is unmasked, and recorded, again.
 */
@RestController
@Tag(
        name = "Personal data",
        description = "Showing a masked value of personal data in full, with a reason; every unmasking is audited.")
@RequestMapping("/api/v1/personal-data")
@PreAuthorize("hasAnyRole('OPS','ADMIN')")
@RequiredArgsConstructor
class UnmaskApi {

    private final UnmaskService unmasking;

    @PostMapping("/unmask")
    @Discloses(Discloses.Repeat.RUN_AGAIN) // a repeat is unmasked (and audited) again, never kept
    ResponseEntity<UnmaskedValue> unmaskPersonalData(@Valid @RequestBody UnmaskRequest request) {
        String value = unmasking.unmask(request.targetType(), request.targetId(), request.field(), request.reason());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new UnmaskedValue(value));
    }

    record UnmaskRequest(
            @NotBlank @Size(max = 40) String targetType,
            @NotNull Long targetId,
            @NotBlank @Size(max = 100) String field,
            @NotBlank @Size(min = 5, max = 500) String reason) {}

    record UnmaskedValue(String value) {}
}
