package com.realsim.order;

import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The card rows of orders ({@code business_order_card}), in SQL: an order may hold thousands of cards, written in one
 * statement and read a page at a time. A card is in at most one open order: the partial unique index on the open rows
 * holds it, also when two agents submit the same card at the same instant. Every method runs in the caller's
 * transaction.
 */
@Repository
@RequiredArgsConstructor
class OrderCardRows {

    private final JdbcClient jdbc;

    /**
     * Adds an order's cards (open). A card already in another open order refuses the whole order with {@code
     * CARD_IN_OPEN_ORDER} naming the cards. Rows go in in ICCID order, so that two orders racing for overlapping
     * cards queue on the same first card instead of deadlocking.
     */
    void add(long orderId, CheckedOrder order) {
        List<String> iccids = new ArrayList<>(order.iccids());
        List<String> replaces = new ArrayList<>();
        order.iccids().forEach(iccid -> replaces.add(null));
        for (CheckedOrder.Replacement pair : order.replacements()) {
            iccids.add(pair.newIccid());
            replaces.add(pair.oldIccid());
        }
        refuseCardsInOpenOrders(iccids);
        try {
            jdbc.sql("INSERT INTO business_order_card (order_id, position, iccid, replaces, open) "
                            + "SELECT :orderId, t.ord - 1, t.iccid, t.replaces, true "
                            + "FROM unnest(CAST(:iccids AS varchar[]), CAST(:replaces AS varchar[])) "
                            + "WITH ORDINALITY AS t(iccid, replaces, ord) ORDER BY t.iccid")
                    .param("orderId", orderId)
                    .param("iccids", arrayLiteral(iccids))
                    .param("replaces", arrayLiteral(replaces))
                    .update();
        } catch (DuplicateKeyException raced) {
            // another order took one of the cards between the check and the insert: the index decided (the
            // transaction is aborted now, so the cards cannot be looked up again)
            throw new DomainException(ErrorCode.CARD_IN_OPEN_ORDER, "order.cardTakenMeanwhile");
        }
    }

    /** Refuses cards that are in an open order already, naming them. */
    void refuseCardsInOpenOrders(Collection<String> iccids) {
        List<String> taken = inOpenOrders(iccids);
        if (!taken.isEmpty()) {
            throw new DomainException(ErrorCode.CARD_IN_OPEN_ORDER, "order.cardInOpenOrder", String.join(", ", taken))
                    .with("iccids", taken);
        }
    }

    /** Which of these cards are in an open order. */
    List<String> inOpenOrders(Collection<String> iccids) {
        if (iccids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT iccid FROM business_order_card WHERE open AND iccid = ANY(CAST(:iccids AS varchar[])) "
                        + "ORDER BY iccid")
                .param("iccids", arrayLiteral(iccids))
                .query(String.class)
                .list();
    }

    /** The order is closed: its cards are free for other orders. */
    void close(long orderId) {
        jdbc.sql("UPDATE business_order_card SET open = false WHERE order_id = :orderId AND open")
                .param("orderId", orderId)
                .update();
    }

    /** Every card row of an order, in position order (for the completion's effects). */
    List<OrderCardLine> all(long orderId) {
        return jdbc.sql("SELECT position, iccid, replaces FROM business_order_card WHERE order_id = :orderId "
                        + "ORDER BY position")
                .param("orderId", orderId)
                .query((rs, row) -> new OrderCardLine(rs.getInt(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** A page of an order's card rows after a position (keyset). */
    List<OrderCardLine> page(long orderId, int afterPosition, int limit) {
        return jdbc.sql("SELECT position, iccid, replaces FROM business_order_card "
                        + "WHERE order_id = :orderId AND position > :after ORDER BY position LIMIT :limit")
                .param("orderId", orderId)
                .param("after", afterPosition)
                .param("limit", limit)
                .query((rs, row) -> new OrderCardLine(rs.getInt(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** ICCIDs are digits only (checked before they get here), so a PostgreSQL array literal of them is safe. */
    private static String arrayLiteral(Collection<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (String value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            if (value == null) {
                literal.append("NULL");
            } else if (value.chars().allMatch(Character::isDigit)) {
                literal.append(value);
            } else {
                throw new IllegalArgumentException("Not an ICCID");
            }
        }
        return literal.append('}').toString();
    }
}
