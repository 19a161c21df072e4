package com.realsim.verification;

import java.util.Objects;

/** What became of an end user's submission: the case opened for it and its status right after the checks. */
public record SubmissionOutcome(VerificationStatus status, long caseId) {

    public SubmissionOutcome {
        Objects.requireNonNull(status, "status");
    }

    /** The outcome of a case just opened. */
    public static SubmissionOutcome of(VerificationCaseView opened) {
        return new SubmissionOutcome(opened.status(), opened.id());
    }
}
