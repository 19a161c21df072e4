package com.realsim.card.domain;

import com.realsim.catalogue.Operator;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One ID, at most N cards per operator (一证N卡), enforced by PostgreSQL: a counter row per operator and identity
 * (the identity module's blind index of the ID document, an opaque string here). Taking a slot increments the
 * counter only while it is below the operator's limit, in one conditional {@code UPDATE}: concurrent takes for the
 * same identity queue on the row's lock, and each sees the count the previous one committed, so two bindings of the
 * 5th and 6th card at the same instant end with exactly 5.
 *
 * <p>{@link #take} and {@link #release} run in the caller's transaction (the binding's or the cancellation's), so
 * the counter moves exactly when the binding does. Package-private: only {@link EndUserBindings} takes and releases
 * slots — a slot is never taken without a binding.
 */
@Component
@RequiredArgsConstructor
class IdentityQuota {

    private static final Logger log = LoggerFactory.getLogger(IdentityQuota.class);

    private final JdbcTemplate jdbc;

    /**
     * Takes a slot for one more card of this identity at this operator while it holds fewer than {@code limit} (the
     * operator's limit, read by the caller in the same transaction), or refuses with {@code QUOTA_EXCEEDED}. A limit
     * an ADMIN lowers between that read and this update acts as if it had been lowered a moment later.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void take(Operator operator, String idBidx, int limit) {
        requireKey(idBidx);
        jdbc.update(
                "INSERT INTO identity_quota (operator, id_bidx, cards_held) VALUES (?, ?, 0) ON CONFLICT DO NOTHING",
                operator.name(),
                idBidx);
        int updated = jdbc.update(
                "UPDATE identity_quota SET cards_held = cards_held + 1"
                        + " WHERE operator = ? AND id_bidx = ? AND cards_held < ?",
                operator.name(),
                idBidx,
                limit);
        if (updated == 0) {
            throw new DomainException(ErrorCode.QUOTA_EXCEEDED)
                    .with("operator", operator.name())
                    .with("limit", limit);
        }
    }

    /**
     * Gives a slot back (the card was cancelled or its end user unbound). Answers false, and logs, when the counter
     * is already at zero: that is drift, which {@link #compare} reports.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean release(Operator operator, String idBidx) {
        requireKey(idBidx);
        int updated = jdbc.update(
                "UPDATE identity_quota SET cards_held = cards_held - 1"
                        + " WHERE operator = ? AND id_bidx = ? AND cards_held > 0",
                operator.name(),
                idBidx);
        if (updated == 0) {
            log.warn("Released a quota slot at {} for an identity that held none: counter drift", operator);
            return false;
        }
        return true;
    }

    /** The cards this identity holds at this operator, by the counter. */
    @Transactional(readOnly = true)
    int held(Operator operator, String idBidx) {
        List<Integer> held = jdbc.queryForList(
                "SELECT cards_held FROM identity_quota WHERE operator = ? AND id_bidx = ?",
                Integer.class,
                operator.name(),
                idBidx);
        return held.isEmpty() ? 0 : held.get(0);
    }

    /** A counter that disagrees with the real number of cards bound to the identity. */
    record Drift(Operator operator, String idBidx, int counted, long real) {}

    /** A key of the counter: one identity at one operator. */
    record Key(Operator operator, String idBidx) {}

    /**
     * Compares every counter with the real counts (cards not CANCELLED bound to each identity, as the binding part
     * counts them) and answers the differences; identities with real cards but no counter are drift too.
     */
    @Transactional(readOnly = true)
    List<Drift> compare(Map<Key, Long> realCounts) {
        Map<Key, Integer> counters = new HashMap<>();
        jdbc.query("SELECT operator, id_bidx, cards_held FROM identity_quota", rs -> {
            counters.put(
                    new Key(Operator.valueOf(rs.getString("operator")), rs.getString("id_bidx")),
                    rs.getInt("cards_held"));
        });
        List<Drift> drift = new ArrayList<>();
        counters.forEach((key, counted) -> {
            long real = realCounts.getOrDefault(key, 0L);
            if (real != counted) {
                drift.add(new Drift(key.operator(), key.idBidx(), counted, real));
            }
        });
        realCounts.forEach((key, real) -> {
            if (!counters.containsKey(key) && real != 0) {
                drift.add(new Drift(key.operator(), key.idBidx(), 0, real));
            }
        });
        return drift;
    }

    private static void requireKey(String idBidx) {
        if (Objects.requireNonNull(idBidx).isBlank() || idBidx.length() > 128) {
            throw new IllegalArgumentException("A blind index is 1 to 128 characters");
        }
    }
}
