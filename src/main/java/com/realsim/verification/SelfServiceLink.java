package com.realsim.verification;

import com.realsim.platform.Actor;
import com.realsim.platform.Tenanted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A one-time link for an end user: the SHA-256 of its token (never the token), the subject it is for, when it
 * expires, and when it was used for which case. Usable while unused and not expired.
 */
@Entity
@Table(name = "self_service_link")
@Tenanted(agent = "agentId", enterprise = "enterpriseId")
class SelfServiceLink extends AbstractAggregateRoot<SelfServiceLink> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String tokenHash;

    @Column(nullable = false, updatable = false)
    private String subjectType;

    @Column(nullable = false, updatable = false)
    private long subjectId;

    @Column(nullable = false, updatable = false)
    private Long agentId;

    @Column(updatable = false)
    private Long enterpriseId;

    @Column(nullable = false, updatable = false)
    private String createdBy;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false, updatable = false)
    private Instant expiresAt;

    private Instant usedAt;

    private Long caseId;

    protected SelfServiceLink() {}

    SelfServiceLink(
            String tokenHash,
            String subjectType,
            long subjectId,
            long agentId,
            Long enterpriseId,
            Actor createdBy,
            Instant now,
            Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.agentId = agentId;
        this.enterpriseId = enterpriseId;
        this.createdBy = createdBy.principalKey();
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /** After the first save, when the id is known. */
    SelfServiceLink issued(Actor by) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("subject", subjectType + " " + subjectId);
        details.put("expiresAt", expiresAt.toString());
        registerEvent(new SelfServiceLinkChanged(
                by.name(), by.role(), id, agentId, enterpriseId, "SELF_SERVICE_LINK_ISSUED", details));
        return this;
    }

    boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    /** The end user's submission was accepted: the link never works again. */
    void used(long forCase, Instant now) {
        if (usedAt != null) {
            throw new IllegalStateException("Link " + id + " is already used");
        }
        this.usedAt = now;
        this.caseId = forCase;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("subject", subjectType + " " + subjectId);
        details.put("case", forCase);
        registerEvent(new SelfServiceLinkChanged(
                "self-service:" + id, null, id, agentId, enterpriseId, "SELF_SERVICE_LINK_USED", details));
    }

    SelfServiceRedemption redemption() {
        return new SelfServiceRedemption(id, subjectType, subjectId, agentId, enterpriseId);
    }

    Long id() {
        return id;
    }

    String subjectType() {
        return subjectType;
    }

    long subjectId() {
        return subjectId;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
