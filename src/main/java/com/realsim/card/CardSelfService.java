package com.realsim.card;

import com.realsim.verification.EndUserSubmission;
import com.realsim.verification.SelfServiceSubject;
import com.realsim.verification.SubjectDescription;
import com.realsim.verification.SubmissionOutcome;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Cards as subjects of end users' self-service links (verification module): the page shows the masked ICCID and the
 * enterprise, and the submission binds the end user with the one-ID-N-cards quota and opens the END_USER case.
 * There is no signed-in actor: the card is loaded by id, as the system.
 */
@Component
@RequiredArgsConstructor
class CardSelfService implements SelfServiceSubject {

    private final EndUserService endUsers;

    @Override
    public String subjectType() {
        return EndUserService.SUBJECT_TYPE;
    }

    /** Empty once the card is cancelled (or no longer with a customer): the link then reads "not valid". */
    @Override
    public Optional<SubjectDescription> describe(long cardId) {
        return endUsers.describeForSelfService(cardId);
    }

    @Override
    public SubmissionOutcome submit(long cardId, EndUserSubmission submission) {
        return endUsers.submitSelfService(cardId, submission);
    }
}
