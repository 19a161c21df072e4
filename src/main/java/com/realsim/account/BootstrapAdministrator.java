package com.realsim.account;

import com.realsim.platform.Role;
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
 * Creates the first browser account, {@code admin}, from {@code APP_BOOTSTRAP_ADMIN_PASSWORD} on a first start.
 * Without it nothing is created: there is no default password. A later start never changes an existing account.
 */
@Component
@Order(10)
@RequiredArgsConstructor
class BootstrapAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);
    static final String USERNAME = "admin";

    private final AccountService accounts;
    private final BootstrapProperties properties;

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.userExists(USERNAME)) {
            return;
        }
        String password = properties.adminPassword();
        if (password == null || password.isBlank()) {
            if (!accounts.anyAdministrator()) {
                log.warn("No administrator account exists. Set APP_BOOTSTRAP_ADMIN_PASSWORD (at least 10 characters, "
                        + "letters and digits) and start again to create the browser account 'admin'.");
            }
            return;
        }
        try {
            accounts.createUser(new NewUser(USERNAME, password, Role.ADMIN, null, null));
            log.info("Created the administrator account '{}' from APP_BOOTSTRAP_ADMIN_PASSWORD", USERNAME);
        } catch (DataIntegrityViolationException createdMeanwhile) {
            log.info(
                    "The administrator account '{}' was created by another instance starting at the same time",
                    USERNAME);
        } catch (ValidationException refused) {
            if (accounts.userExists(USERNAME)) {
                return; // taken meanwhile by another instance starting at the same time
            }
            log.error("APP_BOOTSTRAP_ADMIN_PASSWORD was refused: at least 10 characters of two kinds (letters, digits, "
                    + "others), not containing 'admin'. No account was created.");
        }
    }
}
