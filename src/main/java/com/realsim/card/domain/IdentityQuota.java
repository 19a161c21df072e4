package com.realsim.card.domain;

import com.realsim.catalogue.Operator;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One ID, at most N cards per operator (一证N卡), enforced by PostgreSQL: a counter row per operator and identity
 * (the identity module's blind index of the ID document, an opaque string here). The counter is kept by the
 * database (migration V190): triggers on {@code card_end_user} and {@code card} move it in the statement that starts
 * or ends a binding or cancels a card, so no code path can move one without the other.
 *
 * <p>What stays here is the limit: {@link #checkRoom} locks the counter rows a binding is about to move (in one
 * order, so two cards swapping identities cannot deadlock) and refuses a binding that would go over the limit.
 * Concurrent bindings of one identity queue on the row's lock, and each sees the count the previous one committed
 * (its trigger moved it), so two bindings of the 5th and 6th card at the same instant end with exactly 5.
 */
@Component
@RequiredArgsConstructor
class IdentityQuota {

    private final JdbcTemplate jdbc;

    /**
     * Locks the counters of {@code taken} (the identity being bound) and of {@code released} (the card's previous end
     * user, or null) at this operator until the caller's transaction ends, and refuses with {@code QUOTA_EXCEEDED}
     * unless {@code taken} holds fewer than {@code limit} cards (the operator's limit, read by the caller in the same
     * transaction). A limit an ADMIN lowers between that read and this check acts as if it had been lowered a moment
     * later. The binding the caller then writes moves the counters (the database's triggers).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void checkRoom(Operator operator, String taken, String released, int limit) {
        requireKey(taken);
        int held = 0;
        for (String key : new TreeSet<>(released == null ? List.of(taken) : List.of(taken, released))) {
            jdbc.update(
                    "INSERT INTO identity_quota (operator, id_bidx, cards_held) VALUES (?, ?, 0)"
                            + " ON CONFLICT DO NOTHING",
                    operator.name(),
                    key);
            int locked = jdbc.queryForObject(
                    "SELECT cards_held FROM identity_quota WHERE operator = ? AND id_bidx = ? FOR UPDATE",
                    Integer.class,
                    operator.name(),
                    key);
            if (key.equals(taken)) {
                held = locked;
            }
        }
        if (held >= limit) {
            throw new DomainException(ErrorCode.QUOTA_EXCEEDED)
                    .with("operator", operator.name())
                    .with("limit", limit);
        }
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
