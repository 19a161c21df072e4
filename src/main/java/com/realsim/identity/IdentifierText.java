package com.realsim.identity;

/**
 * How typed identifiers are cleaned before they are checked: full-width characters (as Chinese input methods type
 * them) become their half-width forms, surrounding spaces go, the letters a–z become upper case. Spaces inside stay,
 * and are then refused as characters that do not belong. Only ASCII letters change case: upper-casing every letter
 * would turn {@code ß} into {@code SS} and the long s {@code ſ} or the dotless {@code ı} into {@code S} and
 * {@code I}, accepting characters no ID number has as a different number.
 */
final class IdentifierText {

    private IdentifierText() {}

    static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder(raw.length());
        raw.codePoints().forEach(c -> {
            int ascii = c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c; // full-width ASCII block
            if (ascii >= 'a' && ascii <= 'z') {
                clean.append((char) (ascii - ('a' - 'A')));
            } else if (ascii != c) {
                clean.append((char) ascii);
            } else if (c == 0x3000 || c == 0x00A0 || c == 0x2007 || c == 0x202F) {
                clean.append(' '); // ideographic and non-breaking spaces
            } else {
                clean.appendCodePoint(c);
            }
        });
        return clean.toString().strip();
    }

    static boolean allDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
