package com.realsim.account;

import com.realsim.platform.error.ValidationException;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Creates an ADMIN API client from {@code APP_BOOTSTRAP_ADMIN_CLIENT_ID} and {@code APP_BOOTSTRAP_ADMIN_CLIENT_SECRET}
 * when both are set and no client has that id. A later start never changes an existing client.
 */
@Component
@Order(11)
@RequiredArgsConstructor
class BootstrapApiClient implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapApiClient.class);

    private final ApiClientService clients;
    private final BootstrapProperties properties;

    @Override
    public void run(ApplicationArguments args) {
        String id = properties.adminClientId();
        String secret = properties.adminClientSecret();
        if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
            return;
        }
        try {
            if (clients.createIfAbsent(id.strip(), secret, "Bootstrap administrator client")) {
                log.info("Created the ADMIN API client '{}' from APP_BOOTSTRAP_ADMIN_CLIENT_ID", id.strip());
            }
        } catch (DataIntegrityViolationException createdMeanwhile) {
            log.info("The ADMIN API client '{}' was created by another instance starting at the same time", id.strip());
        } catch (ValidationException refused) {
            log.error(
                    "APP_BOOTSTRAP_ADMIN_CLIENT_ID/SECRET were refused: the id must be 3 to 100 letters, digits, dot, "
                            + "dash or underscore, the secret at least 16 characters. No client was created.");
        }
    }
}
