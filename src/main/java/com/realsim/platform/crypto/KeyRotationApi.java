package com.realsim.platform.crypto;

import com.realsim.platform.CurrentActor;
import com.realsim.platform.jobs.JobView;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN: rotating the platform's keys, and following the re-seal jobs that move sealed data to the new keys. */
@RestController
@Tag(
        name = "Keys",
        description = "The platform's encryption and token signing keys: rotations and the re-seal jobs that follow"
                + " them (docs/keys.md).")
@RequestMapping("/api/v1/key-rotations")
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor
class KeyRotationApi {

    private final KeyRotation rotation;

    /** @param key {@code personal-data}, {@code documents} or {@code jwt-signing} */
    record RotationRequest(String key) {}

    record ResealJobBody(
            long id,
            String key,
            String status,
            long rowsDone,
            int attempts,
            String errorKey,
            String startedBy,
            Instant createdAt,
            Instant finishedAt) {

        static ResealJobBody of(JobView job) {
            return new ResealJobBody(
                    job.id(),
                    job.subject(),
                    job.status().name(),
                    job.progress(),
                    job.attempts(),
                    job.errorKey(),
                    job.ownerName(),
                    job.createdAt(),
                    job.finishedAt());
        }
    }

    /** @param reseal the job sealing the data anew (AEAD keys); null for the token signing key */
    record RotationResponse(String key, Instant rotatedAt, ResealJobBody reseal) {}

    @PostMapping
    RotationResponse rotateKey(@RequestBody RotationRequest request) {
        KeyRotation.Rotation done = rotation.rotate(request.key(), CurrentActor.get());
        return new RotationResponse(
                done.key().id(), done.at(), done.reseal().map(ResealJobBody::of).orElse(null));
    }

    /** The newest re-seal jobs, newest first. */
    @GetMapping
    List<ResealJobBody> listKeyRotations() {
        return rotation.reseals(50).stream().map(ResealJobBody::of).toList();
    }
}
