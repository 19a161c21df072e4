package com.realsim.card;

import com.realsim.approval.ExceptionApproved;
import com.realsim.card.domain.RealNameRejudgement;
import com.realsim.catalogue.RealNameRuleChanged;
import com.realsim.platform.jobs.Jobs;
import com.realsim.verification.VerificationDecided;
import com.realsim.verification.VerificationKind;
import lombok.RequiredArgsConstructor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Decisions taken elsewhere that complete a card's real-name: the verification of its end user (verification module)
 * and an approved exception (approval module); and an ADMIN's edit of the real-name rules (catalogue), which re-judges
 * the working cards it can touch ({@link RealNameRejudgement}, a background job). Each runs after the deciding
 * transaction committed, in its own, as the system; all are idempotent (the event publication registry may deliver
 * twice; re-judging twice changes nothing the first run did not).
 */
@Component
@RequiredArgsConstructor
class CardRealNameListener {

    private final EndUserService endUsers;
    private final CardControl cards;
    private final RealNameRejudgement rejudgement;
    private final Jobs jobs;

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

    @ApplicationModuleListener
    void on(RealNameRuleChanged changed) {
        jobs.start(
                RealNameRejudgement.KIND,
                Long.toString(changed.ruleId()),
                null,
                rejudgement.selection(changed.before(), changed.after()));
    }
}
