package com.realsim.card.domain;

import com.realsim.card.EndUserDetails;
import com.realsim.card.EndUserStatus;
import com.realsim.catalogue.Operator;
import com.realsim.catalogue.OperatorService;
import com.realsim.identity.BarredIdentities;
import com.realsim.identity.PersonalData;
import com.realsim.platform.Actor;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end-user bindings of cards and their one-ID-N-cards slots, inside the transactions of the card's use cases.
 * The rule: <em>a card that is not cancelled and has a current binding holds one slot of the binding's identity at
 * the card's operator</em> — so binding takes a slot (or keeps the one of the same identity), binding another
 * identity gives the old slot back, a transfer ends the binding and gives its slot back, cancelling a card gives its
 * slot back, and a replacement moves the binding to the new card with its slot. PostgreSQL moves the counters with
 * the rows (triggers, migration V190); binding checks the limit first ({@link IdentityQuota#checkRoom}).
 *
 * <p>The caller holds the card's row lock, so two acts on one card never interleave; concurrent bindings of
 * different cards to one identity queue on the quota's counter row.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class EndUserBindings implements QuotaDriftCheck.HeldCards {

    private final CardEndUsers endUsers;
    private final IdentityQuota quota;
    private final OperatorService operators;
    private final PersonalData personalData;
    private final BarredIdentities barred;
    private final JdbcTemplate jdbc;

    /** The card's current binding, if it has an end user. */
    public Optional<CardEndUser> current(Card card) {
        return endUsers.findByCardIdAndEndedAtIsNull(card.id());
    }

    /**
     * Binds an end user to a card that is with a customer: takes a slot of the identity at the card's operator
     * ({@code QUOTA_EXCEEDED} otherwise, which rolls the caller's transaction back), unless the card's current end
     * user is the same identity; binding another identity gives the previous one's slot back. The new binding starts
     * {@link EndUserStatus#BOUND}, waiting for its photos and verification. The card records the binding ({@code
     * CardEndUserBound}, with the channel: {@code AGENT} or {@code SELF_SERVICE}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CardEndUser bind(
            Card card, EndUserDetails details, String boundBy, String channel, Actor actor, Instant now) {
        card.requireBindable();
        barred.refuseIfBarred(details.idDocument(), "idNumber");
        CardEndUser binding = new CardEndUser(card, details, personalData, boundBy, now);
        Optional<CardEndUser> previous = current(card);
        String taken = binding.quotaKey();
        String released = previous.map(CardEndUser::quotaKey).orElse(null);
        if (!taken.equals(released)) {
            quota.checkRoom(
                    card.operator(),
                    taken,
                    released,
                    operators.quota(card.operator()).maxCardsPerId());
        }
        previous.ifPresent(old -> {
            old.end(CardEndUser.EndReason.REPLACED, now);
            endUsers.saveAndFlush(old); // before the insert: one current binding per card (partial unique index)
        });
        CardEndUser bound = endUsers.saveAndFlush(binding);
        card.endUserBound(bound, previous.isPresent(), channel, actor, now);
        return bound;
    }

    /** The card changed owner: the binding ends and its slot is free again. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void cardTransferred(Card card, Instant now) {
        current(card).ifPresent(binding -> {
            binding.end(CardEndUser.EndReason.TRANSFERRED, now);
            endUsers.save(binding);
        });
    }

    /**
     * A replacement card takes the old card's end user with its slot: the binding is copied (re-sealed) to the new
     * card, the old card (cancelled by the caller, so no longer counted) keeps its binding as history, and the
     * counter does not move.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void cardReplaced(Card old, Card replacement, Instant now) {
        current(old).ifPresent(binding -> endUsers.save(binding.copyTo(replacement, personalData, now)));
    }

    /** The card's end user's verification was decided; false when the case is not the current binding's. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean decided(Card card, long caseId, boolean approved, Instant now) {
        return current(card)
                .filter(binding -> binding.decided(caseId, approved, now))
                .map(endUsers::save)
                .isPresent();
    }

    public CardEndUser save(CardEndUser binding) {
        return endUsers.save(binding);
    }

    /** The real counts behind the quota: current bindings of cards that are not cancelled, per operator and identity. */
    @Override
    @Transactional(readOnly = true)
    public Map<IdentityQuota.Key, Long> realCounts() {
        Map<IdentityQuota.Key, Long> counts = new HashMap<>();
        jdbc.query("""
                SELECT c.operator, e.id_number_bidx, count(*) AS cards
                  FROM card_end_user e JOIN card c ON c.id = e.card_id
                 WHERE e.ended_at IS NULL AND c.state <> 'CANCELLED'
                 GROUP BY c.operator, e.id_number_bidx""", rs -> {
            counts.put(new IdentityQuota.Key(Operator.valueOf(rs.getString(1)), rs.getString(2)), rs.getLong(3));
        });
        return counts;
    }
}
