package com.realsim.platform.security;

import com.realsim.platform.jobs.Recurring;
import lombok.RequiredArgsConstructor;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes expired browser sessions from PostgreSQL once a minute, on one instance of the cluster. Spring Session's
 * own clean-up, which runs on every instance, is off ({@code spring.session.jdbc.cleanup-cron: "-"}).
 */
@Component
@RequiredArgsConstructor
class ExpiredSessions {

    private final JdbcIndexedSessionRepository sessions;

    @Recurring(name = "platform-expired-sessions", fixedDelay = "1m")
    void delete() {
        sessions.cleanUpExpiredSessions();
    }
}
