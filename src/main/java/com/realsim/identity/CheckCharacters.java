package com.realsim.identity;

/** The check characters of GB 11643 (ISO 7064 MOD 11-2) and GB 32100. */
final class CheckCharacters {

    static final int[] GB11643_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static final String GB11643_CHECKS = "10X98765432";

    static final String GB32100_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final int[] GB32100_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CheckCharacters() {}

    /** The check character for the first 17 digits of an 18-character GB 11643 number. */
    static char gb11643(CharSequence number) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * GB11643_WEIGHTS[i];
        }
        return GB11643_CHECKS.charAt(sum % 11);
    }

    /** The check character for the first 17 characters of a USCC, which must all be in the alphabet. */
    static char gb32100(CharSequence code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += GB32100_ALPHABET.indexOf(code.charAt(i)) * GB32100_WEIGHTS[i];
        }
        return GB32100_ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
