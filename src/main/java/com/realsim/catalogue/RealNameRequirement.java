package com.realsim.catalogue;

import java.util.Objects;

/**
 * How far a card's real-name must reach, as the first matching rule of the policy says. Enterprise-level real-name
 * (a VERIFIED enterprise, its current responsible person, a handler on the order) is always required; {@link
 * #endUserRequired()} adds the end user with the one-ID-N-cards check.
 *
 * @param code the matched rule's code, e.g. {@code NON_DIRECTIONAL_DATA}: the API's {@code realName.requirement}
 * @param exceptionKind whether and how the end-user requirement can be waived
 * @param ruleId the rule that matched, or null when none did and the built-in fallback applies
 */
public record RealNameRequirement(String code, boolean endUserRequired, ExceptionKind exceptionKind, Long ruleId) {

    /** The answer when no rule matches: fail closed, end user required, nothing can waive it. */
    public static final String NO_RULE = "NO_RULE_MATCHED";

    public RealNameRequirement {
        Objects.requireNonNull(code);
        Objects.requireNonNull(exceptionKind);
        if (endUserRequired == (exceptionKind == ExceptionKind.NONE_NEEDED)) {
            throw new IllegalArgumentException("An end-user requirement names how it can be waived, and only then");
        }
    }

    static RealNameRequirement noRuleMatched() {
        return new RealNameRequirement(NO_RULE, true, ExceptionKind.NOT_ALLOWED, null);
    }

    /** Whether an approved exception of this kind waives the end-user requirement. */
    public boolean waivableBy(ExceptionKind approved) {
        return endUserRequired && exceptionKind.isApproval() && exceptionKind == approved;
    }
}
