package com.realsim.account;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per account in PostgreSQL (so every instance sees the same count) and locks an account for
 * {@code realsim.security.lockout} after {@code realsim.security.max-failed-logins} failures in a row. The sign-in
 * page says the same thing for a wrong password and a locked account, so that it reveals neither.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final UserAccounts users;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    LoginThrottle(
            UserAccounts users,
            Clock clock,
            @Value("${realsim.security.max-failed-logins:5}") int maxFailures,
            @Value("${realsim.security.lockout:15m}") Duration lockout) {
        this.users = users;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    @EventListener
    @Transactional
    public void on(AuthenticationFailureBadCredentialsEvent event) {
        users.findByUsername(AccountService.normalise(event.getAuthentication().getName()))
                .ifPresent(user -> {
                    user.signInFailed(clock.instant(), maxFailures, lockout);
                    if (user.isLockedAt(clock.instant())) {
                        log.warn(
                                "Account id {} locked for {} after {} failed sign-ins",
                                user.id(),
                                lockout,
                                maxFailures);
                    }
                    users.save(user);
                });
    }

    @EventListener
    @Transactional
    public void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountUserDetails details) {
            users.findById(details.actor().id()).ifPresent(user -> {
                user.signedIn(clock.instant());
                users.save(user);
            });
        }
    }
}
