package com.realsim.card.domain;

import com.realsim.platform.error.NotFoundException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
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
 * The one place where a card about to change is read: re-read under its row lock ({@code SELECT … FOR UPDATE}), so
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

    private Card lock(Card card) {
        entityManager.refresh(card, LockModeType.PESSIMISTIC_WRITE);
        return card;
    }
}
