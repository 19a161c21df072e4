package com.realsim.identity;

import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import java.util.Optional;

/**
 * A unified social credit code (统一社会信用代码, GB 32100): 18 characters from
 * {@code 0123456789ABCDEFGHJKLMNPQRTUWXY} whose last is the check character (weights 1 3 9 27 19 26 16 17 20 29 25 13
 * 8 24 10 30 28; check = (31 − sum mod 31) mod 31). Lower case, full-width characters and surrounding spaces are
 * normalised. An enterprise's code is public record, so it is not sealed or masked.
 */
public final class Uscc {

    static final String REQUIRED = "identity.uscc.required";
    static final String LENGTH = "identity.uscc.length";
    static final String CHARACTERS = "identity.uscc.characters";
    static final String CHECK_CHARACTER = "identity.uscc.checkCharacter";

    private final String value;

    private Uscc(String value) {
        this.value = value;
    }

    /** @throws ValidationException {@code INVALID_USCC} on the field {@code certificateNumber} */
    public static Uscc parse(String raw) {
        return parse(raw, "certificateNumber");
    }

    /** @throws ValidationException {@code INVALID_USCC} on the given field, naming the broken rule */
    public static Uscc parse(String raw, String field) {
        String code = IdentifierText.normalise(raw);
        Optional<String> problem = problem(code);
        if (problem.isPresent()) {
            throw new ValidationException(new FieldProblem(field, ErrorCode.INVALID_USCC, problem.get()));
        }
        return new Uscc(code);
    }

    public static boolean isValid(String raw) {
        return problem(IdentifierText.normalise(raw)).isEmpty();
    }

    static Optional<String> problem(String code) {
        if (code.isEmpty()) {
            return Optional.of(REQUIRED);
        }
        if (code.length() != 18) {
            return Optional.of(LENGTH);
        }
        for (int i = 0; i < 18; i++) {
            if (CheckCharacters.GB32100_ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of(CHARACTERS);
            }
        }
        if (CheckCharacters.gb32100(code) != code.charAt(17)) {
            return Optional.of(CHECK_CHARACTER);
        }
        return Optional.empty();
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Uscc that && that.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
