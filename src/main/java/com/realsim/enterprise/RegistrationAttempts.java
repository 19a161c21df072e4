package com.realsim.enterprise;

import com.realsim.platform.Actor;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One record per enterprise (domain rules "ID documents: one enterprise, one record"): the USCC another record holds
 * is refused with 409 {@code ENTERPRISE_ALREADY_REGISTERED} on the field, naming neither that record nor its agent,
 * and the attempt is recorded for OPS. The database's unique index {@code enterprise_certificate_registered_uk}
 * decides (two registrations racing for one code: the second insert fails on it); the look-up before saving only
 * spares the common case a failed statement.
 */
@Component
class RegistrationAttempts {

    static final String INDEX = "enterprise_certificate_registered_uk";

    private final Enterprises enterprises;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate separately;

    RegistrationAttempts(
            Enterprises enterprises, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.enterprises = enterprises;
        this.events = events;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The record other than {@code self} that holds the code, if any; not scoped (the agent never sees it). */
    Optional<Long> holder(String code, Long self) {
        return enterprises
                .findOne((root, query, cb) -> cb.and(
                        cb.equal(root.get("certificateNumber"), code),
                        cb.isNull(root.get("duplicateOf")),
                        self == null ? cb.conjunction() : cb.notEqual(root.get("id"), self)))
                .map(Enterprise::id);
    }

    /** Refuses a code another record holds. */
    void refuseTaken(Actor agent, String code, Long self) {
        if (code != null && holder(code, self).isPresent()) {
            throw refused(agent, code);
        }
    }

    /**
     * Whether a failed statement broke the one-record index: then it is the refusal (recorded for OPS), anything else
     * is thrown as it was.
     */
    RuntimeException translate(DataIntegrityViolationException failure, Actor agent, String code) {
        if (code != null && brokeIndex(failure)) {
            return refused(agent, code);
        }
        return failure;
    }

    /**
     * The refusal, recorded in a transaction of its own: the caller's rolls back (and after a failed statement can run
     * no other), while the attempt must stay in the trail.
     */
    private RuntimeException refused(Actor agent, String code) {
        separately.executeWithoutResult(status -> events.publishEvent(
                new RegistrationRefused(agent, code, holder(code, null).orElse(null))));
        return Enterprise.alreadyRegistered();
    }

    private static boolean brokeIndex(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
                    && INDEX.equals(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }
}
