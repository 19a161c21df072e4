package com.realsim.testsupport;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of text that people and programs really send into identifier fields and files: the right value typed
 * with full-width characters (Chinese input methods), in lower case, with spaces around it (ASCII, ideographic,
 * non-breaking), with a control or invisible character inside (NUL, BOM, zero-width space, a right-to-left override),
 * letters that change length when put in upper case ({@code ß}, {@code ﬁ}), look-alikes from other scripts, lone
 * halves of surrogate pairs, cut short, doubled, and very long; and plain random text of every character.
 */
public final class HostileText {

    /** Characters that have broken text handling before, each for its own reason. */
    public static final String TROUBLE = "\u0000\u0001\u0007\b\t\n\u000B\f\r\u001B\u001F\u007F" // controls
            + "\u0085\u00A0\u1680\u2007\u2028\u2029\u202F\u3000" // line and space characters
            + "\u200B\u200C\u200D\u2060\uFEFF\u00AD" // invisible
            + "\u202E\u202D\u200E\u200F" // direction overrides and marks
            + "\uD800\uDBFF\uDC00\uDFFF\uFFFD\uFFFE\uFFFF" // surrogate halves, replacement, non-characters
            + "\u00DF\uFB01\u0131\u017F\u0130\u212A\u2126" // change when upper-cased: ß ﬁ ı ſ İ K Ω
            + "\u0410\u041D\u0425\u0406\u0417\u039F" // Cyrillic and Greek look-alikes of A H X I 3 O
            + "\u0660\u0669\u06F0\u0966\u07C0\uFF10\uFF19\uFF21\uFF3A\uFF41\uFF5A" // digits of other scripts, full
            // width
            + "\u0301\u0308" // combining marks
            + "\"',;\\()（）-_/.*%$#@!~`|<>{}[]="; // punctuation

    private HostileText() {}

    /** One character of {@link #TROUBLE}. */
    public static Arbitrary<Character> troubleChars() {
        return Arbitraries.of(TROUBLE.chars().mapToObj(c -> (char) c).toList());
    }

    /**
     * Values derived from valid ones in the ways listed above. A derived value is sometimes still valid (the same
     * number in full width), sometimes not (a NUL inside): the properties decide which by an independent oracle.
     */
    public static Arbitrary<String> around(Arbitrary<String> valid) {
        return Arbitraries.frequencyOf(
                weighted(4, valid),
                weighted(3, valid.map(String::toLowerCase)),
                weighted(3, valid.map(HostileText::fullWidth)),
                weighted(
                        3, Combinators.combine(valid, spaces(), spaces()).as((v, before, after) -> before + v + after)),
                weighted(
                        6,
                        Combinators.combine(valid, Arbitraries.integers().between(0, 40), troubleChars())
                                .as((v, at, c) -> insert(v, at, String.valueOf(c)))),
                weighted(
                        3,
                        Combinators.combine(valid, Arbitraries.integers().between(0, 40), troubleChars())
                                .as((v, at, c) -> replace(v, at, c))),
                weighted(
                        2,
                        Combinators.combine(valid, Arbitraries.integers().between(0, 40))
                                .as((v, at) -> v.substring(0, Math.min(at, v.length())))),
                weighted(2, Combinators.combine(valid, valid).as(String::concat)),
                weighted(2, valid.map(v -> v.toUpperCase(Locale.ROOT) + v.substring(v.length() / 2))),
                weighted(
                        1,
                        Combinators.combine(valid, Arbitraries.integers().between(100, 20_000))
                                .as((v, times) -> v.repeat(Math.max(1, times / Math.max(1, v.length()))))),
                weighted(
                        1,
                        Combinators.combine(valid, Arbitraries.integers().between(1, 17), troubleChars())
                                .as((v, at, c) -> fullWidth(
                                        insert(v, at, String.valueOf(c)).toLowerCase()))));
    }

    /** Random text: any character, characters of the alphabet given mixed with trouble, and rare very long text. */
    public static Arbitrary<String> anything(String alphabet) {
        char[] mixed = (alphabet + TROUBLE).toCharArray();
        return Arbitraries.frequencyOf(
                weighted(3, Arbitraries.strings().all().ofMaxLength(40)),
                weighted(5, Arbitraries.strings().withChars(mixed).ofMaxLength(30)),
                weighted(
                        4,
                        Arbitraries.strings().withChars(alphabet.toCharArray()).ofMaxLength(25)),
                weighted(
                        1,
                        Combinators.combine(
                                        Arbitraries.strings()
                                                .withChars(mixed)
                                                .ofMinLength(1)
                                                .ofMaxLength(20),
                                        Arbitraries.integers().between(1_000, 100_000))
                                .as((piece, length) -> piece.repeat(length / piece.length() + 1))),
                weighted(1, Arbitraries.just((String) null)));
    }

    /** ASCII and Unicode spaces and line breaks, or nothing. */
    public static Arbitrary<String> spaces() {
        return Arbitraries.strings()
                .withChars(' ', '\t', '\n', '\r', '\u3000', '\u00A0', '\u2007', '\u202F')
                .ofMaxLength(3);
    }

    /** ASCII {@code !} to {@code ~} as their full-width forms (U+FF01–U+FF5E), everything else as it is. */
    public static String fullWidth(String text) {
        StringBuilder wide = new StringBuilder(text.length());
        text.chars().forEach(c -> wide.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : (char) c));
        return wide.toString();
    }

    static String insert(String text, int at, String what) {
        int position = Math.min(at, text.length());
        return text.substring(0, position) + what + text.substring(position);
    }

    static String replace(String text, int at, char with) {
        if (text.isEmpty()) {
            return String.valueOf(with);
        }
        int position = at % text.length();
        return text.substring(0, position) + with + text.substring(position + 1);
    }

    private static Tuple.Tuple2<Integer, Arbitrary<? extends String>> weighted(int weight, Arbitrary<String> text) {
        return Tuple.of(weight, text);
    }
}
