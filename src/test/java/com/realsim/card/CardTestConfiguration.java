package com.realsim.card;

import com.realsim.verification.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The Spring context of the card module's second-half tests: the application with a clock that tests move forward
 * (the cancellation cycle, link expiry). Tests of this context read the clock instead of assuming the real time.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CardTestConfiguration {

    @Bean
    MutableClock clock() {
        return new MutableClock();
    }
}
