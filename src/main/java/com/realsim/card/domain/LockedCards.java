package com.realsim.card.domain;

import com.realsim.platform.error.NotFoundException;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The one place where a card about to change is read: re-read under its row lock ({@code SELECT … FOR NO KEY UPDATE}), so
 * that two acts on one card never interleave and the rules see its latest state. Runs in the caller's transaction.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class LockedCards {

    private final Cards cards;
    private final EntityManager entityManager;

    /**
     * The card with this ICCID if the current actor may see it.
     *
     * @throws NotFoundException for another tenant's card as for one that does not exist
     */
    public Card visible(String iccid) {
        return lock(cards.findVisibleByIccid(iccid).orElseThrow(NotFoundException::new));
    }

    /** System work: the card with this id, whoever owns it. */
    public Optional<Card> any(long id) {
        return cards.findById(id).map(this::lock);
    }

    /** System work: the card with this ICCID, whoever owns it. */
    public Optional<Card> any(String iccid) {
        return cards.findByIccid(iccid).map(this::lock);
    }

    /**
     * System work: these cards, whoever owns them, locked one by one in ICCID order, so that two callers locking
     * overlapping cards queue instead of deadlocking.
     *
     * @param unknown the refusal for an ICCID that is no card's
     */
    public List<Card> all(Collection<String> iccids, Function<String, ? extends RuntimeException> unknown) {
        List<Card> locked = new ArrayList<>();
        for (String iccid : new TreeSet<>(iccids)) {
            locked.add(any(iccid).orElseThrow(() -> unknown.apply(iccid)));
        }
        return locked;
    }

    /**
     * Takes the row lock first and only then reads the card. Not {@code refresh(card, PESSIMISTIC_WRITE)}: Hibernate
     * 7.4 refreshes a card together with its blocking reasons (an outer join it cannot lock), so it reads the row
     * without a lock and takes the lock afterwards in a second statement ("follow-on locking") whose row it does not
     * apply. A caller that waited there for another act on the card went on with the card as it was before that act:
     * its write failed the version check at commit (found by the mixed load, {@code OneCardRaceTest}).
     */
    private Card lock(Card card) {
        entityManager
                .createNativeQuery("SELECT id FROM card WHERE id = :id FOR NO KEY UPDATE")
                .setParameter("id", card.id())
                .getSingleResult();
        entityManager.refresh(card);
        return card;
    }
}
