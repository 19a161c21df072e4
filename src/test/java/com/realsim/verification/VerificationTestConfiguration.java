package com.realsim.verification;

import com.realsim.document.DocumentService;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The test clock and the test cards' self-service subject, for the verification module's Spring tests. */
@TestConfiguration(proxyBeanMethods = false)
public class VerificationTestConfiguration {

    @Bean
    MutableClock clock() {
        return new MutableClock();
    }

    @Bean
    TestCards testCards(DocumentService documents, VerificationService verifications) {
        return new TestCards(documents, verifications);
    }
}
