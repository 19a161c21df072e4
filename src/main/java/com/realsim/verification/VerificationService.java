package com.realsim.verification;

import com.realsim.identity.PersonalData;
import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.TenantScope;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.NotFoundException;
import com.realsim.platform.review.DecisionReason;
import com.realsim.platform.review.Review;
import com.realsim.platform.web.Cursor;
import com.realsim.platform.web.CursorPage;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verification cases: opened by other modules (or an end user's self-service submission), checked by the configured
 * providers, decided automatically when every check passed and otherwise by OPS, under maker-checker. Reading goes
 * through the current actor's tenant scope: OPS see every case, an AGENT its organisation's, an ENTERPRISE_ADMIN its
 * enterprise's.
 */
@Service
public class VerificationService {

    private static final Logger log = LoggerFactory.getLogger(VerificationService.class);

    private final VerificationCases cases;
    private final PersonalData personalData;
    private final Optional<IdentityCheck> identityCheck;
    private final Optional<FaceCheck> faceCheck;
    private final CasePhotos photos;
    private final VerificationProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    VerificationService(
            VerificationCases cases,
            PersonalData personalData,
            ObjectProvider<IdentityCheck> identityCheck,
            ObjectProvider<FaceCheck> faceCheck,
            CasePhotos photos,
            VerificationProperties properties,
            JdbcClient jdbc,
            Clock clock) {
        this.cases = cases;
        this.personalData = personalData;
        this.identityCheck = Optional.ofNullable(identityCheck.getIfUnique());
        this.faceCheck = Optional.ofNullable(faceCheck.getIfUnique());
        this.photos = photos;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether cases are checked automatically at all, or every case waits for OPS (for pages to say so). */
    public boolean manualReviewOnly() {
        return identityCheck.isEmpty() && faceCheck.isEmpty();
    }

    /**
     * Opens a case: seals the person's data, runs the configured checks synchronously, approves when every check
     * passed and otherwise leaves it for OPS with what the checks found. Called in the caller's transaction.
     *
     * @throws NotFoundException when the submitting actor's tenant scope does not cover the subject's tenant
     * @throws IllegalArgumentException for a case without an actor outside a self-service link's redemption, or for
     *     another subject than the link's
     */
    @Transactional
    public VerificationCaseView open(NewVerificationCase submission) {
        Actor maker = submission.submittedBy();
        Long linkId = null;
        if (maker == null) {
            SelfServiceRedemption redemption = SelfServiceRedemption.current()
                    .filter(r -> r.covers(submission))
                    .orElseThrow(() -> new IllegalArgumentException(
                            "A case without an actor is opened only for the subject of the self-service link in use"));
            if (submission.kind() == VerificationKind.HANDLER) {
                throw new IllegalArgumentException("A handler is verified on site, never through a self-service link");
            }
            linkId = redemption.linkId();
        } else if (!maker.scope().covers(submission.agentId(), submission.enterpriseId())) {
            throw new NotFoundException();
        }
        if (submission.awaitsDocuments()) {
            if (maker == null) {
                throw new IllegalArgumentException("A re-verification is opened by OPS, never through a link");
            }
            VerificationCase waiting = cases.save(new VerificationCase(submission, null, personalData, now()));
            waiting.awaitingDocuments(maker);
            return cases.save(waiting).view();
        }
        Findings findings = check(submission); // before anything is written: the checks may take a while
        VerificationCase opened = cases.save(new VerificationCase(submission, linkId, personalData, now()));
        opened.checked(findings, maker, now());
        return cases.save(opened).view();
    }

    private Findings check(NewVerificationCase submission) {
        double threshold = properties.faceThreshold();
        if (manualReviewOnly()) {
            return Findings.manual(threshold);
        }
        String identity = identityCheck
                .map(check -> {
                    try {
                        return check.check(submission.personName().strip(), submission.idDocument())
                                .name();
                    } catch (CheckUnavailable failure) {
                        log.warn("Identity check gave no answer ({}): {}", failure.reason(), failure.getMessage());
                        return failure.reason().name();
                    }
                })
                .orElse(null);
        return compareFace(identity, submission.livePhotoDocumentId(), submission.idPhotoDocumentId());
    }

    /**
     * A re-verification's findings: only the face comparison of the live photo with the ID photo on record runs (the
     * identity was checked when the person was verified); without any configured check, manual review.
     */
    Findings reverificationFindings(long livePhotoDocumentId, long idPhotoDocumentId) {
        if (manualReviewOnly()) {
            return Findings.manual(properties.faceThreshold());
        }
        return compareFace(null, livePhotoDocumentId, idPhotoDocumentId);
    }

    private Findings compareFace(String identity, long livePhotoDocumentId, long idPhotoDocumentId) {
        String face = null;
        Boolean liveness = null;
        Double similarity = null;
        if (faceCheck.isPresent()) {
            try {
                FaceCheck.FaceResult result =
                        faceCheck.get().compare(photos.read(livePhotoDocumentId), photos.read(idPhotoDocumentId));
                face = Findings.CHECKED;
                liveness = result.liveness();
                similarity = result.similarity();
            } catch (CheckUnavailable failure) {
                log.warn("Face comparison gave no answer ({}): {}", failure.reason(), failure.getMessage());
                face = failure.reason().name();
            }
        }
        return new Findings(Findings.AUTOMATIC, identity, face, liveness, similarity, properties.faceThreshold());
    }

    @Transactional(readOnly = true)
    public VerificationCaseView get(long id) {
        return cases.getVisible(id).view();
    }

    /**
     * OPS approve a case waiting for review.
     *
     * @throws DomainException {@code FORBIDDEN} for other roles, {@code SELF_APPROVAL} for the case's submitter,
     *     {@code ILLEGAL_STATE_TRANSITION} for a decided case or one claimed by another reviewer
     */
    @Transactional
    public VerificationCaseView approve(long id, String reason) {
        Actor reviewer = CurrentActor.require(Role.OPS);
        String why = DecisionReason.required(reason);
        return change(id, kase -> kase.approve(reviewer, why, now()));
    }

    /** OPS reject a case waiting for review; as {@link #approve}. */
    @Transactional
    public VerificationCaseView reject(long id, String reason) {
        Actor reviewer = CurrentActor.require(Role.OPS);
        String why = DecisionReason.required(reason);
        return change(id, kase -> kase.reject(reviewer, why, now()));
    }

    /** The current OPS user claims the case. */
    @Transactional
    public VerificationCaseView assign(long id) {
        Actor reviewer = CurrentActor.require(Role.OPS);
        return change(id, kase -> kase.assign(reviewer, now()));
    }

    /** Gives a claimed case back to the queue. */
    @Transactional
    public VerificationCaseView release(long id) {
        Actor reviewer = CurrentActor.require(Role.OPS);
        return change(id, kase -> kase.release(reviewer));
    }

    /** Whose cases a queue shows: the API's and the page's names for {@link Review.Holder}. */
    public enum Assignment {
        ANYONE(Review.Holder.ANYONE),
        ME(Review.Holder.ME),
        UNASSIGNED(Review.Holder.NOBODY);

        private final Review.Holder holder;

        Assignment(Review.Holder holder) {
            this.holder = holder;
        }
    }

    /**
     * A page of the cases the actor may see. Cases waiting for review come oldest first (a work queue); other lists
     * newest first. Keyset pagination on the id.
     */
    @Transactional(readOnly = true)
    public CursorPage<VerificationCaseView> list(
            VerificationStatus status, VerificationKind kind, Assignment assignment, String cursor, Integer size) {
        int limit = Cursor.size(size);
        Long after = Cursor.decodeId(cursor);
        boolean oldestFirst = status == VerificationStatus.PENDING_REVIEW;
        Specification<VerificationCase> condition = cases.visible();
        if (status != null) {
            condition = condition.and((root, query, cb) -> cb.equal(root.get("status"), status));
        }
        if (kind != null) {
            condition = condition.and((root, query, cb) -> cb.equal(root.get("kind"), kind));
        }
        if (assignment != null) {
            condition =
                    condition.and(assignment.holder.matching(CurrentActor.find().orElse(null)));
        }
        if (after != null) {
            condition = condition.and((root, query, cb) ->
                    oldestFirst ? cb.greaterThan(root.get("id"), after) : cb.lessThan(root.get("id"), after));
        }
        Sort order = Sort.by(oldestFirst ? Sort.Direction.ASC : Sort.Direction.DESC, "id");
        List<VerificationCaseView> rows = cases.findAll(condition, PageRequest.of(0, limit + 1, order))
                .map(VerificationCase::view)
                .getContent();
        return CursorPage.of(rows, limit, row -> Cursor.ofId(row.id()));
    }

    /**
     * How much work there is, within the actor's scope: cases per status, waiting cases per kind, the waiting ones
     * nobody has claimed and those the actor claimed, and since when the oldest waits.
     */
    public record QueueSummary(
            Map<VerificationStatus, Long> byStatus,
            Map<VerificationKind, Long> waitingByKind,
            long waitingUnassigned,
            long waitingMine,
            Instant oldestWaitingSince) {

        public long waiting() {
            return byStatus.getOrDefault(VerificationStatus.PENDING_REVIEW, 0L);
        }
    }

    @Transactional(readOnly = true)
    public QueueSummary summary() {
        Actor actor = CurrentActor.get();
        TenantScope scope = actor.scope();
        String visible = scope.sqlCondition("agent_id", "enterprise_id");
        Map<VerificationStatus, Long> byStatus = new EnumMap<>(VerificationStatus.class);
        for (VerificationStatus status : VerificationStatus.values()) {
            byStatus.put(status, 0L);
        }
        Map<VerificationKind, Long> waitingByKind = new EnumMap<>(VerificationKind.class);
        for (VerificationKind kind : VerificationKind.values()) {
            waitingByKind.put(kind, 0L);
        }
        jdbc.sql("SELECT status, kind, count(*) AS n FROM verification_case WHERE " + visible
                        + " GROUP BY status, kind")
                .param("scopeTenant", scope.sqlParameter())
                .query((rs, row) -> {
                    VerificationStatus status = VerificationStatus.valueOf(rs.getString("status"));
                    long n = rs.getLong("n");
                    byStatus.merge(status, n, Long::sum);
                    if (status == VerificationStatus.PENDING_REVIEW) {
                        waitingByKind.merge(VerificationKind.valueOf(rs.getString("kind")), n, Long::sum);
                    }
                    return null;
                })
                .list();
        return jdbc.sql("SELECT count(*) FILTER (WHERE assigned_to IS NULL) AS unassigned, "
                        + "count(*) FILTER (WHERE assigned_to = :me) AS mine, min(created_at) AS oldest "
                        + "FROM verification_case WHERE status = 'PENDING_REVIEW' AND " + visible)
                .param("scopeTenant", scope.sqlParameter())
                .param("me", actor.principalKey())
                .query((rs, row) -> new QueueSummary(
                        Map.copyOf(byStatus),
                        Map.copyOf(waitingByKind),
                        rs.getLong("unassigned"),
                        rs.getLong("mine"),
                        rs.getTimestamp("oldest") == null
                                ? null
                                : rs.getTimestamp("oldest").toInstant()))
                .single();
    }

    /** For the personal-data source: the clear value of a visible case's field, or null. */
    String reveal(long id, String field) {
        return cases.findVisible(id).map(c -> c.reveal(field, personalData)).orElse(null);
    }

    /** An OPS act on a visible case. */
    private VerificationCaseView change(long id, Consumer<VerificationCase> act) {
        VerificationCase kase = cases.getVisible(id);
        act.accept(kase);
        return cases.save(kase).view();
    }

    /** Now, to the microsecond that PostgreSQL keeps, so that a view before and after a reload agree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
