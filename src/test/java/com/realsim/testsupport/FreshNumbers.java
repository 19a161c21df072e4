package com.realsim.testsupport;

import com.realsim.identity.IdDocument;
import com.realsim.identity.IdType;
import com.realsim.identity.Uscc;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Valid identifiers that no other test of the run uses, for tests that look for a value afterwards (finding it can
 * only mean this test stored it) or must not collide with another test's records.
 */
public final class FreshNumbers {

    private static final AtomicInteger sequence = new AtomicInteger();

    private static final int usccStart = ThreadLocalRandom.current().nextInt(10_000_000);

    private FreshNumbers() {}

    /** A resident ID number (GB 11643) of Shanghai Pudong, born on a date no other call gives. */
    public static String residentIdNumber() {
        int n = sequence.incrementAndGet();
        String body = "310115"
                + LocalDate.of(1961, 3, 1).plusDays(n * 37L).format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", 500 + ThreadLocalRandom.current().nextInt(400));
        return withCheck(
                body,
                "0123456789X",
                number -> IdDocument.problem(IdType.RESIDENT_ID, number, LocalDate.of(2026, 1, 1))
                        .isEmpty());
    }

    /**
     * A unified social credit code (GB 32100) no other call of the run gives: one code is one enterprise on the whole
     * platform, so two tests registering the same one would collide. The body counts on from a random start.
     */
    public static String uscc() {
        String body =
                "91310115MA" + String.format("%07d", Math.floorMod(usccStart + sequence.incrementAndGet(), 10_000_000));
        return withCheck(body, "0123456789ABCDEFGHJKLMNPQRTUWXY", Uscc::isValid);
    }

    private static String withCheck(String body, String alphabet, Predicate<String> valid) {
        for (char check : alphabet.toCharArray()) {
            if (valid.test(body + check)) {
                return body + check;
            }
        }
        throw new IllegalStateException("No check character fits " + body);
    }
}
