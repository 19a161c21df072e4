package com.realsim.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Spring Security's filters run as they are, not each wrapped in an observing filter: with the observation of Spring
 * Security merely switched off in the metrics, every filter of every request still went through one (≈ 3 % of a
 * card-status read, docs/benchmarks.md).
 */
@SpringBootTest
class NoSecurityObservationsTest {

    @Autowired
    FilterChainProxy springSecurityFilterChain;

    @Test
    void theFilterChainsRunTheirFiltersWithoutObservingThem() {
        assertThat(ReflectionTestUtils.getField(springSecurityFilterChain, "filterChainDecorator"))
                .isNotInstanceOf(ObservationFilterChainDecorator.class);
    }
}
