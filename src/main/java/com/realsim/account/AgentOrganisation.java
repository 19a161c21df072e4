package com.realsim.account;

import com.realsim.platform.Actor;
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

/** A sales channel (代理商): the tenant of its AGENT accounts and of everything they register. */
@Entity
@Table(name = "agent_organisation")
class AgentOrganisation extends AbstractAggregateRoot<AgentOrganisation> {

    enum Status {
        ACTIVE,
        REVOKED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.ACTIVE;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AgentOrganisation() {}

    AgentOrganisation(String name, Instant now) {
        this.name = name.strip();
        this.createdAt = now;
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    Status status() {
        return status;
    }

    Instant createdAt() {
        return createdAt;
    }

    AgentOrganisation registered(Actor by) {
        registerEvent(new AgentOrganisationCreated(id, name, by));
        return this;
    }

    AgentSummary summary() {
        return new AgentSummary(id, name, status == Status.ACTIVE, createdAt);
    }
}
