package com.realsim.card;

import com.realsim.catalogue.RealNameRequirement;
import java.util.List;
import java.util.Objects;

/**
 * A card's real-name judged against its requirement: satisfied, or what is missing. The card module judges the facts
 * as they stand whenever a card is shown or moved; the aggregate refuses activation with {@code
 * REAL_NAME_INCOMPLETE} and this {@code missing}.
 */
public record RealNameAssessment(RealNameRequirement requirement, List<RealNameGap> missing) {

    public RealNameAssessment {
        Objects.requireNonNull(requirement);
        missing = List.copyOf(missing);
    }

    public boolean satisfied() {
        return missing.isEmpty();
    }

    public List<String> missingCodes() {
        return missing.stream().map(Enum::name).toList();
    }
}
