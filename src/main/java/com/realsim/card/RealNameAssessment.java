package com.realsim.card;

import com.realsim.catalogue.RealNameRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A card's real-name judged against its requirement: satisfied, or what is missing. Built from facts passed in
 * ({@link #of}); the aggregate refuses activation with {@code REAL_NAME_INCOMPLETE} and this {@code missing}.
 */
public record RealNameAssessment(RealNameRequirement requirement, List<RealNameGap> missing) {

    public RealNameAssessment {
        Objects.requireNonNull(requirement);
        missing = List.copyOf(missing);
    }

    public static RealNameAssessment of(RealNameRequirement requirement, RealNameFacts facts) {
        List<RealNameGap> missing = new ArrayList<>();
        if (!facts.enterpriseVerified()) {
            missing.add(RealNameGap.ENTERPRISE_NOT_VERIFIED);
        }
        if (!facts.responsiblePersonCurrent()) {
            missing.add(RealNameGap.RESPONSIBLE_PERSON_MISSING);
        }
        if (!facts.handlerRecorded()) {
            missing.add(RealNameGap.HANDLER_MISSING);
        }
        if (requirement.endUserRequired() && !requirement.waivableBy(facts.approvedException())) {
            switch (facts.endUser()) {
                case NONE -> missing.add(RealNameGap.END_USER_REQUIRED);
                case BOUND_NOT_VERIFIED -> missing.add(RealNameGap.END_USER_NOT_VERIFIED);
                case VERIFIED -> {
                    // the end user is in place
                }
            }
        }
        return new RealNameAssessment(requirement, missing);
    }

    public boolean satisfied() {
        return missing.isEmpty();
    }

    public List<String> missingCodes() {
        return missing.stream().map(Enum::name).toList();
    }
}
