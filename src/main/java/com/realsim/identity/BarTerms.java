package com.realsim.identity;

import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import com.realsim.platform.review.DecisionReason;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A bar's basis, validity (at most {@value #MAX_YEARS} years, seed 003) and reason, checked; embedded in {@link Bar} as
 * columns {@code basis}, {@code valid_from}, {@code valid_to}, {@code reason}.
 */
@Embeddable
record BarTerms(String basis, LocalDate validFrom, LocalDate validTo, String reason) {

    static final int MAX_YEARS = 5;

    static BarTerms of(NewBar input) {
        List<FieldProblem> problems = new ArrayList<>();
        String basis = input.basis() == null ? "" : input.basis().strip();
        if (basis.isEmpty() || basis.length() > 100) {
            problems.add(new FieldProblem("basis", ErrorCode.VALIDATION_FAILED, "identity.bar.basis.rule"));
        }
        if (input.validFrom() == null) {
            problems.add(new FieldProblem("validFrom", ErrorCode.VALIDATION_FAILED, "NotNull"));
        }
        if (input.validTo() == null) {
            problems.add(new FieldProblem("validTo", ErrorCode.VALIDATION_FAILED, "NotNull"));
        } else if (input.validFrom() != null && input.validTo().isBefore(input.validFrom())) {
            problems.add(new FieldProblem("validTo", ErrorCode.VALIDATION_FAILED, "identity.bar.validToBefore"));
        } else if (input.validFrom() != null
                && input.validTo().isAfter(input.validFrom().plusYears(MAX_YEARS))) {
            problems.add(new FieldProblem("validTo", ErrorCode.VALIDATION_FAILED, "identity.bar.tooLong", MAX_YEARS));
        }
        String reason = input.reason() == null ? "" : input.reason().strip();
        if (reason.length() < DecisionReason.MIN || reason.length() > DecisionReason.MAX) {
            problems.add(new FieldProblem(
                    "reason",
                    ErrorCode.VALIDATION_FAILED,
                    DecisionReason.LENGTH_KEY,
                    DecisionReason.MIN,
                    DecisionReason.MAX));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new BarTerms(basis, input.validFrom(), input.validTo(), reason);
    }
}
