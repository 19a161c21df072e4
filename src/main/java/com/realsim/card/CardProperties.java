package com.realsim.card;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the card module ({@code realsim.card.*}).
 *
 * @param rebindsPerMonth how often a card may be rebound to another device per calendar month (default 2)
 */
@ConfigurationProperties("realsim.card")
public record CardProperties(Integer rebindsPerMonth) {

    public CardProperties {
        rebindsPerMonth = rebindsPerMonth == null ? 2 : rebindsPerMonth;
        if (rebindsPerMonth < 0) {
            throw new IllegalArgumentException("realsim.card.rebinds-per-month must not be negative");
        }
    }
}
