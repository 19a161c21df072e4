package com.realsim.verification;

import com.realsim.document.DocumentService;
import com.realsim.document.NewDocument;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * A stand-in for the card module in tests: cards in memory that an end user verifies through self-service links. It
 * stores the photos and opens the END_USER case as the card module will, refuses with {@code QUOTA_EXCEEDED} for
 * cards marked so, and records every {@link VerificationDecided} it hears, as the card module's listener would.
 */
public class TestCards implements SelfServiceSubject {

    public static final String TYPE = "TEST_CARD";

    public record Card(long id, String iccid, long agentId, Long enterpriseId, String enterpriseName) {}

    private final AtomicLong ids = new AtomicLong(7_000);
    private final Map<Long, Card> cards = new ConcurrentHashMap<>();
    private final Set<Long> quotaFull = ConcurrentHashMap.newKeySet();
    private final Set<Long> gone = ConcurrentHashMap.newKeySet();
    private final List<VerificationDecided> decisions = new CopyOnWriteArrayList<>();
    private final DocumentService documents;
    private final VerificationService verifications;

    TestCards(DocumentService documents, VerificationService verifications) {
        this.documents = documents;
        this.verifications = verifications;
    }

    public Card add(long agentId, long enterpriseId) {
        long id = ids.incrementAndGet();
        Card card = new Card(id, "8986011" + String.format("%013d", id), agentId, enterpriseId, "测试物联网有限公司");
        cards.put(id, card);
        return card;
    }

    public void quotaFull(long cardId) {
        quotaFull.add(cardId);
    }

    public void cancel(long cardId) {
        gone.add(cardId);
    }

    public List<VerificationDecided> decisions() {
        return List.copyOf(decisions);
    }

    @Override
    public String subjectType() {
        return TYPE;
    }

    @Override
    public Optional<SubjectDescription> describe(long subjectId) {
        Card card = cards.get(subjectId);
        if (card == null || gone.contains(subjectId)) {
            return Optional.empty();
        }
        String iccid = card.iccid();
        return Optional.of(new SubjectDescription(
                iccid.substring(0, 4) + "****" + iccid.substring(iccid.length() - 4), card.enterpriseName()));
    }

    @Override
    public SubmissionOutcome submit(long subjectId, EndUserSubmission submission) {
        Card card = cards.get(subjectId);
        if (quotaFull.contains(subjectId)) {
            throw new DomainException(ErrorCode.QUOTA_EXCEEDED);
        }
        long front = store(card, "ID_FRONT", submission.idFront());
        Long back = submission.hasIdBack() ? store(card, "ID_BACK", submission.idBack()) : null;
        long live = store(card, "LIVE_PHOTO", submission.livePhoto());
        return SubmissionOutcome.of(verifications.open(new NewVerificationCase(
                VerificationKind.END_USER,
                TYPE,
                card.id(),
                card.iccid(),
                card.agentId(),
                card.enterpriseId(),
                submission.name(),
                submission.idDocument(),
                front,
                back,
                live,
                null)));
    }

    private long store(Card card, String kind, byte[] content) {
        return documents
                .store(new NewDocument(
                        TYPE,
                        card.id(),
                        kind,
                        card.agentId(),
                        card.enterpriseId(),
                        Set.of(Role.OPS, Role.AGENT),
                        null,
                        content))
                .id();
    }

    @ApplicationModuleListener
    void on(VerificationDecided decided) {
        decisions.add(decided);
    }
}
