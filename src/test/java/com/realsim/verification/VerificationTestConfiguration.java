package com.realsim.verification;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The test clock, for the verification module's Spring tests (cards are the card module's own, see CardFixtures). */
@TestConfiguration(proxyBeanMethods = false)
public class VerificationTestConfiguration {

    @Bean
    MutableClock clock() {
        return new MutableClock();
    }
}
