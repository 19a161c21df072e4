package com.realsim.notification;

import com.realsim.notification.Recipients.Notice;
import com.realsim.platform.ChinaTime;
import com.realsim.platform.jobs.Recurring;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The warning before the data-limit stop. The operator stops a card that used up its plan's monthly data (its feed's
 * {@code DATA_LIMIT_REACHED}); a plan that states its allowance ({@code service_plan.monthly_data_mb}) lets the
 * platform see it coming: every hour, working cards whose month's data ({@code card_usage_summary}, this China month)
 * reached {@value #PERCENT} % of it are counted per agent and per enterprise, and the agent's users and the
 * enterprise's admins get one notice for the month, updated and unread again when the count grows.
 */
@Component
@RequiredArgsConstructor
class DataLimitWarnings {

    static final int PERCENT = 90;

    /** One row of the GROUPING SETS answer: an agent's or an enterprise's cards near their limit. */
    private record Count(Long agentId, Long enterpriseId, long cards) {}

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private final JdbcClient jdbc;
    private final Recipients recipients;
    private final Clock clock;

    @Recurring(name = "notification-data-limit", cron = "${realsim.notifications.data-limit-cron:0 40 * * * *}")
    @Transactional
    public void warn() {
        LocalDate month = ChinaTime.today(clock).withDayOfMonth(1);
        String key = "DATA_LIMIT_NEAR:" + MONTH.format(month);
        jdbc.sql("""
                        SELECT c.agent_id, c.enterprise_id, count(*)
                          FROM card_usage_summary s
                          JOIN card c ON c.id = s.card_id
                          JOIN service_plan p ON p.id = c.plan_id
                         WHERE s.usage_month = :month AND p.monthly_data_mb IS NOT NULL AND c.state = 'ACTIVE'
                           AND s.month_data_kb * 100 >= CAST(p.monthly_data_mb AS bigint) * 1024 * :percent
                         GROUP BY GROUPING SETS ((c.agent_id), (c.enterprise_id))""")
                .param("month", Date.valueOf(month))
                .param("percent", PERCENT)
                .query((rs, row) -> new Count((Long) rs.getObject(1), (Long) rs.getObject(2), rs.getLong(3)))
                .list()
                .forEach(count -> {
                    Notice notice = new Notice(
                            NotificationKind.DATA_LIMIT_NEAR,
                            List.of(String.valueOf(count.cards()), MONTH.format(month)),
                            "/cards?state=ACTIVE",
                            key);
                    if (count.agentId() != null) {
                        recipients.agentWhenGrown(count.agentId(), notice);
                    } else if (count.enterpriseId() != null) {
                        recipients.enterpriseWhenGrown(count.enterpriseId(), notice);
                    }
                });
    }
}
