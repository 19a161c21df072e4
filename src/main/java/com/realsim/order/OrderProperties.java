package com.realsim.order;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the order module ({@code realsim.order.*}).
 *
 * @param maxCards how many cards one order may carry (default 10,000: bulk orders of thousands are normal)
 */
@ConfigurationProperties("realsim.order")
public record OrderProperties(Integer maxCards) {

    public OrderProperties {
        maxCards = maxCards == null ? 10_000 : maxCards;
        if (maxCards < 1) {
            throw new IllegalArgumentException("realsim.order.max-cards must be at least 1");
        }
    }
}
