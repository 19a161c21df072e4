package com.realsim.account;

import com.realsim.platform.Actor;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A sales channel (代理商): the tenant of its AGENT accounts and of everything they register. Its qualification is
 * ACTIVE, SUSPENDED (reads only) or REVOKED (final); every change carries a reason and stays in its history.
 */
@Entity
@Table(name = "agent_organisation")
class AgentOrganisation extends AbstractAggregateRoot<AgentOrganisation> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    /** The unified social credit code of the agent's company; null for agents created before it was asked. */
    private String uscc;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AgentStatus status = AgentStatus.ACTIVE;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "status_changed_at")
    private Instant statusChangedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AgentOrganisation() {}

    AgentOrganisation(String name, String uscc, Instant now) {
        this.name = name.strip();
        this.uscc = uscc;
        this.createdAt = now;
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    String uscc() {
        return uscc;
    }

    AgentStatus status() {
        return status;
    }

    Instant createdAt() {
        return createdAt;
    }

    AgentOrganisation registered(Actor by) {
        registerEvent(new AgentOrganisationCreated(id, name, by));
        return this;
    }

    /** ACTIVE → SUSPENDED: its users and clients may read, and change nothing until it is reinstated or revoked. */
    AgentQualificationChanged suspend(String reason, Actor by, Instant now) {
        return change(AgentStatus.ACTIVE, AgentStatus.SUSPENDED, reason, by, now);
    }

    /** SUSPENDED → ACTIVE. */
    AgentQualificationChanged reinstate(String reason, Actor by, Instant now) {
        return change(AgentStatus.SUSPENDED, AgentStatus.ACTIVE, reason, by, now);
    }

    /** ACTIVE or SUSPENDED → REVOKED, for good. */
    AgentQualificationChanged revoke(String reason, Actor by, Instant now) {
        return change(status == AgentStatus.REVOKED ? null : status, AgentStatus.REVOKED, reason, by, now);
    }

    /** @return the change, for the agent's history */
    private AgentQualificationChanged change(AgentStatus from, AgentStatus to, String reason, Actor by, Instant now) {
        if (status != from) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "account.agent.transition", status, to);
        }
        AgentStatus before = status;
        status = to;
        statusReason = reason;
        statusChangedAt = now;
        return registerEvent(new AgentQualificationChanged(id, name, before, to, reason, by));
    }

    AgentSummary summary() {
        return new AgentSummary(id, name, uscc, status, statusReason, statusChangedAt, createdAt);
    }
}
