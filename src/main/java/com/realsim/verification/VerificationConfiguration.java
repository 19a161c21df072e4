package com.realsim.verification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The providers: none by default (manual review, {@code realsim.verification.provider=manual}); the external HTTP
 * service with {@code realsim.verification.provider=http}. Another implementation of {@link IdentityCheck} and
 * {@link FaceCheck} can be declared as beans instead.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VerificationProperties.class)
class VerificationConfiguration {

    @Bean
    @ConditionalOnProperty(name = "realsim.verification.provider", havingValue = "http")
    HttpVerificationProvider httpVerificationProvider(VerificationProperties properties) {
        return new HttpVerificationProvider(properties.http());
    }
}
