package com.realsim.platform.web;

import java.time.Duration;

/**
 * How long something has waited, for a page: "3 d 4 h", "5 h 10 min", "12 min" (the bundle decides the words:
 * {@code review.age.*}). Queues show it next to each record and above them for the oldest.
 */
public record Age(String messageKey, long first, long second) {

    /** The age of a wait, or null for none. */
    public static Age of(Duration waited) {
        if (waited == null) {
            return null;
        }
        Duration positive = waited.isNegative() ? Duration.ZERO : waited;
        if (positive.toDays() > 0) {
            return new Age("review.age.days", positive.toDays(), positive.toHoursPart());
        }
        if (positive.toHours() > 0) {
            return new Age("review.age.hours", positive.toHours(), positive.toMinutesPart());
        }
        return new Age("review.age.minutes", positive.toMinutes(), 0);
    }
}
