package com.realsim.card;

import com.realsim.card.domain.Card;
import com.realsim.card.domain.CardEndUser;
import com.realsim.card.domain.CardRealName;
import com.realsim.card.domain.Cards;
import com.realsim.card.domain.EndUserBindings;
import com.realsim.card.domain.LockedCards;
import com.realsim.document.DocumentService;
import com.realsim.document.NewDocument;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.enterprise.PersonOnRecord;
import com.realsim.identity.PersonalData;
import com.realsim.platform.Actor;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.NotFoundException;
import com.realsim.verification.EndUserSubmission;
import com.realsim.verification.IssuedLink;
import com.realsim.verification.NewVerificationCase;
import com.realsim.verification.SelfServiceLinks;
import com.realsim.verification.SubjectDescription;
import com.realsim.verification.SubmissionOutcome;
import com.realsim.verification.VerificationCaseView;
import com.realsim.verification.VerificationKind;
import com.realsim.verification.VerificationService;
import com.realsim.verification.VerificationStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end user (使用人) of a card: an agent binds them (with the one-ID-N-cards quota, in the binding's transaction)
 * and uploads their three photos, which open the END_USER verification case; or the agent or the enterprise admin
 * issues a self-service link and the end user does it all on their phone. The case's decision marks the binding
 * VERIFIED or REJECTED and lets a card stopped for an incomplete real-name work again.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class EndUserService {

    static final String SUBJECT_TYPE = "CARD";
    static final Set<Role> PHOTO_READERS = Set.of(Role.OPS, Role.AGENT);

    private final Cards cards;
    private final LockedCards locked;
    private final CardService cardService;
    private final EndUserBindings bindings;
    private final CardRealName realName;
    private final DocumentService documents;
    private final VerificationService verifications;
    /** Lazily: the links service collects every {@link com.realsim.verification.SelfServiceSubject}, ours too. */
    private final ObjectProvider<SelfServiceLinks> links;

    private final EnterpriseService enterprises;
    private final PersonalData personalData;
    private final Clock clock;

    // --- the agent ------------------------------------------------------------------------------------------------

    /**
     * An agent binds the end user of one of its cards, or replaces them. Takes a quota slot of the identity at the
     * card's operator in this transaction ({@code QUOTA_EXCEEDED} with {@code operator} and {@code limit} rolls
     * everything back); binding the same identity again takes none, another identity gives the previous slot back.
     * A working card whose real-name needs the (now unverified) end user is stopped with {@code UNVERIFIED}.
     *
     * @throws DomainException {@code ILLEGAL_STATE_TRANSITION} for a cancelled card; {@code FORBIDDEN} for roles
     *     other than AGENT; 404 for another tenant's card
     */
    @Transactional
    public CardView bind(String iccid, EndUserDetails details) {
        Actor agent = requireAgent();
        Card card = locked.visible(iccid);
        bind(card, details, agent.name(), "AGENT", agent);
        return cardService.view(cards.save(card));
    }

    /**
     * An agent uploads a photo of the card's current end user. When the front, the live photo and (except for a
     * passport) the back are in, the END_USER verification case opens, submitted by this agent.
     *
     * @throws DomainException {@code ILLEGAL_STATE_TRANSITION} when no end user is bound or their photos are closed
     *     (a case is open or decided: bind again to start over); the document module's {@code
     *     UNSUPPORTED_MEDIA_TYPE} / {@code PAYLOAD_TOO_LARGE}
     */
    @Transactional
    public EndUserPhotoStored attachPhoto(String iccid, EndUserPhoto kind, byte[] content) {
        Actor agent = requireAgent();
        Card card = locked.visible(iccid);
        card.requireBindable();
        CardEndUser binding = bindings.current(card)
                .orElseThrow(() -> new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "card.endUser.none")
                        .with("iccid", iccid));
        if (!binding.awaitsPhotos()) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "card.endUser.photosClosed")
                    .with("iccid", iccid)
                    .with("status", binding.status().name());
        }
        long documentId = store(card, kind, content, agent);
        binding.photo(kind, documentId);
        if (binding.photosComplete()) {
            openCase(card, binding, agent);
        }
        bindings.save(binding);
        cards.save(card);
        return new EndUserPhotoStored(documentId, kind, binding.status(), binding.verificationCaseId());
    }

    /**
     * A one-time link for the end user's phone (AGENT or ENTERPRISE_ADMIN, for a card of their tenant that is with
     * a customer). The URL and its QR code exist only in this answer.
     */
    @Transactional
    public IssuedLink selfServiceLink(String iccid) {
        Actor actor = CurrentActor.get();
        if (actor.role() != Role.AGENT && actor.role() != Role.ENTERPRISE_ADMIN) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        Card card = cards.findVisibleByIccid(iccid).orElseThrow(NotFoundException::new);
        card.requireBindable();
        return links.getObject().create(SUBJECT_TYPE, card.id(), card.agentId(), card.enterpriseId(), actor);
    }

    // --- the end user through a self-service link (no signed-in actor) --------------------------------------------

    /** What the self-service page shows: the masked ICCID and the enterprise's name; empty unless with a customer. */
    @Transactional(readOnly = true)
    Optional<SubjectDescription> describeForSelfService(long cardId) {
        return cards.findById(cardId)
                .filter(card -> card.state().isWithCustomer())
                .flatMap(card -> enterprises
                        .name(card.enterpriseId())
                        .map(name -> new SubjectDescription(Iccid.mask(card.iccid()), name)));
    }

    /**
     * The end user's own submission: binds them with the quota (a {@code QUOTA_EXCEEDED} refusal reaches their
     * page, and nothing is kept), stores the photos ({@code uploadedBy} null) and opens the END_USER case without a
     * submitter. Runs in the link's transaction; the card is loaded by id, never through a tenant scope.
     */
    @Transactional
    SubmissionOutcome submitSelfService(long cardId, EndUserSubmission submission) {
        Card card = locked.any(cardId).orElseThrow(NotFoundException::new);
        CardEndUser binding = bind(
                card,
                new EndUserDetails(submission.name(), submission.idDocument(), submission.idAddress()),
                "self-service",
                "SELF_SERVICE",
                null);
        binding.photo(EndUserPhoto.ID_FRONT, store(card, EndUserPhoto.ID_FRONT, submission.idFront(), null));
        if (submission.hasIdBack()) {
            binding.photo(EndUserPhoto.ID_BACK, store(card, EndUserPhoto.ID_BACK, submission.idBack(), null));
        }
        binding.photo(EndUserPhoto.LIVE_PHOTO, store(card, EndUserPhoto.LIVE_PHOTO, submission.livePhoto(), null));
        VerificationCaseView opened = openCase(card, binding, null);
        bindings.save(binding);
        cards.save(card);
        return SubmissionOutcome.of(opened);
    }

    // --- system ---------------------------------------------------------------------------------------------------

    /**
     * The END_USER case of a card was decided: the current binding (if the case is still its own) becomes VERIFIED
     * or REJECTED, and a card stopped with {@code UNVERIFIED} works again once its real-name is complete. A rejected
     * binding keeps its quota slot until it is replaced or the card cancelled: the identity was presented for this
     * card.
     */
    @Transactional
    void verificationDecided(long cardId, long caseId, boolean approved) {
        locked.any(cardId).ifPresent(card -> {
            if (decide(card, caseId, approved)) {
                cards.save(card);
            }
        });
    }

    /**
     * Opens the REVERIFICATION case of a card flagged by risk monitoring (OPS, as the case's opener), naming the person
     * on record whose ID photo a new live photo is compared with: the card's current end user, or — for a card without
     * one (enterprise-level real-name only) — the enterprise's current responsible person. Empty when there is neither
     * (no ID photo on record).
     */
    @Transactional
    Optional<VerificationCaseView> openReverification(Card card, Actor ops) {
        Optional<PersonOnRecord> person = bindings.current(card)
                .filter(binding -> binding.idFrontDocumentId() != null)
                .map(binding -> {
                    EndUserDetails details = binding.details(personalData);
                    return new PersonOnRecord(
                            details.name(),
                            details.idDocument(),
                            binding.idFrontDocumentId(),
                            binding.idBackDocumentId());
                })
                .or(() -> card.enterpriseId() == null
                        ? Optional.empty()
                        : enterprises.responsiblePersonOnRecord(card.enterpriseId()));
        return person.map(on -> verifications.open(new NewVerificationCase(
                VerificationKind.REVERIFICATION,
                SUBJECT_TYPE,
                card.id(),
                card.iccid(),
                card.agentId(),
                card.enterpriseId(),
                on.name(),
                on.idDocument(),
                on.idFrontDocumentId(),
                on.idBackDocumentId(),
                null,
                ops)));
    }

    // --- the work -------------------------------------------------------------------------------------------------

    private CardEndUser bind(Card card, EndUserDetails details, String boundBy, String channel, Actor actor) {
        Instant now = clock.instant();
        CardEndUser binding = bindings.bind(card, details, boundBy, channel, actor, now);
        realName.reassess(card, now);
        return binding;
    }

    private VerificationCaseView openCase(Card card, CardEndUser binding, Actor submitter) {
        EndUserDetails details = binding.details(personalData);
        VerificationCaseView opened = verifications.open(new NewVerificationCase(
                VerificationKind.END_USER,
                SUBJECT_TYPE,
                card.id(),
                card.iccid(),
                card.agentId(),
                card.enterpriseId(),
                details.name(),
                details.idDocument(),
                binding.idFrontDocumentId(),
                binding.idBackDocumentId(),
                binding.livePhotoDocumentId(),
                submitter));
        binding.verificationOpened(opened.id());
        if (opened.status() != VerificationStatus.PENDING_REVIEW) {
            // decided at once (every automatic check passed): the event will say so again, and change nothing then
            bindings.save(binding);
            decide(card, opened.id(), opened.status() == VerificationStatus.APPROVED);
        }
        return opened;
    }

    private boolean decide(Card card, long caseId, boolean approved) {
        Instant now = clock.instant();
        if (!bindings.decided(card, caseId, approved, now)) {
            return false;
        }
        if (approved) {
            realName.clearIfComplete(card, now);
        }
        return true;
    }

    private long store(Card card, EndUserPhoto kind, byte[] content, Actor uploadedBy) {
        return documents
                .store(new NewDocument(
                        SUBJECT_TYPE,
                        card.id(),
                        kind.documentKind(),
                        card.agentId(),
                        card.enterpriseId(),
                        PHOTO_READERS,
                        uploadedBy,
                        content))
                .id();
    }

    private static Actor requireAgent() {
        Actor actor = CurrentActor.get();
        if (actor.role() != Role.AGENT) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        return actor;
    }
}
