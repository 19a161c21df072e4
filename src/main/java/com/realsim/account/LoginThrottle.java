package com.realsim.account;

import com.realsim.platform.Actor;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per account in PostgreSQL (so every instance sees the same count) and locks an account for
 * {@code realsim.security.lockout} after {@code realsim.security.max-failed-logins} failures in a row, with atomic
 * SQL updates of the counting columns alone (parallel failures are each counted; nothing an administrator changes
 * meanwhile is written back). The sign-in
 * page says the same thing for a wrong password and a locked account, so that it reveals neither. Sign-ins, refused
 * sign-ins and lockouts are published as audited events ({@link SignedIn}, {@link SignInRefused},
 * {@link UserAccountLockedOut}).
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final UserAccounts users;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    LoginThrottle(
            UserAccounts users,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${realsim.security.max-failed-logins:5}") int maxFailures,
            @Value("${realsim.security.lockout:15m}") Duration lockout) {
        this.users = users;
        this.jdbc = jdbc;
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
            events.publishEvent(user.signInRefused("BAD_CREDENTIALS", now));
            if (countFailure(user.id(), now)) {
                Instant until = now.plus(lockout);
                log.warn("Account id {} locked for {} after {} failed sign-ins", user.id(), lockout, maxFailures);
                events.publishEvent(user.lockedOut(until));
            }
        } else {
            events.publishEvent(user.signInRefused(reasonOf(event), now));
        }
    }

    /**
     * Counts one failed sign-in in a single conditional {@code UPDATE}, never by writing back a row read earlier:
     * concurrent failures queue on the row's lock and each adds to the count the previous one committed (so none is
     * lost), an account already locked is left alone, and the failure that reaches the limit locks it and starts the
     * count again. Only these two columns are written, so an administrator's concurrent disable or unlock stands.
     *
     * @return whether this failure locked the account
     */
    private boolean countFailure(long userId, Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.sql("""
                        UPDATE user_account
                           SET failed_logins = CASE WHEN failed_logins + 1 >= :max THEN 0 ELSE failed_logins + 1 END,
                               locked_until = CASE WHEN failed_logins + 1 >= :max THEN :until ELSE locked_until END
                         WHERE id = :id AND (locked_until IS NULL OR locked_until <= :now)
                        RETURNING locked_until IS NOT NULL AND locked_until > :now""")
                .param("max", maxFailures)
                .param("until", Timestamp.from(now.plus(lockout)))
                .param("id", userId)
                .param("now", at)
                .query(Boolean.class)
                .optional()
                .orElse(false);
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

    /**
     * Only form sign-ins: every Partner API request authenticates too, and must not cost a transaction here. The
     * count starts again, in one {@code UPDATE} of the columns it concerns (not the whole row, which would undo a
     * disable made in the meantime).
     */
    @EventListener(condition = "#event.authentication.principal instanceof T(com.realsim.account.AccountUserDetails)")
    @Transactional
    public void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountUserDetails details) {
            Instant now = clock.instant();
            Actor actor = details.actor();
            int updated = jdbc.sql(
                            "UPDATE user_account SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE id = ?")
                    .params(Timestamp.from(now), actor.id())
                    .update();
            if (updated == 1) {
                events.publishEvent(new SignedIn(
                        actor.id(), actor.name(), actor.role(), actor.agentId(), actor.enterpriseId(), now));
            }
        }
    }
}
