package com.realsim.platform.review;

import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;

/**
 * The reason a reviewer gives for a decision: {@value #MIN} to {@value #MAX} characters once stripped, in the field
 * {@value #FIELD}. A reason out of range is {@code VALIDATION_FAILED} on that field with the message {@value
 * #LENGTH_KEY}({@value #MIN}, {@value #MAX}).
 */
public final class DecisionReason {

    public static final int MIN = 2;
    public static final int MAX = 1000;
    public static final String FIELD = "reason";
    public static final String LENGTH_KEY = "review.reason.length";

    private DecisionReason() {}

    /** A reason the decision cannot go without (every rejection): the stripped text. */
    public static String required(String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.length() < MIN || stripped.length() > MAX) {
            throw new ValidationException(new FieldProblem(FIELD, ErrorCode.VALIDATION_FAILED, LENGTH_KEY, MIN, MAX));
        }
        return stripped;
    }

    /** A reason the reviewer may give (some approvals): null when blank, otherwise as {@link #required}. */
    public static String optional(String text) {
        return text == null || text.isBlank() ? null : required(text);
    }
}
