package com.realsim.account;

import com.realsim.platform.AuditedEvent;
import java.time.Instant;
import java.util.Map;

/**
 * Published when a sign-in is refused. Nobody is proven to be acting, so the actor is {@code anonymous}; the target
 * is the account tried, or none when no account has that name, and then only a masked form of the name is kept
 * (people type passwords into the name field). The password tried is never part of it.
 *
 * @param userId the account tried, null when there is none of that name
 * @param username the account's name, or the masked name tried
 * @param reason BAD_CREDENTIALS, LOCKED, DISABLED, UNKNOWN_ACCOUNT or OTHER
 */
public record SignInRefused(Long userId, String username, Long agentId, Long enterpriseId, String reason, Instant at)
        implements AuditedEvent {

    static SignInRefused unknownAccount(String triedName, Instant at) {
        return new SignInRefused(null, mask(triedName), null, null, "UNKNOWN_ACCOUNT", at);
    }

    static String mask(String name) {
        if (name == null || name.length() <= 2) {
            return "***";
        }
        return name.substring(0, 2) + "***";
    }

    @Override
    public AuditFacts auditFacts() {
        Map<String, Object> details = Map.of("username", username, "reason", reason);
        String target = userId == null ? null : String.valueOf(userId);
        return new AuditFacts("anonymous", null, agentId, enterpriseId, "SIGN_IN", "USER", target, "REFUSED", details);
    }
}
