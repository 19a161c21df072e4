package com.realsim.platform.error;

import java.util.List;

/** Input that breaks a rule of the domain, found after Bean Validation: one or more field problems. */
public class ValidationException extends DomainException {

    private final transient List<FieldProblem> problems;

    public ValidationException(List<FieldProblem> problems) {
        super(problems.size() == 1 ? problems.get(0).code() : ErrorCode.VALIDATION_FAILED);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("A validation error names at least one field");
        }
        this.problems = List.copyOf(problems);
    }

    public ValidationException(FieldProblem problem) {
        this(List.of(problem));
    }

    @Override
    public List<FieldProblem> fieldProblems() {
        return problems;
    }
}
