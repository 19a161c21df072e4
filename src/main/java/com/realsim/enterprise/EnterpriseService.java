package com.realsim.enterprise;

import com.realsim.document.DocumentService;
import com.realsim.document.DocumentSummary;
import com.realsim.document.NewDocument;
import com.realsim.identity.BarredIdentities;
import com.realsim.identity.PersonalData;
import com.realsim.identity.Uscc;
import com.realsim.platform.Actor;
import com.realsim.platform.ChinaTime;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.review.DecisionReason;
import com.realsim.platform.web.Cursor;
import com.realsim.platform.web.CursorPage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enterprise registration and review: agents draft, correct, document and submit; OPS approve or reject; verified
 * records change through change requests. Every use case loads through the current actor's tenant scope.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class EnterpriseService {

    static final String DOCUMENT_OWNER = "ENTERPRISE";
    static final String CHANGE_DOCUMENT_OWNER = "ENTERPRISE_CHANGE";

    private final Enterprises enterprises;
    private final EnterpriseChangeRequests changeRequests;
    private final EnterpriseRevisions revisions;
    private final PersonalData personalData;
    private final DocumentService documents;
    private final Clock clock;
    private final BarredIdentities barred;
    private final RegistrationAttempts attempts;

    /** An agent's new registration, saved as a draft. */
    @Transactional
    public EnterpriseView register(EnterpriseInput input) {
        Actor agent = CurrentActor.require(Role.AGENT);
        InputCheck.Registration registration = InputCheck.registration(input, today());
        String code = codeOf(registration.details());
        attempts.refuseTaken(agent, code, null);
        refuseBarred(registration);
        Enterprise enterprise;
        try {
            enterprise = enterprises.saveAndFlush(new Enterprise(
                    agent.agentId(),
                    registration.details(),
                    registration.person(),
                    agent,
                    personalData,
                    clock.instant()));
        } catch (DataIntegrityViolationException concurrent) {
            throw attempts.translate(concurrent, agent, code);
        }
        return enterprises.save(enterprise.drafted(agent)).view();
    }

    /**
     * Corrects a draft or a rejected registration. Personal fields left blank (the legal representative's and the
     * responsible person's name, ID number and ID address) keep their current values, so that a form never has to
     * show them in clear.
     */
    @Transactional
    public EnterpriseView correct(long id, EnterpriseInput input) {
        Actor agent = CurrentActor.require(Role.AGENT);
        Enterprise enterprise = enterprises.getVisible(id);
        InputCheck.Registration registration =
                InputCheck.registration(keepingBlankPersonalFields(input, enterprise.asInput(personalData)), today());
        String code = codeOf(registration.details());
        if (!Objects.equals(code, enterprise.view().certificateNumber())) {
            attempts.refuseTaken(agent, code, enterprise.id()); // a record keeps its own code, even a duplicate's
        }
        refuseBarred(registration);
        enterprise.correct(registration.details(), registration.person(), agent, personalData);
        try {
            return enterprises.saveAndFlush(enterprise).view();
        } catch (DataIntegrityViolationException concurrent) {
            throw attempts.translate(concurrent, agent, code);
        }
    }

    /** Stores a document of a registration that is still a draft or was rejected. */
    @Transactional
    public DocumentSummary attach(long id, EnterpriseDocumentKind kind, byte[] content) {
        Actor agent = CurrentActor.require(Role.AGENT);
        Enterprise enterprise = enterprises.getVisible(id);
        if (!enterprise.status().editable()) {
            throw new DomainException(
                    ErrorCode.ILLEGAL_STATE_TRANSITION, "enterprise.notEditable", enterprise.status());
        }
        return documents.store(new NewDocument(
                DOCUMENT_OWNER, id, kind.name(), enterprise.agentId(), id, readersOf(kind), agent, content));
    }

    @Transactional
    public EnterpriseView submit(long id) {
        Actor agent = CurrentActor.require(Role.AGENT);
        return change(id, enterprise -> enterprise.submit(documentKinds(id), agent, clock.instant(), today()));
    }

    @Transactional
    public EnterpriseView approve(long id) {
        Actor ops = CurrentActor.require(Role.OPS);
        return change(id, enterprise -> enterprise.approve(ops, clock.instant()));
    }

    @Transactional
    public EnterpriseView reject(long id, String reason) {
        Actor ops = CurrentActor.require(Role.OPS);
        String why = DecisionReason.required(reason);
        return change(id, enterprise -> enterprise.reject(why, ops, clock.instant()));
    }

    /** Asks OPS to change a verified enterprise's name, certificate address or legal representative. */
    @Transactional
    public ChangeRequestView requestDetailsChange(
            long id, String name, String certificateAddress, String legalRepresentative, String reason) {
        Actor agent = CurrentActor.require(Role.AGENT);
        Enterprise enterprise = enterprises.getVisible(id);
        enterprise.requireChangeable();
        InputCheck check = new InputCheck();
        String cleanName = check.text("name", name, 200);
        String cleanAddress = check.text("certificateAddress", certificateAddress, 500);
        String cleanLegal = check.text("legalRepresentative", legalRepresentative, 100);
        String why = check.text("reason", reason, 1000);
        check.orThrow();
        EnterpriseChangeRequest request = changeRequests.save(EnterpriseChangeRequest.ofDetails(
                id,
                enterprise.agentId(),
                cleanName,
                cleanAddress,
                cleanLegal,
                why,
                agent,
                personalData,
                clock.instant()));
        enterprise.changeRequested(request, agent);
        enterprises.save(enterprise);
        return request.view();
    }

    /** Asks OPS to make another person the verified enterprise's responsible person. */
    @Transactional
    public ChangeRequestView requestResponsiblePersonChange(
            long id, EnterpriseInput.PersonInput person, String reason) {
        Actor agent = CurrentActor.require(Role.AGENT);
        Enterprise enterprise = enterprises.getVisible(id);
        enterprise.requireChangeable();
        InputCheck check = new InputCheck();
        String why = check.text("reason", reason, 1000);
        check.orThrow();
        ResponsiblePersonDetails details =
                InputCheck.person(person, enterprise.asInput(personalData).legalRepresentative(), today());
        barred.refuseIfBarred(details.idDocument(), "responsiblePerson.idNumber");
        ResponsiblePerson proposed = enterprise.propose(details, personalData, clock.instant());
        enterprises.flush(); // the managed enterprise cascades the new person on flush, which gives it its id
        EnterpriseChangeRequest request = changeRequests.save(EnterpriseChangeRequest.ofResponsiblePerson(
                id, enterprise.agentId(), proposed.id(), why, agent, clock.instant()));
        enterprise.changeRequested(request, agent);
        enterprises.save(enterprise);
        return request.view();
    }

    /** Stores a document for a pending change (the new responsible person's ID photos and letter). */
    @Transactional
    public DocumentSummary attachToChange(long changeRequestId, EnterpriseDocumentKind kind, byte[] content) {
        Actor agent = CurrentActor.require(Role.AGENT);
        EnterpriseChangeRequest request = changeRequests.getVisible(changeRequestId);
        if (request.status() != EnterpriseChangeRequest.Status.PENDING) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "enterprise.notEditable", request.status());
        }
        Enterprise enterprise = enterprises.getVisible(request.enterpriseId());
        return documents.store(new NewDocument(
                CHANGE_DOCUMENT_OWNER,
                changeRequestId,
                kind.name(),
                enterprise.agentId(),
                enterprise.id(),
                readersOf(kind),
                agent,
                content));
    }

    @Transactional
    public ChangeRequestView approveChange(long changeRequestId) {
        Actor ops = CurrentActor.require(Role.OPS);
        EnterpriseChangeRequest request = changeRequests.getVisible(changeRequestId);
        Enterprise enterprise = enterprises.getVisible(request.enterpriseId());
        if (request.kind() == EnterpriseChangeRequest.Kind.RESPONSIBLE_PERSON) {
            Set<String> present = kindsOf(CHANGE_DOCUMENT_OWNER, changeRequestId);
            List<EnterpriseDocumentKind> missing = Stream.of(
                            EnterpriseDocumentKind.RESPONSIBLE_ID_FRONT, EnterpriseDocumentKind.RESPONSIBLE_ID_BACK)
                    .filter(kind -> !present.contains(kind.name()))
                    .toList();
            if (!missing.isEmpty()) {
                throw new DomainException(ErrorCode.DOCUMENTS_MISSING, "enterprise.documentsMissing", missing)
                        .with("kinds", missing.stream().map(Enum::name).toList());
            }
        }
        request.approve(ops, clock.instant());
        enterprise.applyChange(request, ops, personalData, clock.instant()).ifPresent(revisions::save);
        changeRequests.save(request);
        enterprises.save(enterprise);
        return request.view();
    }

    @Transactional
    public ChangeRequestView rejectChange(long changeRequestId, String reason) {
        Actor ops = CurrentActor.require(Role.OPS);
        String why = DecisionReason.required(reason);
        EnterpriseChangeRequest request = changeRequests.getVisible(changeRequestId);
        Enterprise enterprise = enterprises.getVisible(request.enterpriseId());
        request.reject(why, ops, clock.instant());
        enterprise.changeRejected(request, clock.instant());
        changeRequests.save(request);
        enterprises.save(enterprise);
        return request.view();
    }

    @Transactional(readOnly = true)
    public EnterpriseView get(long id) {
        return enterprises.getVisible(id).view();
    }

    @Transactional(readOnly = true)
    public EnterpriseFile file(long id) {
        Enterprise enterprise = enterprises.getVisible(id);
        return new EnterpriseFile(
                enterprise.view(),
                enterprise.requiredDocuments().stream().map(Enum::name).toList(),
                documents.list(DOCUMENT_OWNER, id),
                documents.kindsOnFile(DOCUMENT_OWNER, id),
                changeRequests.findByEnterpriseIdOrderByIdDesc(id).stream()
                        .map(EnterpriseChangeRequest::view)
                        .toList(),
                enterprise.personHistory(),
                revisions.findByEnterpriseIdOrderByIdDesc(id).stream()
                        .map(EnterpriseRevision::view)
                        .toList());
    }

    @Transactional(readOnly = true)
    public ChangeRequestFile changeRequest(long changeRequestId) {
        EnterpriseChangeRequest request = changeRequests.getVisible(changeRequestId);
        Enterprise enterprise = enterprises.getVisible(request.enterpriseId());
        ResponsiblePersonView proposed = request.responsiblePersonId() == null
                ? null
                : enterprise.personHistory().stream()
                        .filter(p -> p.id() == request.responsiblePersonId())
                        .findFirst()
                        .orElse(null);
        return new ChangeRequestFile(
                request.view(),
                enterprise.view(),
                proposed,
                documents.list(CHANGE_DOCUMENT_OWNER, changeRequestId),
                kindsOf(CHANGE_DOCUMENT_OWNER, changeRequestId));
    }

    /** A page of the enterprises the actor may see, newest first, optionally of one status or matching a name. */
    @Transactional(readOnly = true)
    public CursorPage<EnterpriseView> list(EnterpriseStatus status, String nameContains, String cursor, Integer size) {
        return list(status, nameContains, null, cursor, size);
    }

    /**
     * As {@link #list(EnterpriseStatus, String, String, Integer)}, also by USCC (统一社会信用代码, a public record kept
     * in clear): the whole code, checked like a registration's ({@code INVALID_USCC} on {@code uscc} otherwise).
     */
    @Transactional(readOnly = true)
    public CursorPage<EnterpriseView> list(
            EnterpriseStatus status, String nameContains, String uscc, String cursor, Integer size) {
        int limit = Cursor.size(size);
        Long after = Cursor.decodeId(cursor);
        Specification<Enterprise> condition = enterprises.visible();
        if (uscc != null && !uscc.isBlank()) {
            String code = Uscc.parse(uscc, "uscc").value();
            condition = condition.and((root, query, cb) -> cb.equal(root.get("certificateNumber"), code));
        }
        if (status != null) {
            condition = condition.and((root, query, cb) -> cb.equal(root.get("status"), status));
        }
        if (nameContains != null && !nameContains.isBlank()) {
            String pattern = "%" + nameContains.strip().toLowerCase(java.util.Locale.ROOT) + "%";
            condition = condition.and((root, query, cb) -> cb.like(cb.lower(root.get("name")), pattern));
        }
        if (after != null) {
            condition = condition.and((root, query, cb) -> cb.lessThan(root.get("id"), after));
        }
        List<EnterpriseView> rows = enterprises
                .findAll(condition, PageRequest.of(0, limit + 1, Sort.by(Sort.Direction.DESC, "id")))
                .map(Enterprise::view)
                .getContent();
        return CursorPage.of(rows, limit, row -> Cursor.ofId(row.id()));
    }

    /** Submitted registrations and pending changes, oldest first. */
    @Transactional(readOnly = true)
    public ReviewQueue queue() {
        CurrentActor.require(Role.OPS);
        List<EnterpriseView> registrations = enterprises
                .findAll(
                        enterprises
                                .visible()
                                .and((root, query, cb) -> cb.equal(root.get("status"), EnterpriseStatus.SUBMITTED)),
                        Sort.by("review.submittedAt", "id"))
                .stream()
                .map(Enterprise::view)
                .toList();
        List<ChangeRequestView> changes =
                changeRequests.findByStatusOrderByReviewSubmittedAtAsc(EnterpriseChangeRequest.Status.PENDING).stream()
                        .map(EnterpriseChangeRequest::view)
                        .toList();
        Instant oldest = Stream.concat(
                        registrations.stream().map(EnterpriseView::submittedAt),
                        changes.stream().map(ChangeRequestView::requestedAt))
                .filter(java.util.Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(null);
        return new ReviewQueue(registrations, changes, oldest);
    }

    /** The records that lost their USCC to another record (V230), for OPS to resolve, by code. */
    @Transactional(readOnly = true)
    public List<DuplicateRegistration> duplicates() {
        CurrentActor.require(Role.OPS);
        List<Enterprise> marked = enterprises.findAll(
                (root, query, cb) -> cb.isNotNull(root.get("duplicateOf")), Sort.by("certificateNumber", "id"));
        Map<Long, EnterpriseView> keepers =
                enterprises
                        .findAllById(
                                marked.stream().map(Enterprise::duplicateOf).toList())
                        .stream()
                        .collect(Collectors.toMap(Enterprise::id, Enterprise::view));
        return marked.stream()
                .map(duplicate -> new DuplicateRegistration(duplicate.view(), keepers.get(duplicate.duplicateOf())))
                .toList();
    }

    /**
     * The enterprise-level real-name of an enterprise, for the card module's checks. Not scoped: the caller has
     * already loaded its card through the actor's scope. One statement (every card read asks), judged by the same
     * rules as the aggregate's.
     */
    @Transactional(readOnly = true)
    public Optional<EnterpriseStanding> standing(long enterpriseId) {
        return enterprises
                .findStandingFacts(enterpriseId, ResponsiblePerson.Status.CURRENT)
                .map(facts -> facts.on(today()));
    }

    /**
     * The standing judged on its facts as another module read them from the view {@code enterprise_standing} next to
     * its own rows (the card-status read is one statement): the same rules as {@link #standing(long)}.
     */
    public EnterpriseStanding standing(StandingFacts facts) {
        return facts.on(today());
    }

    /**
     * The name of an enterprise, whoever asks: for pages without a signed-in actor (an end user's self-service link
     * names the enterprise their card belongs to). An enterprise's name is not personal data.
     */
    @Transactional(readOnly = true)
    public Optional<String> name(long enterpriseId) {
        return enterprises.findById(enterpriseId).map(Enterprise::name);
    }

    /** The names of these enterprises by id, in one statement, whoever asks (for lists of cards that name them). */
    @Transactional(readOnly = true)
    public Map<Long, String> names(Collection<Long> enterpriseIds) {
        if (enterpriseIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        enterprises.findAllById(enterpriseIds).forEach(enterprise -> names.put(enterprise.id(), enterprise.name()));
        return names;
    }

    /**
     * The enterprise's current responsible person as on record — name and ID document in clear, with the ID photos
     * they were verified by (those of the approved change that made them current, otherwise those of the
     * registration) — for a check that seals them again: the re-verification of a card with enterprise-level
     * real-name only. Empty without a current person or ID photo. Within the current actor's scope (the photos are
     * listed through the document module).
     */
    @Transactional(readOnly = true)
    public Optional<PersonOnRecord> responsiblePersonOnRecord(long enterpriseId) {
        return enterprises.findById(enterpriseId).flatMap(Enterprise::current).flatMap(person -> {
            List<DocumentSummary> photos = changeRequests.findByEnterpriseIdOrderByIdDesc(enterpriseId).stream()
                    .filter(request -> person.id().equals(request.responsiblePersonId()))
                    .findFirst()
                    .map(request -> documents.list(CHANGE_DOCUMENT_OWNER, request.id()))
                    .orElseGet(() -> documents.list(DOCUMENT_OWNER, enterpriseId));
            Optional<Long> front = newest(photos, EnterpriseDocumentKind.RESPONSIBLE_ID_FRONT);
            Long back =
                    newest(photos, EnterpriseDocumentKind.RESPONSIBLE_ID_BACK).orElse(null);
            return front.map(id -> person.onRecord(personalData, id, back));
        });
    }

    private static Optional<Long> newest(List<DocumentSummary> documents, EnterpriseDocumentKind kind) {
        return documents.stream()
                .filter(d -> d.kind().equals(kind.name()))
                .reduce((older, newer) -> newer)
                .map(DocumentSummary::id);
    }

    /** The name of a visible enterprise, for pages of other modules. */
    @Transactional(readOnly = true)
    public Optional<EnterpriseView> find(long enterpriseId) {
        return enterprises.findVisible(enterpriseId).map(Enterprise::view);
    }

    /** Verified enterprises of the acting agent (or all, for OPS), for choosing one in other modules' forms. */
    @Transactional(readOnly = true)
    public List<EnterpriseView> verified() {
        return enterprises
                .findAll(
                        enterprises
                                .visible()
                                .and((root, query, cb) -> root.get("status")
                                        .in(EnumSet.of(EnterpriseStatus.VERIFIED, EnterpriseStatus.CHANGE_PENDING))),
                        Sort.by("name"))
                .stream()
                .map(Enterprise::view)
                .toList();
    }

    String reveal(long id, String field) {
        return enterprises
                .findVisible(id)
                .map(e -> e.reveal(field, personalData))
                .orElse(null);
    }

    /** An act on a visible enterprise's record. */
    private EnterpriseView change(long id, Consumer<Enterprise> act) {
        Enterprise enterprise = enterprises.getVisible(id);
        act.accept(enterprise);
        return enterprises.save(enterprise).view();
    }

    private static EnterpriseInput keepingBlankPersonalFields(EnterpriseInput typed, EnterpriseInput current) {
        EnterpriseInput.PersonInput person = typed.responsiblePerson();
        EnterpriseInput.PersonInput was = current.responsiblePerson();
        EnterpriseInput.PersonInput merged = person == null
                ? was
                : new EnterpriseInput.PersonInput(
                        orElse(person.name(), was.name()),
                        person.idType() == null ? was.idType() : person.idType(),
                        person.idType() != null && person.idType() != was.idType()
                                ? person.idNumber()
                                : orElse(person.idNumber(), was.idNumber()),
                        orElse(person.idAddress(), was.idAddress()),
                        person.legalRepresentative(),
                        person.authorizationValidFrom(),
                        person.authorizationValidTo());
        return new EnterpriseInput(
                typed.name(),
                typed.certificateType(),
                typed.certificateNumber(),
                typed.certificateAddress(),
                orElse(typed.legalRepresentative(), current.legalRepresentative()),
                merged);
    }

    private static String orElse(String typed, String current) {
        return typed == null || typed.isBlank() ? current : typed;
    }

    private Set<EnterpriseDocumentKind> documentKinds(long id) {
        Set<EnterpriseDocumentKind> kinds = EnumSet.noneOf(EnterpriseDocumentKind.class);
        kindsOf(DOCUMENT_OWNER, id).forEach(kind -> kinds.add(EnterpriseDocumentKind.valueOf(kind)));
        return kinds;
    }

    private Set<String> kindsOf(String owner, long id) {
        return documents.kindsOnFile(owner, id);
    }

    /** A barred enterprise or responsible person is refused: 422 {@code IDENTITY_BARRED} on the field. */
    private void refuseBarred(InputCheck.Registration registration) {
        if (registration.details().certificateNumber() != null) {
            barred.refuseIfBarred(registration.details().certificateNumber(), "certificateNumber");
        }
        barred.refuseIfBarred(registration.person().idDocument(), "responsiblePerson.idNumber");
    }

    private static String codeOf(EnterpriseDetails details) {
        return details.certificateNumber() == null
                ? null
                : details.certificateNumber().value();
    }

    /** ID photos are for OPS and the agent; the certificate and letters also for the enterprise's own admins. */
    private static Set<Role> readersOf(EnterpriseDocumentKind kind) {
        return switch (kind) {
            case RESPONSIBLE_ID_FRONT, RESPONSIBLE_ID_BACK -> Set.of(Role.OPS, Role.AGENT);
            default -> Set.of(Role.OPS, Role.AGENT, Role.ENTERPRISE_ADMIN);
        };
    }

    private LocalDate today() {
        return ChinaTime.today(clock);
    }
}
