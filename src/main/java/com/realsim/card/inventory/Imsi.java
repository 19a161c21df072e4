package com.realsim.card.inventory;

/** A subscriber identity: 15 digits, beginning with China's mobile country code 460. */
final class Imsi {

    private Imsi() {}

    public static boolean isValid(String value) {
        if (value == null || value.length() != 15 || !value.startsWith("460")) {
            return false;
        }
        for (int i = 3; i < 15; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
