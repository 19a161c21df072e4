package com.realsim.card.domain;

import com.realsim.card.RealNameAssessment;
import com.realsim.card.RealNameGap;
import com.realsim.catalogue.ExceptionKind;
import com.realsim.catalogue.RealNameRequirement;
import java.util.ArrayList;
import java.util.List;

/**
 * What is known about a card's real-name, gathered by {@link CardRealName} from where it lives (enterprise standing
 * from the enterprise module, the handler from the order, the end user's binding and an approved exception), and
 * judged against the card's requirement ({@link #assess}).
 *
 * @param approvedException the kind of an approved exception for this card, or null
 */
record RealNameFacts(
        boolean enterpriseVerified,
        boolean responsiblePersonCurrent,
        boolean handlerRecorded,
        EndUser endUser,
        ExceptionKind approvedException) {

    enum EndUser {
        NONE,
        BOUND_NOT_VERIFIED,
        VERIFIED
    }

    RealNameFacts {
        endUser = endUser == null ? EndUser.NONE : endUser;
    }

    /** The whole enterprise level in place (verified enterprise, responsible person, handler), no end user. */
    static RealNameFacts enterpriseComplete() {
        return new RealNameFacts(true, true, true, EndUser.NONE, null);
    }

    RealNameFacts withEndUser(EndUser endUser) {
        return new RealNameFacts(
                enterpriseVerified, responsiblePersonCurrent, handlerRecorded, endUser, approvedException);
    }

    RealNameFacts withApprovedException(ExceptionKind kind) {
        return new RealNameFacts(enterpriseVerified, responsiblePersonCurrent, handlerRecorded, endUser, kind);
    }

    /** Judges these facts against the requirement: what is missing, if anything. */
    RealNameAssessment assess(RealNameRequirement requirement) {
        List<RealNameGap> missing = new ArrayList<>();
        if (!enterpriseVerified()) {
            missing.add(RealNameGap.ENTERPRISE_NOT_VERIFIED);
        }
        if (!responsiblePersonCurrent()) {
            missing.add(RealNameGap.RESPONSIBLE_PERSON_MISSING);
        }
        if (!handlerRecorded()) {
            missing.add(RealNameGap.HANDLER_MISSING);
        }
        if (requirement.endUserRequired() && !requirement.waivableBy(approvedException())) {
            switch (endUser()) {
                case NONE -> missing.add(RealNameGap.END_USER_REQUIRED);
                case BOUND_NOT_VERIFIED -> missing.add(RealNameGap.END_USER_NOT_VERIFIED);
                case VERIFIED -> {
                    // the end user is in place
                }
            }
        }
        return new RealNameAssessment(requirement, missing);
    }
}
