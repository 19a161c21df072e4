package com.realsim.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.ValidationException;
import com.realsim.testsupport.GeneratedInputs;
import com.realsim.testsupport.HostileText;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Hostile input for the identifier rules (issue 17): every type of ID number, permits and USCCs, as people and
 * programs send them — full width, mixed case, spaces of every kind, control and invisible characters, letters that
 * change when upper-cased, other scripts' digits, cut short, doubled, very long, random. For every input the rule
 * either accepts a value that an independent oracle also accepts (same normalised number, the type's format, the
 * check character computed another way) or refuses it with {@code INVALID_ID_NUMBER}/{@code INVALID_USCC} and a
 * message that exists in both languages; nothing else ever comes out (no other exception). The number of generated
 * inputs is printed at the end and kept in {@code target/reliability/identifiers.txt}.
 */
class IdentifierHostileInputTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final GeneratedInputs inputs = new GeneratedInputs("identifiers");
    static final ResourceBundle ENGLISH = ResourceBundle.getBundle("i18n/identity", Locale.ROOT);
    static final ResourceBundle CHINESE = ResourceBundle.getBundle("i18n/identity", Locale.CHINESE);
    static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    static final String ID_ALPHABET = "0123456789XxHMhm()（）８Ｘ ";

    static final Pattern RESIDENT = Pattern.compile("[1-6][0-9]{16}[0-9X]");
    static final Pattern GB11643 = Pattern.compile("[0-9]{17}[0-9X]");
    static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,20}");
    static final Pattern HK_MACAU = Pattern.compile("[HM][0-9]{8}|[HM][0-9]{10}");
    static final Pattern TAIWAN = Pattern.compile("[0-9]{8}|[0-9]{8}[0-9A-Z]|[0-9]{8}[0-9A-Z]{2}");
    static final Pattern FOREIGN_2017 = Pattern.compile("[A-Z]{3}[0-9]{12}");
    static final Pattern USCC = Pattern.compile("[0-9A-HJ-NP-RTUW-Y]{18}");

    @AfterContainer
    static void report() {
        inputs.report();
        VALIDATION.close();
    }

    @Property(tries = 250_000)
    void anyTextOfAnyTypeIsAcceptedAsTheOracleSaysOrRefusedWithAWrittenRule(
            @ForAll("types") IdType type, @ForAll("idNumbers") String raw) {
        inputs.count("ID numbers, every type (IdDocument)");
        Optional<String> problem = IdDocument.problem(type, raw, TODAY);
        if (problem.isPresent()) {
            assertWritten(problem.get());
            assertThatThrownBy(() -> IdDocument.of(type, raw, "person.idNumber", TODAY))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.fieldProblems()).singleElement().satisfies(p -> {
                                assertThat(p.field()).isEqualTo("person.idNumber");
                                assertThat(p.code()).isEqualTo(ErrorCode.INVALID_ID_NUMBER);
                                assertThat(p.messageKey()).isEqualTo(problem.get());
                            }));
            return;
        }
        IdDocument document = IdDocument.of(type, raw, "person.idNumber", TODAY);
        String number = document.number();
        assertThat(number).as(codePoints(raw)).isEqualTo(oracleNormalised(type, raw));
        assertThat(oracleAccepts(type, number)).as(number).isTrue();
        assertThat(IdDocument.of(type, number, "again", TODAY)).isEqualTo(document);
        assertThat(number).startsWith(document.identityKey());
        assertThat(document.masked()).hasSameSizeAs(number).isNotEqualTo(number);
        assertThat(document.toString()).doesNotContain(number);
    }

    @Property(tries = 150_000)
    void aValidNumberTypedInFullWidthLowerCaseOrWithSpacesAroundIsTheSameNumber(
            @ForAll("validDocuments") String[] valid, @ForAll("decorations") int decoration) {
        inputs.count("valid ID numbers, decorated (IdDocument)");
        IdType type = IdType.valueOf(valid[0]);
        String typed = switch (decoration) {
            case 0 -> HostileText.fullWidth(valid[1]);
            case 1 -> valid[1].toLowerCase(Locale.ROOT);
            case 2 -> "\u3000 " + valid[1] + "\t\u00A0";
            default -> " " + HostileText.fullWidth(valid[1].toLowerCase(Locale.ROOT)) + "\u202F";
        };
        assertThat(IdDocument.problem(type, typed, TODAY)).as(typed).isEmpty();
        assertThat(IdDocument.of(type, typed, "idNumber", TODAY).number()).isEqualTo(valid[1]);
    }

    @Property(tries = 100_000)
    void aResidentIdNumberIsJudgedAlikeAsANumberAndAsADocument(@ForAll("residentIdNumbers") String raw) {
        inputs.count("resident ID numbers (ResidentIdNumber)");
        Optional<String> asDocument = IdDocument.problem(IdType.RESIDENT_ID, raw, TODAY);
        assertThat(ResidentIdNumber.isValid(raw, TODAY)).isEqualTo(asDocument.isEmpty());
        if (asDocument.isEmpty()) {
            ResidentIdNumber number = ResidentIdNumber.parse(raw, TODAY);
            assertThat(number.asDocument()).isEqualTo(IdDocument.of(IdType.RESIDENT_ID, raw, "idNumber", TODAY));
            assertThat(number.birthDate()).isBetween(IdNumberRules.EARLIEST_BIRTH_DATE, TODAY);
            assertThat(number.toString()).doesNotContain(number.value());
        } else {
            assertThatThrownBy(() -> ResidentIdNumber.parse(raw, TODAY))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.fieldProblems())
                                    .singleElement()
                                    .satisfies(p -> assertThat(p.messageKey()).isEqualTo(asDocument.get())));
        }
    }

    @Property(tries = 200_000)
    void anyTextIsAUsccTheOracleAcceptsOrRefusedWithAWrittenRule(@ForAll("usccs") String raw) {
        inputs.count("USCCs (Uscc)");
        boolean valid = Uscc.isValid(raw);
        if (!valid) {
            assertThatThrownBy(() -> Uscc.parse(raw, "certificateNumber"))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.fieldProblems()).singleElement().satisfies(p -> {
                                assertThat(p.field()).isEqualTo("certificateNumber");
                                assertThat(p.code()).isEqualTo(ErrorCode.INVALID_USCC);
                                assertWritten(p.messageKey());
                            }));
            return;
        }
        String code = Uscc.parse(raw).value();
        assertThat(code).as(codePoints(raw)).isEqualTo(oracleNormalised(null, raw));
        assertThat(USCC.matcher(code).matches()).as(code).isTrue();
        assertThat(code.charAt(17)).isEqualTo(oracleGb32100(code));
    }

    @Property(tries = 50_000)
    void beanValidationOfAnIdDocumentNeverFailsOtherwiseThanWithAViolation(
            @ForAll("typeNames") String type, @ForAll("idNumbers") String number) {
        inputs.count("ID documents through Bean Validation (@ValidIdDocument)");
        Validator validator = VALIDATION.getValidator();
        Set<ConstraintViolation<TypedDocument>> violations = validator.validate(new TypedDocument(type, number));
        IdType idType = Arrays.stream(IdType.values())
                .filter(t -> type != null && t.name().equals(type.strip()))
                .findFirst()
                .orElse(null);
        boolean blank = type == null || type.isBlank() || number == null || number.isBlank();
        boolean expectValid = blank
                || (idType != null
                        && IdDocument.problem(idType, number, LocalDate.now(ZoneOffset.UTC))
                                .isEmpty());
        assertThat(violations.isEmpty()).as("%s %s", type, codePoints(number)).isEqualTo(expectValid);
    }

    @Property(tries = 100_000)
    void maskingNeverFailsAndNeverShowsTheWholeValue(@ForAll("personalText") String text) {
        inputs.count("personal data to mask (Masking)");
        String id = Masking.idNumber(text);
        String phone = Masking.phone(text);
        String name = Masking.name(text);
        String address = Masking.address(text);
        if (text != null && text.strip().length() >= 3 && text.indexOf('*') < 0) {
            assertThat(id).isNotEqualTo(text);
            assertThat(phone).isNotEqualTo(text.strip());
            assertThat(name).isNotEqualTo(text.strip());
            assertThat(address).isNotEqualTo(text.strip());
        }
    }

    @Example
    void lettersThatChangeWhenUpperCasedAreNotTakenForOthers() {
        // found by the first property: ß became SS and the long s ſ became S, so "REſ414725" was passport RES414725
        assertThat(IdDocument.problem(IdType.PASSPORT, "REſ414725", TODAY))
                .contains("identity.idNumber.format.PASSPORT");
        assertThat(IdDocument.problem(IdType.PASSPORT, "ßA0000", TODAY)).contains("identity.idNumber.format.PASSPORT");
        assertThat(IdDocument.problem(IdType.TAIWAN_PERMIT, "12345678\u0131", TODAY))
                .isPresent(); // dotless i
        String body = "91350100FF0100Y4A";
        assertThat(Uscc.isValid(body + oracleGb32100(body))).isTrue();
        assertThat(Uscc.isValid((body + oracleGb32100(body)).replace("FF", "\uFB00")))
                .isFalse(); // ligature ff
        assertThat(IdDocument.of(IdType.PASSPORT, "ｅａ１２３４５６７", "idNumber", TODAY)
                        .number())
                .isEqualTo("EA1234567");
    }

    @ValidIdDocument(typeField = "type", numberField = "number")
    record TypedDocument(String type, String number) {}

    // --- the oracle: the rules written a second time, another way -------------------------------------------------

    /**
     * Full-width ASCII to ASCII, the Unicode spaces people paste to a plain space, surrounding white space off, ASCII
     * letters (only those) in upper case, and for permits the parentheses some print around the renewal count.
     */
    static String oracleNormalised(IdType type, String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder();
        raw.codePoints().forEach(c -> {
            int d = c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c;
            d = d == 0x3000 || d == 0xA0 || d == 0x2007 || d == 0x202F ? ' ' : d;
            clean.appendCodePoint(d >= 'a' && d <= 'z' ? d - 32 : d);
        });
        String stripped = clean.toString().strip();
        return type == IdType.HK_MACAU_PERMIT || type == IdType.TAIWAN_PERMIT
                ? stripped.replace("(", "").replace(")", "")
                : stripped;
    }

    static boolean oracleAccepts(IdType type, String n) {
        return switch (type) {
            case RESIDENT_ID -> RESIDENT.matcher(n).matches() && gb11643(n, "1", "2", "3", "4", "5", "6");
            case PASSPORT -> PASSPORT.matcher(n).matches() && n.chars().anyMatch(Character::isDigit);
            case HK_MACAU_PERMIT -> HK_MACAU.matcher(n).matches() || gb11643(n, "810000", "820000");
            case TAIWAN_PERMIT -> TAIWAN.matcher(n).matches() || gb11643(n, "830000");
            case FOREIGN_PERMANENT_RESIDENT -> FOREIGN_2017.matcher(n).matches() || gb11643(n, "9");
        };
    }

    /** An 18-character GB 11643 number with one of the prefixes, a real birth date and the right check character. */
    static boolean gb11643(String n, String... prefixes) {
        if (!GB11643.matcher(n).matches() || Arrays.stream(prefixes).noneMatch(n::startsWith)) {
            return false;
        }
        try {
            LocalDate born =
                    LocalDate.parse(n.substring(6, 10) + "-" + n.substring(10, 12) + "-" + n.substring(12, 14));
            if (born.getYear() < 1900 || born.isAfter(TODAY)) {
                return false;
            }
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
        return n.charAt(17) == oracleGb11643(n);
    }

    /** ISO 7064 MOD 11-2: weights 2^(17−i) mod 11, check (12 − sum mod 11) mod 11, 10 written X. */
    static char oracleGb11643(String n) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (n.charAt(i) - '0') * (int) (Math.pow(2, 17 - i) % 11);
        }
        int check = (12 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    /** GB 32100: weights 3^i mod 31, check 31 − sum mod 31 (31 written 0), in the 31-character alphabet. */
    static char oracleGb32100(String code) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(code.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        return alphabet.charAt((31 - sum % 31) % 31);
    }

    static void assertWritten(String key) {
        assertThat(ENGLISH.containsKey(key)).as("English text of %s", key).isTrue();
        assertThat(CHINESE.containsKey(key)).as("Chinese text of %s", key).isTrue();
    }

    static String codePoints(String text) {
        return text == null
                ? "null"
                : text.length() > 60
                        ? text.length() + " characters"
                        : text.codePoints()
                                .mapToObj(Integer::toHexString)
                                .toList()
                                .toString();
    }

    // --- generators ------------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<IdType> types() {
        return Arbitraries.of(IdType.class).injectNull(0.03);
    }

    @Provide
    Arbitrary<String> typeNames() {
        return Arbitraries.oneOf(
                Arbitraries.of(IdType.class).map(Enum::name),
                Arbitraries.of(IdType.class).map(t -> " " + t.name().toLowerCase(Locale.ROOT)),
                HostileText.anything("ABCDEFGHIJKLMNOPQRSTUVWXYZ_"));
    }

    @Provide
    Arbitrary<String> idNumbers() {
        return Arbitraries.oneOf(
                HostileText.around(validDocuments().map(d -> d[1])), HostileText.anything(ID_ALPHABET));
    }

    @Provide
    Arbitrary<String> residentIdNumbers() {
        return Arbitraries.oneOf(HostileText.around(resident()), HostileText.anything("0123456789Xx"));
    }

    @Provide
    Arbitrary<String> usccs() {
        Arbitrary<String> valid = Arbitraries.strings()
                .withChars("0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray())
                .ofLength(17)
                .map(body -> body + oracleGb32100(body));
        return Arbitraries.oneOf(
                HostileText.around(valid), HostileText.anything("0123456789ABCDEFGHJKLMNPQRTUWXYIOSVZ"));
    }

    @Provide
    Arbitrary<String> personalText() {
        return Arbitraries.oneOf(
                HostileText.anything("张三李四王五省市区县路号 ,，"),
                HostileText.around(Arbitraries.of("广东省深圳市南山区科技园 1 号", "陈建国", "John Smith", "13812345678")),
                HostileText.around(validDocuments().map(d -> d[1])));
    }

    @Provide
    Arbitrary<Integer> decorations() {
        return Arbitraries.integers().between(0, 3);
    }

    /** A type's name and a valid number of that type, in its normalised form. */
    @Provide
    Arbitrary<String[]> validDocuments() {
        Arbitrary<String> digits8 = Arbitraries.strings().numeric().ofLength(8);
        Arbitrary<String> digits2 = Arbitraries.strings().numeric().ofLength(2);
        Arbitrary<String> letters =
                Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(2);
        return Arbitraries.oneOf(
                resident().map(n -> pair(IdType.RESIDENT_ID, n)),
                Combinators.combine(
                                letters,
                                Arbitraries.strings().numeric().ofMinLength(4).ofMaxLength(9))
                        .as((l, d) -> pair(IdType.PASSPORT, l + d)),
                Combinators.combine(Arbitraries.of("H", "M"), digits8, Arbitraries.of("", "01", "12"))
                        .as((l, d, count) -> pair(IdType.HK_MACAU_PERMIT, l + d + count)),
                Combinators.combine(
                                digits8,
                                Arbitraries.oneOf(
                                        Arbitraries.just(""),
                                        Arbitraries.strings()
                                                .withChars("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray())
                                                .ofMinLength(1)
                                                .ofMaxLength(2)))
                        .as((d, suffix) -> pair(IdType.TAIWAN_PERMIT, d + suffix)),
                gb11643(Arbitraries.of("810000", "820000")).map(n -> pair(IdType.HK_MACAU_PERMIT, n)),
                gb11643(Arbitraries.just("830000")).map(n -> pair(IdType.TAIWAN_PERMIT, n)),
                gb11643(Arbitraries.strings().numeric().ofLength(5).map(d -> "9" + d))
                        .map(n -> pair(IdType.FOREIGN_PERMANENT_RESIDENT, n)),
                Combinators.combine(
                                Arbitraries.strings().withCharRange('A', 'Z').ofLength(3),
                                Arbitraries.strings().numeric().ofLength(12))
                        .as((l, d) -> pair(IdType.FOREIGN_PERMANENT_RESIDENT, l + d)));
    }

    static Arbitrary<String> resident() {
        return gb11643(Combinators.combine(
                        Arbitraries.of(IdNumberRules.PROVINCES),
                        Arbitraries.strings().numeric().ofLength(4))
                .as(String::concat));
    }

    static Arbitrary<String> gb11643(Arbitrary<String> region) {
        Arbitrary<LocalDate> born = Arbitraries.longs()
                .between(LocalDate.of(1900, 1, 1).toEpochDay(), TODAY.toEpochDay())
                .map(LocalDate::ofEpochDay);
        return Combinators.combine(region, born, Arbitraries.strings().numeric().ofLength(3))
                .as((r, b, s) -> {
                    String body = r + b.toString().replace("-", "") + s;
                    return body + oracleGb11643(body);
                });
    }

    static String[] pair(IdType type, String number) {
        return new String[] {type.name(), number};
    }
}
