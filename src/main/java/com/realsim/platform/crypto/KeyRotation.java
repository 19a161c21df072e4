package com.realsim.platform.crypto;

import com.realsim.platform.Actor;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import com.realsim.platform.jobs.JobView;
import com.realsim.platform.jobs.Jobs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Rotations of the keys the platform keeps itself (in the database, or in the embedded setup's files), asked for by
 * an ADMIN (docs/keys.md). An AEAD key gets a new primary key and a re-seal job ({@link ResealJob}); the token
 * signing key gets a new signing key, the old one published until the last token it signed has expired. Keys that
 * come from configuration are rotated there; the blind-index key is never rotated in place.
 */
@Service
class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);
    /** Clock differences between instances and partners, on top of the token lifetime. */
    private static final Duration SKEW = Duration.ofMinutes(1);

    private final KeyRing keys;
    private final Jobs jobs;
    private final Clock clock;
    private final Duration tokenLifetime;

    KeyRotation(KeyRing keys, Jobs jobs, Clock clock, @Value("${realsim.api.token-ttl:30m}") Duration tokenLifetime) {
        this.keys = keys;
        this.jobs = jobs;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
    }

    /** What a rotation did: the re-seal job it started, for an AEAD key. */
    record Rotation(KeyName key, Instant at, Optional<JobView> reseal) {}

    Rotation rotate(String key, Actor by) {
        KeyName name = KeyName.of(key == null ? "" : key)
                .orElseThrow(() -> new ValidationException(
                        new FieldProblem("key", ErrorCode.VALIDATION_FAILED, "platform.keys.unknown")));
        if (name == KeyName.BLIND_INDEX) {
            throw new ValidationException(
                    new FieldProblem("key", ErrorCode.VALIDATION_FAILED, "platform.keys.blindIndexNotRotated"));
        }
        if (keys.configured(name)) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "platform.keys.configured", name.variable());
        }
        Instant now = clock.instant();
        try {
            keys.rotate(name, now.plus(tokenLifetime).plus(SKEW));
        } catch (IllegalStateException meanwhile) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "platform.keys.rotatedMeanwhile");
        }
        log.warn("The key '{}' was rotated by {}", name.id(), by.name());
        if (!name.isAead()) {
            return new Rotation(name, now, Optional.empty());
        }
        long job = jobs.start(ResealJob.KIND, name.id(), by, null);
        return new Rotation(name, now, jobs.find(job));
    }

    List<JobView> reseals(int limit) {
        return jobs.recent(ResealJob.KIND, limit);
    }
}
