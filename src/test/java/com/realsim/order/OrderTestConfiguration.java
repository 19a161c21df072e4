package com.realsim.order;

import com.realsim.verification.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The order module's service tests: the application with a clock that tests move forward (expiring authorisations). */
@TestConfiguration(proxyBeanMethods = false)
class OrderTestConfiguration {

    @Bean
    MutableClock clock() {
        return new MutableClock();
    }
}
