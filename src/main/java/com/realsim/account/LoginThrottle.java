package com.realsim.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per account in PostgreSQL (so every instance sees the same count) and locks an account for
 * {@code realsim.security.lockout} after {@code realsim.security.max-failed-logins} failures in a row. The sign-in
 * page says the same thing for a wrong password and a locked account, so that it reveals neither. Sign-ins, refused
 * sign-ins and lockouts are published as audited events ({@link SignedIn}, {@link SignInRefused},
 * {@link UserAccountLockedOut}).
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final UserAccounts users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    LoginThrottle(
            UserAccounts users,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${realsim.security.max-failed-logins:5}") int maxFailures,
            @Value("${realsim.security.lockout:15m}") Duration lockout) {
        this.users = users;
        this.events = events;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    /**
     * A refused sign-in with a name and password: counted when the password was wrong, and published for the audit
     * trail in any case (never with the password tried).
     */
    @EventListener(
            condition = "#event.authentication instanceof "
                    + "T(org.springframework.security.authentication.UsernamePasswordAuthenticationToken)")
    @Transactional
    public void on(AbstractAuthenticationFailureEvent event) {
        String tried = AccountService.normalise(event.getAuthentication().getName());
        Instant now = clock.instant();
        Optional<UserAccount> account = users.findByUsername(tried);
        if (account.isEmpty()) {
            events.publishEvent(SignInRefused.unknownAccount(tried, now));
            return;
        }
        UserAccount user = account.get();
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            user.signInFailed(now, maxFailures, lockout);
            if (user.isLockedAt(now)) {
                log.warn("Account id {} locked for {} after {} failed sign-ins", user.id(), lockout, maxFailures);
            }
        } else {
            user.signInRefused(reasonOf(event), now);
        }
        users.save(user);
    }

    private static String reasonOf(AbstractAuthenticationFailureEvent event) {
        if (event instanceof AuthenticationFailureLockedEvent) {
            return "LOCKED";
        }
        if (event instanceof AuthenticationFailureDisabledEvent) {
            return "DISABLED";
        }
        return "OTHER";
    }

    /** Only form sign-ins: every Partner API request authenticates too, and must not cost a transaction here. */
    @EventListener(condition = "#event.authentication.principal instanceof T(com.realsim.account.AccountUserDetails)")
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
