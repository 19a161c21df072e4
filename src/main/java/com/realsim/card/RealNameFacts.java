package com.realsim.card;

import com.realsim.catalogue.ExceptionKind;

/**
 * What is known about a card's real-name, gathered by whoever activates it (enterprise standing from the enterprise
 * module, the handler from the order, the end user and an approved exception from the binding and approval work).
 * A plain value: the card module judges it with {@link RealNameAssessment#of}.
 *
 * @param approvedException the kind of an approved exception for this card, or null
 */
public record RealNameFacts(
        boolean enterpriseVerified,
        boolean responsiblePersonCurrent,
        boolean handlerRecorded,
        EndUser endUser,
        ExceptionKind approvedException) {

    public enum EndUser {
        NONE,
        BOUND_NOT_VERIFIED,
        VERIFIED
    }

    public RealNameFacts {
        endUser = endUser == null ? EndUser.NONE : endUser;
    }

    /** Nothing known yet: what a card shows until the facts are wired in. */
    public static RealNameFacts unknown() {
        return new RealNameFacts(false, false, false, EndUser.NONE, null);
    }

    /** The whole enterprise level in place (verified enterprise, responsible person, handler), no end user. */
    public static RealNameFacts enterpriseComplete() {
        return new RealNameFacts(true, true, true, EndUser.NONE, null);
    }

    public RealNameFacts withEndUser(EndUser endUser) {
        return new RealNameFacts(
                enterpriseVerified, responsiblePersonCurrent, handlerRecorded, endUser, approvedException);
    }

    public RealNameFacts withApprovedException(ExceptionKind kind) {
        return new RealNameFacts(enterpriseVerified, responsiblePersonCurrent, handlerRecorded, endUser, kind);
    }
}
