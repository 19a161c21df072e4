package com.realsim.account;

import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import java.util.Locale;
import java.util.Optional;

/** At least 10 characters, at most 128, of at least two kinds (letters, digits, others), not containing the username. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    private PasswordPolicy() {}

    static Optional<FieldProblem> check(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            return Optional.of(new FieldProblem(
                    "password", ErrorCode.VALIDATION_FAILED, "account.password.length", MIN_LENGTH, MAX_LENGTH));
        }
        int kinds = (password.chars().anyMatch(Character::isLetter) ? 1 : 0)
                + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (kinds < 2) {
            return Optional.of(new FieldProblem("password", ErrorCode.VALIDATION_FAILED, "account.password.kinds"));
        }
        if (username != null
                && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(new FieldProblem("password", ErrorCode.VALIDATION_FAILED, "account.password.username"));
        }
        return Optional.empty();
    }
}
