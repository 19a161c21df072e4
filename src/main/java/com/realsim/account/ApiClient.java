package com.realsim.account;

import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A partner platform's credentials for the API: it acts as one role and, for AGENT and ENTERPRISE_ADMIN, for one
 * organisation. Only a hash of its secret is kept. Disabling it, or rotating its secret, stops every token issued
 * before.
 */
@Entity
@Table(name = "api_client")
class ApiClient extends AbstractAggregateRoot<ApiClient> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "client_id", nullable = false, updatable = false)
    private String clientId;

    @Column(nullable = false)
    private String name;

    @Column(name = "secret_hash", nullable = false)
    private String secretHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Role role;

    @Column(name = "agent_id", updatable = false)
    private Long agentId;

    @Column(name = "enterprise_id", updatable = false)
    private Long enterpriseId;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "secret_rotated_at", nullable = false)
    private Instant secretRotatedAt;

    @Column(name = "disabled_at")
    private Instant disabledAt;

    protected ApiClient() {}

    ApiClient(
            String clientId,
            String name,
            String secretHash,
            Role role,
            Long agentId,
            Long enterpriseId,
            String createdBy,
            Instant now) {
        if (role.needsAgent() != (agentId != null) || role.needsEnterprise() != (enterpriseId != null)) {
            throw new IllegalArgumentException("Role " + role + " does not fit the given organisation");
        }
        this.clientId = clientId;
        this.name = name;
        this.secretHash = secretHash;
        this.role = role;
        this.agentId = agentId;
        this.enterpriseId = enterpriseId;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.secretRotatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    ApiClient registered(Actor by) {
        registerEvent(new ApiClientChanged(by, id, clientId, role, agentId, enterpriseId, "API_CLIENT_CREATED"));
        return this;
    }

    void disable(Actor by, Instant now) {
        if (enabled) {
            enabled = false;
            disabledAt = now;
            registerEvent(new ApiClientChanged(by, id, clientId, role, agentId, enterpriseId, "API_CLIENT_DISABLED"));
        }
    }

    void enable(Actor by) {
        if (!enabled) {
            enabled = true;
            disabledAt = null;
            registerEvent(new ApiClientChanged(by, id, clientId, role, agentId, enterpriseId, "API_CLIENT_ENABLED"));
        }
    }

    /** A new secret; tokens issued before this instant stop working. */
    void rotate(String newSecretHash, Actor by, Instant now) {
        this.secretHash = newSecretHash;
        this.secretRotatedAt = now.truncatedTo(ChronoUnit.MICROS);
        registerEvent(new ApiClientChanged(by, id, clientId, role, agentId, enterpriseId, "API_CLIENT_ROTATED"));
    }

    /**
     * Which secret a token was issued under: tokens carry it (claim {@code credentials_version}), and a token with an
     * older version than the client's current one stops working.
     */
    String credentialsVersion() {
        return Long.toString(secretRotatedAt.toEpochMilli());
    }

    /** Whether a token issued under this credentials version is still good: enabled and not rotated since. */
    boolean accepts(String tokenCredentialsVersion) {
        return enabled && credentialsVersion().equals(tokenCredentialsVersion);
    }

    Actor actor() {
        return new Actor(Actor.Kind.API_CLIENT, id, clientId, role, agentId, enterpriseId);
    }

    Long id() {
        return id;
    }

    String clientId() {
        return clientId;
    }

    String secretHash() {
        return secretHash;
    }

    Role role() {
        return role;
    }

    Long agentId() {
        return agentId;
    }

    Long enterpriseId() {
        return enterpriseId;
    }

    boolean enabled() {
        return enabled;
    }

    ApiClientSummary summary() {
        return new ApiClientSummary(
                id, clientId, name, role, agentId, enterpriseId, enabled, createdBy, createdAt, secretRotatedAt);
    }
}
