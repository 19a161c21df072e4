package com.realsim.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The format of each {@link IdType}'s number, as a rule that names what is wrong: a message key of the identity
 * bundle, or nothing when the normalised number is acceptable. {@code docs/identity.md} explains each format.
 */
final class IdNumberRules {

    static final String REQUIRED = "identity.idNumber.required";
    static final String LENGTH = "identity.idNumber.length";
    static final String CHARACTERS = "identity.idNumber.characters";
    static final String CHECK_CHARACTER = "identity.idNumber.checkCharacter";
    static final String BIRTH_DATE_IMPOSSIBLE = "identity.idNumber.birthDateImpossible";
    static final String BIRTH_DATE_TOO_EARLY = "identity.idNumber.birthDateTooEarly";
    static final String BIRTH_DATE_FUTURE = "identity.idNumber.birthDateFuture";
    static final String REGION = "identity.idNumber.region";
    static final String TYPE_REQUIRED = "identity.idType.required";

    static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    /** Province-level codes (GB/T 2260) that mainland resident ID numbers begin with. */
    static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", // North China
            "21", "22", "23", // North-east
            "31", "32", "33", "34", "35", "36", "37", // East
            "41", "42", "43", "44", "45", "46", // Central South
            "50", "51", "52", "53", "54", // South-west
            "61", "62", "63", "64", "65"); // North-west

    private static final Pattern HK_MACAU_TRAVEL_PERMIT = Pattern.compile("[HM][0-9]{8}([0-9]{2})?");
    private static final Pattern TAIWAN_TRAVEL_PERMIT = Pattern.compile("[0-9]{8}([0-9A-Z]{1,2})?");
    private static final Pattern FOREIGN_2017 = Pattern.compile("[A-Z]{3}[0-9]{12}");
    private static final Pattern PASSPORT = Pattern.compile("(?=.*[0-9])[A-Z0-9]{5,20}");
    private static final Pattern PARENTHESES = Pattern.compile("[()]");

    private IdNumberRules() {}

    /** The number as it is kept: normalised text, and for permits without the parentheses some print. */
    static String normalise(IdType type, String raw) {
        String clean = IdentifierText.normalise(raw);
        if (type == IdType.TAIWAN_PERMIT || type == IdType.HK_MACAU_PERMIT) {
            clean = PARENTHESES.matcher(clean).replaceAll("");
        }
        return clean;
    }

    /** What is wrong with a normalised number of this type, or empty when nothing is. */
    static Optional<String> problem(IdType type, String number, LocalDate today) {
        if (type == null) {
            return Optional.of(TYPE_REQUIRED);
        }
        if (number.isEmpty()) {
            return Optional.of(REQUIRED);
        }
        return Optional.ofNullable(
                switch (type) {
                    case RESIDENT_ID -> gb11643(number, today, n -> PROVINCES.contains(n.substring(0, 2)), REGION);
                    case PASSPORT -> PASSPORT.matcher(number).matches() ? null : format(type);
                    case HK_MACAU_PERMIT ->
                        permit(
                                type,
                                number,
                                today,
                                HK_MACAU_TRAVEL_PERMIT,
                                n -> n.startsWith("810000") || n.startsWith("820000"));
                    case TAIWAN_PERMIT ->
                        permit(type, number, today, TAIWAN_TRAVEL_PERMIT, n -> n.startsWith("830000"));
                    case FOREIGN_PERMANENT_RESIDENT -> foreignPermanentResident(number, today);
                });
    }

    private static String permit(
            IdType type, String number, LocalDate today, Pattern travelPermit, Predicate<String> residencePermit) {
        if (number.length() == 18 && IdentifierText.allDigits(number, 0, 6)) {
            return gb11643(number, today, residencePermit, REGION + "." + type.name());
        }
        return travelPermit.matcher(number).matches() ? null : format(type);
    }

    private static String foreignPermanentResident(String number, LocalDate today) {
        if (number.length() == 18) {
            return gb11643(
                    number, today, n -> n.charAt(0) == '9', REGION + "." + IdType.FOREIGN_PERMANENT_RESIDENT.name());
        }
        return FOREIGN_2017.matcher(number).matches() ? null : format(IdType.FOREIGN_PERMANENT_RESIDENT);
    }

    private static String format(IdType type) {
        return "identity.idNumber.format." + type.name();
    }

    /**
     * The GB 11643 structure shared by resident ID numbers, the residence permits of Hong Kong, Macau and Taiwan
     * residents and the 2023 foreign permanent residence card: 6-digit region, 8-digit birth date, 3-digit sequence,
     * MOD 11-2 check character.
     */
    static String gb11643(String number, LocalDate today, Predicate<String> regionOk, String regionProblem) {
        if (number.length() != 18) {
            return LENGTH;
        }
        char last = number.charAt(17);
        if (!IdentifierText.allDigits(number, 0, 17) || !(last == 'X' || (last >= '0' && last <= '9'))) {
            return CHARACTERS;
        }
        if (!regionOk.test(number)) {
            return regionProblem;
        }
        LocalDate birthDate = birthDate(number);
        if (birthDate == null) {
            return BIRTH_DATE_IMPOSSIBLE;
        }
        if (birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
            return BIRTH_DATE_TOO_EARLY;
        }
        if (birthDate.isAfter(today)) {
            return BIRTH_DATE_FUTURE;
        }
        if (CheckCharacters.gb11643(number) != last) {
            return CHECK_CHARACTER;
        }
        return null;
    }

    /** The birth date in positions 7 to 14, or null when it is no date at all (such as 19900230). */
    static LocalDate birthDate(String number) {
        try {
            return LocalDate.of(
                    Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)),
                    Integer.parseInt(number.substring(12, 14)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
