package com.realsim.identity;

import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * An identity document: its type and its normalised number, checked against the type's format. Two documents are
 * equal when type and normalised number are; two documents are the same person's when type and {@link #identityKey()}
 * are, and the one-ID-N-cards quota keys on that ({@link BlindIndex#of(IdDocument)}).
 * {@link #toString()} shows the masked number only, so that a document never reaches a log in clear.
 */
public final class IdDocument {

    private final IdType type;
    private final String number;

    private IdDocument(IdType type, String number) {
        this.type = Objects.requireNonNull(type);
        this.number = Objects.requireNonNull(number);
    }

    /**
     * Normalises and checks a number typed for a document type.
     *
     * @param field the request's name of the number field (e.g. {@code responsiblePerson.idNumber}), for the error
     * @param today from the injected {@code Clock}: a birth date after it is refused
     * @throws ValidationException {@code INVALID_ID_NUMBER} on {@code field} with a message key naming the rule
     */
    public static IdDocument of(IdType type, String rawNumber, String field, LocalDate today) {
        String number = type == null ? IdentifierText.normalise(rawNumber) : IdNumberRules.normalise(type, rawNumber);
        Optional<String> problem = IdNumberRules.problem(type, number, today);
        if (problem.isPresent()) {
            throw new ValidationException(new FieldProblem(field, ErrorCode.INVALID_ID_NUMBER, problem.get()));
        }
        return new IdDocument(type, number);
    }

    /** As {@link #of(IdType, String, String, LocalDate)}, with today's date from the clock. */
    public static IdDocument of(IdType type, String rawNumber, String field, Clock clock) {
        return of(type, rawNumber, field, LocalDate.now(clock));
    }

    /** The message key of what is wrong with this number for this type, or empty when it is acceptable. */
    public static Optional<String> problem(IdType type, String rawNumber, LocalDate today) {
        String number = type == null ? IdentifierText.normalise(rawNumber) : IdNumberRules.normalise(type, rawNumber);
        return IdNumberRules.problem(type, number, today);
    }

    /** A document already checked when it was sealed: only for re-creating it from storage. */
    static IdDocument trusted(IdType type, String normalisedNumber) {
        return new IdDocument(type, normalisedNumber);
    }

    public IdType type() {
        return type;
    }

    /** The normalised number in clear: for sealing and comparison, never for display, URLs or logs. */
    public String number() {
        return number;
    }

    /**
     * The part of the number that identifies the person (domain rules, "One person, one identity key"): the number
     * itself, except where a travel permit prints more beside it. A Hong Kong/Macau travel permit is its letter and 8
     * digits, without the 2-digit renewal count after them ({@code H1234567801} and {@code H1234567802} are
     * {@code H12345678}); a Taiwan travel permit is its 8 digits, without the issue letter or count after them
     * ({@code 12345678B} and {@code 1234567801} are {@code 12345678}). The 18-digit residence permits are their
     * own number.
     */
    String identityKey() {
        if (type == IdType.HK_MACAU_PERMIT && number.length() == 11) {
            return number.substring(0, 9);
        }
        if (type == IdType.TAIWAN_PERMIT && (number.length() == 9 || number.length() == 10)) {
            return number.substring(0, 8);
        }
        return number;
    }

    /** The display form, e.g. {@code 110101********1234}. */
    public String masked() {
        return Masking.idNumber(number);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdDocument that && that.type == type && that.number.equals(number);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, number);
    }

    @Override
    public String toString() {
        return type + " " + masked();
    }
}
