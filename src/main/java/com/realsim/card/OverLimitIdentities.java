package com.realsim.card;

import com.realsim.catalogue.Operator;
import com.realsim.catalogue.OperatorQuotaSetting;
import com.realsim.catalogue.OperatorService;
import com.realsim.identity.IdType;
import com.realsim.platform.CurrentActor;
import com.realsim.platform.Role;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For OPS: the identities that hold more cards at an operator than its one-ID-N-cards limit allows — after the identity
 * key stopped counting a travel permit's renewal count or issue letter as another person ({@link EndUserIdentityKeys}),
 * or after a limit was lowered. Such an identity keeps its cards and takes no more (the quota
 * refuses); nothing is unbound by the platform. The list shows each identity's current cards with the end user as
 * bound (masked, with the printed document number), so that OPS can have the agents move or cancel cards. The blind
 * index that groups them never leaves this class.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class OverLimitIdentities {

    /** One card of such an identity, with its end user as bound (masked). */
    public record HeldCard(
            String iccid,
            CardState state,
            Long agentId,
            Long enterpriseId,
            String name,
            IdType idType,
            String idNumber,
            Instant boundAt) {}

    /**
     * One identity above its operator's limit.
     *
     * @param firstBindingId the oldest of its current bindings: the order of the list and its cursor
     * @param cardsHeld the one-ID-N-cards counter
     * @param cards its current cards that are not cancelled
     */
    public record Identity(long firstBindingId, Operator operator, int limit, int cardsHeld, List<HeldCard> cards) {}

    private record Group(long firstBindingId, Operator operator, String idBidx, int cardsHeld, int limit) {}

    private final JdbcClient jdbc;
    private final OperatorService operators;

    /**
     * Up to {@code size} identities after the one whose first binding is {@code afterBindingId} (null: from the
     * start), oldest binding first.
     *
     * @throws DomainException {@code FORBIDDEN} for anyone but OPS
     */
    @Transactional(readOnly = true)
    public List<Identity> page(Long afterBindingId, int size) {
        if (CurrentActor.get().role() != Role.OPS) {
            throw new DomainException(ErrorCode.FORBIDDEN);
        }
        // the operators' limits as they stand, from the catalogue: one row (operator, limit) each
        List<OperatorQuotaSetting> limits = operators.quotas();
        List<Object> params = new ArrayList<>();
        limits.forEach(limit -> {
            params.add(limit.operator().name());
            params.add(limit.maxCardsPerId());
        });
        params.add(afterBindingId == null ? 0L : afterBindingId);
        params.add(size);
        List<Group> groups = jdbc.sql("""
                        SELECT g.first_binding, g.operator, g.id_bidx, g.cards_held, g.max_cards_per_id
                          FROM (SELECT q.operator, q.id_bidx, q.cards_held, s.max_cards_per_id,
                                       (SELECT min(e.id) FROM card_end_user e JOIN card c ON c.id = e.card_id
                                         WHERE e.id_number_bidx = q.id_bidx AND e.ended_at IS NULL
                                           AND c.operator = q.operator AND c.state <> 'CANCELLED') AS first_binding
                                  FROM identity_quota q
                                  JOIN (VALUES %s) AS s(operator, max_cards_per_id) ON s.operator = q.operator
                                 WHERE q.cards_held > s.max_cards_per_id) g
                         WHERE g.first_binding > ?
                         ORDER BY g.first_binding
                         LIMIT ?""".formatted(String.join(", ", Collections.nCopies(limits.size(), "(?, ?)"))))
                .params(params)
                .query((rs, n) -> new Group(
                        rs.getLong(1), Operator.valueOf(rs.getString(2)), rs.getString(3), rs.getInt(4), rs.getInt(5)))
                .list();
        List<Identity> identities = new ArrayList<>();
        for (Group group : groups) {
            identities.add(new Identity(
                    group.firstBindingId(), group.operator(), group.limit(), group.cardsHeld(), cards(group)));
        }
        return identities;
    }

    private List<HeldCard> cards(Group group) {
        return jdbc.sql("""
                        SELECT c.iccid, c.state, c.agent_id, c.enterprise_id, e.name_masked, e.id_type,
                               e.id_number_masked, e.bound_at
                          FROM card_end_user e JOIN card c ON c.id = e.card_id
                         WHERE e.id_number_bidx = ? AND e.ended_at IS NULL AND c.operator = ? AND c.state <> 'CANCELLED'
                         ORDER BY e.id""")
                .params(group.idBidx(), group.operator().name())
                .query((rs, n) -> new HeldCard(
                        rs.getString(1),
                        CardState.valueOf(rs.getString(2)),
                        rs.getObject(3, Long.class),
                        rs.getObject(4, Long.class),
                        rs.getString(5),
                        IdType.valueOf(rs.getString(6)),
                        rs.getString(7),
                        rs.getObject(8, Timestamp.class).toInstant()))
                .list();
    }
}
