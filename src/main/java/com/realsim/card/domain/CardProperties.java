package com.realsim.card.domain;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.PeriodFormat;
import org.springframework.boot.convert.PeriodStyle;

/**
 * Settings of the card module ({@code realsim.card.*}). The two periods are calendar periods written in ISO-8601
 * ({@code P2M}, {@code P30D}); the short form is refused at start-up, because {@code 2m} reads as two minutes
 * everywhere else in the configuration.
 *
 * @param rebindsPerMonth how often a card may be rebound to another device per calendar month (default 2)
 * @param dormantAfter how long a working card may go without usage before it enters the cancellation cycle (default
 *     2 months; a card never used counts from its activation)
 * @param cancelAfterPreCancel how long a card stays pre-cancelled before it is cancelled (default 30 days)
 * @param usageRetention how long daily usage is kept (default 24 months): a month older than this is dropped as a
 *     whole partition, and a report of a day older than this is refused
 */
@ConfigurationProperties("realsim.card")
public record CardProperties(
        Integer rebindsPerMonth,
        @PeriodFormat(PeriodStyle.ISO8601) Period dormantAfter,
        @PeriodFormat(PeriodStyle.ISO8601) Period cancelAfterPreCancel,
        @PeriodFormat(PeriodStyle.ISO8601) Period usageRetention) {

    public CardProperties {
        rebindsPerMonth = rebindsPerMonth == null ? 2 : rebindsPerMonth;
        if (rebindsPerMonth < 0) {
            throw new IllegalArgumentException("realsim.card.rebinds-per-month must not be negative");
        }
        dormantAfter = dormantAfter == null ? Period.ofMonths(2) : dormantAfter;
        cancelAfterPreCancel = cancelAfterPreCancel == null ? Period.ofDays(30) : cancelAfterPreCancel;
        if (dormantAfter.isNegative() || dormantAfter.isZero()) {
            throw new IllegalArgumentException("realsim.card.dormant-after must be positive");
        }
        usageRetention = usageRetention == null ? Period.ofMonths(24) : usageRetention;
        if (usageRetention.toTotalMonths() < 1 || usageRetention.getDays() != 0) {
            throw new IllegalArgumentException("realsim.card.usage-retention must be whole months, at least P1M");
        }
        if (cancelAfterPreCancel.isNegative()) {
            throw new IllegalArgumentException("realsim.card.cancel-after-pre-cancel must not be negative");
        }
    }
}
