package com.realsim.card.domain;

import com.realsim.card.EndUserStatus;
import com.realsim.card.RealNameAssessment;
import com.realsim.catalogue.ServicePlanService;
import com.realsim.enterprise.EnterpriseStanding;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The real-name of many cards at once, for the system's acts on many cards (the end of silent periods, re-judging
 * cards after an edit of the real-name rules): the facts of all of them in one statement — the same joins as {@link
 * CardStatuses} (current end user, the approval module's {@code approved_exception}, the enterprise module's {@code
 * enterprise_standing}) — judged in memory by the same rules ({@link CardRealName#assess}); plans and rules come from
 * their caches, and an enterprise's standing is judged once per enterprise. Runs in the caller's transaction.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RealNameOfCards {

    private static final String FACTS = """
            SELECT c.id, c.iccid, c.plan_id, c.msisdn, c.handled_by_order_id, u.status AS end_user_status, %s
            FROM card c
            LEFT JOIN card_end_user u ON u.card_id = c.id AND u.ended_at IS NULL
            LEFT JOIN approved_exception x ON x.card_id = c.id
            LEFT JOIN enterprise_standing s ON s.enterprise_id = c.enterprise_id
            WHERE c.id = ANY(:ids)""".formatted(CardStatuses.FACT_COLUMNS);

    private final JdbcClient jdbc;
    private final ServicePlanService plans;
    private final CardRealName realName;
    private final CardStatuses statuses;

    /** Each card's real-name as it stands, by card id (cards that do not exist are left out). */
    public Map<Long, RealNameAssessment> assess(Collection<Long> cardIds) {
        if (cardIds.isEmpty()) {
            return Map.of();
        }
        List<Map<String, Object>> rows = jdbc.sql(FACTS)
                .param("ids", cardIds.toArray(Long[]::new))
                .query()
                .listOfRows();
        Map<Long, Optional<EnterpriseStanding>> standings = new HashMap<>();
        Map<Long, RealNameAssessment> assessed = new HashMap<>();
        for (Map<String, Object> row : rows) {
            Long enterpriseId = CardStatuses.number(row, "standing_enterprise_id");
            Optional<EnterpriseStanding> standing = enterpriseId == null
                    ? Optional.empty()
                    : standings.computeIfAbsent(enterpriseId, id -> statuses.standing(row));
            String endUser = (String) row.get("end_user_status");
            assessed.put(
                    CardStatuses.number(row, "id"),
                    realName.assess(
                            plans.plan(CardStatuses.number(row, "plan_id")),
                            (String) row.get("msisdn"),
                            standing,
                            row.get("handled_by_order_id") != null,
                            Optional.ofNullable(endUser).map(EndUserStatus::valueOf),
                            CardStatuses.approval(row)));
        }
        return assessed;
    }
}
