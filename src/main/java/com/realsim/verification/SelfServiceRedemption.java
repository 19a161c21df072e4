package com.realsim.verification;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The self-service link being redeemed on this thread, while its subject's {@link SelfServiceSubject#submit} runs:
 * the only situation in which {@link VerificationService#open} accepts a case without an actor, and only for the
 * link's own subject and tenant.
 */
record SelfServiceRedemption(long linkId, String subjectType, long subjectId, long agentId, Long enterpriseId) {

    private static final ThreadLocal<SelfServiceRedemption> CURRENT = new ThreadLocal<>();

    static Optional<SelfServiceRedemption> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    <T> T during(Supplier<T> work) {
        SelfServiceRedemption outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    boolean covers(NewVerificationCase submission) {
        return subjectType.equals(submission.subjectType())
                && subjectId == submission.subjectId()
                && agentId == submission.agentId()
                && java.util.Objects.equals(enterpriseId, submission.enterpriseId());
    }
}
