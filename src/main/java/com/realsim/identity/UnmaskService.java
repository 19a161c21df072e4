package com.realsim.identity;

import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.error.ValidationException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shows one clear personal value to someone allowed to see it (OPS, ADMIN), for a reason they type, and records that
 * they did ({@link PersonalDataUnmasked}, for the audit trail). The value comes from the module that owns it,
 * through its {@link PersonalDataSource}.
 */
@Service
public class UnmaskService {

    public static final Set<Role> ALLOWED = Set.of(Role.OPS, Role.ADMIN);
    static final int MIN_REASON = 5;
    static final int MAX_REASON = 500;

    private final Map<String, PersonalDataSource> sources = new HashMap<>();
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UnmaskService(List<PersonalDataSource> sources, ApplicationEventPublisher events, Clock clock) {
        for (PersonalDataSource source : sources) {
            if (this.sources.put(source.targetType(), source) != null) {
                throw new IllegalStateException("Two personal-data sources for " + source.targetType());
            }
        }
        this.events = events;
        this.clock = clock;
    }

    /** Whether this role may unmask at all, for pages that offer the form. */
    public static boolean mayUnmask(Role role) {
        return ALLOWED.contains(role);
    }

    /**
     * The clear value of a field, recorded as shown to the current actor.
     *
     * @throws DomainException {@code FORBIDDEN} for a role that may not unmask
     * @throws ValidationException {@code VALIDATION_FAILED} on {@code reason} when it is shorter than 5 characters
     * @throws NotFoundException for an unknown target type, or a record the actor may not see or that lacks the field
     */
    @Transactional
    public String unmask(String targetType, long targetId, String field, String reason) {
        Actor actor = CurrentActor.get();
        if (!mayUnmask(actor.role())) {
            throw new DomainException(ErrorCode.FORBIDDEN, "identity.unmask.forbidden");
        }
        String why = reason == null ? "" : reason.strip();
        List<FieldProblem> problems = new ArrayList<>();
        if (why.codePointCount(0, why.length()) < MIN_REASON || why.length() > MAX_REASON) {
            problems.add(new FieldProblem(
                    "reason", ErrorCode.VALIDATION_FAILED, "identity.unmask.reasonLength", MIN_REASON, MAX_REASON));
        }
        if (field == null || field.isBlank()) {
            problems.add(new FieldProblem("field", ErrorCode.VALIDATION_FAILED, "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        PersonalDataSource source = sources.get(targetType);
        if (source == null) {
            throw new NotFoundException();
        }
        String value = source.reveal(targetId, field).orElseThrow(NotFoundException::new);
        events.publishEvent(new PersonalDataUnmasked(
                actor.name(), actor.role(), targetType, targetId, field, why, clock.instant()));
        return value;
    }
}
