package com.realsim.account;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import java.util.Map;

/**
 * An audited change of one browser account: the account is the target ({@code USER}), its tenant the tenant of the
 * entry, and the account's name the detail; an event adds what else it records.
 */
public interface UserAccountEvent extends AuditedEvent {

    long userId();

    String username();

    Long agentId();

    Long enterpriseId();

    /** Who made the change; null for the system (the bootstrap, demo data, a lockout). */
    Actor by();

    /** The trail's action, e.g. {@code USER_DISABLED}. */
    String action();

    default Map<String, Object> details() {
        return Map.of("username", username());
    }

    @Override
    default AuditFacts auditFacts() {
        return AuditFacts.by(by(), agentId(), enterpriseId(), action(), "USER", userId(), "SUCCESS", details());
    }
}
