package com.realsim.identity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Display forms of personal data, as screens, API answers and the audit trail show them by default: ID numbers
 * {@code 110101********1234}, phones {@code 138****5678}, names {@code 张*三}, addresses up to the city
 * ({@code 广东省深圳市****}). Each keeps enough to recognise a record and never enough to use it.
 */
public final class Masking {

    static final String HIDDEN = "****";

    private static final Pattern REGION_PREFIX =
            Pattern.compile("^((?:.{1,8}?(?:省|自治区|特别行政区))?(?:.{1,8}?(?:市|自治州|地区|盟))?)");

    private Masking() {}

    /**
     * First 6 and last 4 characters of an 18-character number (or any of 15 and more); first and last 2 of shorter
     * ones such as passports (8–14); first and last 1 below that.
     */
    public static String idNumber(String number) {
        if (number == null || number.isEmpty()) {
            return "";
        }
        int length = number.length();
        if (length >= 15) {
            return keep(number, 6, 4);
        }
        if (length >= 8) {
            return keep(number, 2, 2);
        }
        if (length >= 3) {
            return keep(number, 1, 1);
        }
        return "*".repeat(length);
    }

    /** First 3 and last 4 digits ({@code 138****5678}); short numbers keep only their last 2. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        String clean = phone.strip();
        if (clean.length() >= 8) {
            return clean.substring(0, 3) + HIDDEN + clean.substring(clean.length() - 4);
        }
        return keep(clean, 0, Math.min(2, clean.length() - 1));
    }

    /**
     * Chinese names keep their first and last character ({@code 张*三}, {@code 司**如}); two-character names keep the
     * first ({@code 张*}). Latin names keep their first and last letter around a fixed {@code ***}, so that the mask
     * does not tell the length.
     */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        int[] chars = name.strip().codePoints().toArray();
        if (chars.length == 1) {
            return "*";
        }
        boolean chinese = false;
        for (int c : chars) {
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                chinese = true;
                break;
            }
        }
        String first = new String(chars, 0, 1);
        String last = new String(chars, chars.length - 1, 1);
        if (chars.length == 2) {
            return first + "*";
        }
        return chinese ? first + "*".repeat(chars.length - 2) + last : first + "***" + last;
    }

    /**
     * Keeps the province and city of a Chinese address ({@code 广东省深圳市****}); an address without them keeps its
     * first third (at most 6 characters). A Latin address written with commas keeps its last part, the town or
     * country ({@code ****, London}).
     */
    public static String address(String address) {
        if (address == null || address.isBlank()) {
            return "";
        }
        String clean = address.strip();
        Matcher region = REGION_PREFIX.matcher(clean);
        if (region.find() && !region.group(1).isEmpty() && region.group(1).length() < clean.length()) {
            return region.group(1) + HIDDEN;
        }
        boolean chinese =
                clean.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        int comma = Math.max(clean.lastIndexOf(','), clean.lastIndexOf('，'));
        if (!chinese && comma > 0 && comma < clean.length() - 1) {
            return HIDDEN + ", " + clean.substring(comma + 1).strip();
        }
        int keep = Math.min(6, clean.codePointCount(0, clean.length()) / 3);
        return clean.substring(0, clean.offsetByCodePoints(0, keep)) + HIDDEN;
    }

    private static String keep(String text, int first, int last) {
        return text.substring(0, first)
                + "*".repeat(text.length() - first - last)
                + text.substring(text.length() - last);
    }
}
