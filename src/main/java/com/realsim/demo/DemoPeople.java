package com.realsim.demo;

/** Made-up but valid resident ID numbers (GB 11643 check character) for demo people. */
final class DemoPeople {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private DemoPeople() {}

    /** A stable number per name: Fuzhou Gulou region, a birth date in the 1970s–80s, the right check character. */
    static String idNumber(String seed) {
        int hash = Math.abs(seed.hashCode());
        String body = String.format(
                "350102%04d%02d%02d%03d",
                1970 + hash % 20, 1 + (hash / 20) % 12, 1 + (hash / 240) % 28, 100 + (hash / 6720) % 900);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK.charAt(sum % 11);
    }
}
