package com.realsim.verification;

import java.util.Optional;

/**
 * What an end user verifies through a self-service link, implemented by the module that owns the subject (the card
 * module for {@code CARD}): a bean per subject type. The self-service page calls the bean whose {@link
 * #subjectType()} matches the link.
 */
public interface SelfServiceSubject {

    /** The subject type this bean answers for, as links name it: {@code CARD}. */
    String subjectType();

    /**
     * What the end user is asked to verify, masked (a card as {@code 8986****1234}, the enterprise's name); empty
     * when the link should no longer work (the card was cancelled, its end user is already verified …), which the
     * page shows as "link not valid". Called without a signed-in actor.
     */
    Optional<SubjectDescription> describe(long subjectId);

    /**
     * Binds the end user to the subject and opens the END_USER (or REVERIFICATION) case with {@link
     * VerificationService#open(NewVerificationCase)} and {@code submittedBy = null}. Runs in the link's transaction,
     * without a signed-in actor: store the photos with {@code uploadedBy = null}, readable by OPS. A refusal (for
     * example {@code QUOTA_EXCEEDED}) is a {@link com.realsim.platform.error.DomainException} whose message the page
     * shows; the link then stays unused and nothing is kept.
     */
    SubmissionOutcome submit(long subjectId, EndUserSubmission submission);
}
