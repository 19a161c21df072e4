package com.realsim.platform.error;

/**
 * One field's error: which field (as the request names it, e.g. {@code responsiblePerson.idNumber}), which rule
 * ({@link ErrorCode}), and a message key with arguments for the user's language.
 */
public record FieldProblem(String field, ErrorCode code, String messageKey, Object... arguments) {

    /** Labelled codes among the arguments are shown by their labels ({@link MessageArguments}). */
    public FieldProblem {
        arguments = MessageArguments.readable(arguments);
    }

    public static FieldProblem of(String field, ErrorCode code) {
        return new FieldProblem(field, code, code.messageKey());
    }

    /** The same problem for a field nested under {@code prefix}. */
    public FieldProblem under(String prefix) {
        return new FieldProblem(prefix + "." + field, code, messageKey, arguments);
    }
}
