package com.realsim.verification;

import java.util.ArrayList;
import java.util.List;

/**
 * What the automatic checks found, and the rule that decides from it: a case is approved automatically only when the
 * identity check said CONSISTENT, the live photo passed liveness and its similarity with the ID photo reached the
 * threshold. Everything else (a check that was not configured, failed or said something else) goes to manual review;
 * nothing is rejected automatically.
 *
 * @param method {@code MANUAL} when no external service is configured, {@code AUTOMATIC} otherwise
 * @param identity {@code CONSISTENT}, {@code INCONSISTENT}, {@code NO_RECORD}, or why there is no answer
 *     ({@code UNAVAILABLE}, {@code REFUSED}, {@code UNREADABLE}); null when not checked
 * @param face {@code CHECKED} or why there is no answer; null when not checked
 * @param liveness and {@code similarity}: when {@code face} is {@code CHECKED}
 * @param threshold the similarity needed, as configured when the case was checked
 */
public record Findings(
        String method, String identity, String face, Boolean liveness, Double similarity, double threshold) {

    public static final String MANUAL = "MANUAL";
    public static final String AUTOMATIC = "AUTOMATIC";
    public static final String CHECKED = "CHECKED";

    static Findings manual(double threshold) {
        return new Findings(MANUAL, null, null, null, null, threshold);
    }

    public boolean manualOnly() {
        return MANUAL.equals(method);
    }

    /** Every check passed: the case may be approved without a person. */
    public boolean approvable() {
        return AUTOMATIC.equals(method)
                && IdentityResult.CONSISTENT.name().equals(identity)
                && CHECKED.equals(face)
                && Boolean.TRUE.equals(liveness)
                && similarity != null
                && similarity >= threshold;
    }

    /**
     * Why a person has to look, as codes ({@code verification.finding.<code>} in the bundles): {@code MANUAL_ONLY},
     * {@code IDENTITY_INCONSISTENT}, {@code IDENTITY_NO_RECORD}, {@code IDENTITY_UNAVAILABLE}, {@code
     * IDENTITY_REFUSED}, {@code IDENTITY_UNREADABLE}, {@code IDENTITY_NOT_CHECKED}, {@code LIVENESS_FAILED}, {@code
     * SIMILARITY_LOW}, {@code FACE_UNAVAILABLE}, {@code FACE_REFUSED}, {@code FACE_UNREADABLE}, {@code
     * FACE_NOT_CHECKED}. Empty when every check passed.
     */
    public List<String> concerns() {
        if (manualOnly()) {
            return List.of("MANUAL_ONLY");
        }
        List<String> concerns = new ArrayList<>();
        if (identity == null) {
            concerns.add("IDENTITY_NOT_CHECKED");
        } else if (!IdentityResult.CONSISTENT.name().equals(identity)) {
            concerns.add("IDENTITY_" + identity);
        }
        if (face == null) {
            concerns.add("FACE_NOT_CHECKED");
        } else if (!CHECKED.equals(face)) {
            concerns.add("FACE_" + face);
        } else {
            if (!Boolean.TRUE.equals(liveness)) {
                concerns.add("LIVENESS_FAILED");
            }
            if (similarity == null || similarity < threshold) {
                concerns.add("SIMILARITY_LOW");
            }
        }
        return List.copyOf(concerns);
    }
}
