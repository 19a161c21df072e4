package com.realsim.platform.error;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal by the domain: a rule says no. It carries a stable {@link ErrorCode}, a message key with arguments
 * for the user's language, and details that the API answer carries as extra members (for example {@code missing}).
 * Arguments that are codes with a label ({@link com.realsim.platform.Labelled}, or lists of them) are shown by their
 * label ({@link MessageArguments}): pass the enum itself, never its {@code name()}. The message never contains
 * personal data.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;
    private final String messageKey;
    private final transient Object[] messageArguments;
    private final transient Map<String, Object> details = new LinkedHashMap<>();

    public DomainException(ErrorCode code) {
        this(code, code.messageKey());
    }

    public DomainException(ErrorCode code, String messageKey, Object... messageArguments) {
        super(code.name() + " (" + messageKey + ")");
        this.code = code;
        this.messageKey = messageKey;
        this.messageArguments = MessageArguments.readable(messageArguments);
    }

    /** Adds an extra member of the problem answer, such as {@code missing} or {@code kinds}. */
    public DomainException with(String name, Object value) {
        details.put(name, value instanceof Object[] array ? Arrays.asList(array) : value);
        return this;
    }

    public ErrorCode code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] messageArguments() {
        return messageArguments.clone();
    }

    public Map<String, Object> details() {
        return Map.copyOf(details);
    }

    /** Field errors for the form or the API answer's {@code errors}; empty for refusals that concern no field. */
    public List<FieldProblem> fieldProblems() {
        return List.of();
    }
}
