package com.realsim.approval.web;

import java.time.Duration;

/** How long something has waited, for a page: "3 d 4 h", "5 h", "12 min" (the bundle decides the words). */
public record Age(String messageKey, long first, long second) {

    static Age of(Duration waited) {
        if (waited == null) {
            return null;
        }
        Duration positive = waited.isNegative() ? Duration.ZERO : waited;
        if (positive.toDays() > 0) {
            return new Age("approval.age.days", positive.toDays(), positive.toHoursPart());
        }
        if (positive.toHours() > 0) {
            return new Age("approval.age.hours", positive.toHours(), positive.toMinutesPart());
        }
        return new Age("approval.age.minutes", positive.toMinutes(), 0);
    }
}
