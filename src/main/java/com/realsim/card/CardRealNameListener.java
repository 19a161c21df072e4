package com.realsim.card;

import com.realsim.approval.ExceptionApproved;
import com.realsim.verification.VerificationDecided;
import com.realsim.verification.VerificationKind;
import lombok.RequiredArgsConstructor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Decisions taken elsewhere that complete a card's real-name: the verification of its end user (verification module)
 * and an approved exception (approval module). Each runs after the deciding transaction committed, in its own, as
 * the system; both are idempotent (the event publication registry may deliver twice).
 */
@Component
@RequiredArgsConstructor
class CardRealNameListener {

    private final EndUserService endUsers;
    private final CardControl cards;

    @ApplicationModuleListener
    void on(VerificationDecided decided) {
        if (decided.kind() == VerificationKind.END_USER && EndUserService.SUBJECT_TYPE.equals(decided.subjectType())) {
            endUsers.verificationDecided(decided.subjectId(), decided.caseId(), decided.approved());
        }
    }

    @ApplicationModuleListener
    void on(ExceptionApproved approved) {
        cards.exceptionApproved(approved.cardId());
    }
}
