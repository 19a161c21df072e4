package com.realsim.identity;

import java.util.Locale;

/**
 * How typed identifiers are cleaned before they are checked: full-width characters (as Chinese input methods type
 * them) become their half-width forms, surrounding spaces go, letters become upper case. Spaces inside stay, and are
 * then refused as characters that do not belong.
 */
final class IdentifierText {

    private IdentifierText() {}

    static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder(raw.length());
        raw.codePoints().forEach(c -> {
            if (c >= 0xFF01 && c <= 0xFF5E) {
                clean.appendCodePoint(c - 0xFEE0); // full-width ASCII block
            } else if (c == 0x3000 || c == 0x00A0 || c == 0x2007 || c == 0x202F) {
                clean.append(' '); // ideographic and non-breaking spaces
            } else {
                clean.appendCodePoint(c);
            }
        });
        return clean.toString().strip().toUpperCase(Locale.ROOT);
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
