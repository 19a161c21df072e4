package com.realsim.platform.web;

import com.realsim.platform.web.Dashboard.Chart;
import com.realsim.platform.web.Dashboard.Panel;
import com.realsim.platform.web.Dashboard.Series;
import com.realsim.platform.web.Dashboard.Text;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The two panels every review queue contributes to OPS' dashboard, each from one statement the module writes over its
 * own table: the queue's figure in the shared {@code queues} panel (how many wait and how long the oldest has waited),
 * and its decisions in the shared {@code decisions-per-day} panel over the last {@value #DAYS} days (Beijing dates).
 */
@Component
@RequiredArgsConstructor
public class DashboardQueries {

    public static final int DAYS = 30;

    private final JdbcClient jdbc;
    private final Clock clock;

    /**
     * @param countAndOldest a statement answering one row: {@code n}, how many wait, and {@code oldest}, when the
     *     oldest began to wait (null when none waits)
     * @param path the list of what waits
     */
    public Panel queue(String countAndOldest, Text label, String path) {
        return jdbc.sql(countAndOldest)
                .query((rs, row) -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    return Panel.of(
                            "queues",
                            Text.of("dashboard.queues"),
                            10,
                            Chart.BAR,
                            List.of(Dashboard.queue(
                                    label,
                                    rs.getLong("n"),
                                    oldest == null ? null : oldest.toInstant(),
                                    clock.instant(),
                                    path)));
                })
                .single();
    }

    /**
     * @param dayAndCount a statement answering {@code day} (a Beijing date, {@link Dashboard#beijingDate}) and {@code
     *     n} per day, of the decisions made since the named parameter {@code :since}
     * @param path the list of the decided records
     * @param tone the series' Bootstrap colour name
     */
    public Panel decisionsPerDay(String dayAndCount, Text label, String path, String tone) {
        Map<LocalDate, Long> perDay = new HashMap<>();
        jdbc.sql(dayAndCount)
                .param("since", Timestamp.from(clock.instant().minus(Duration.ofDays(DAYS + 1))))
                .query((rs, row) -> perDay.put(rs.getDate("day").toLocalDate(), rs.getLong("n")))
                .list();
        return Panel.days(
                "decisions-per-day",
                Text.of("dashboard.decisionsPerDay", DAYS),
                30,
                DAYS,
                List.of(new Series(label, perDay, path, tone)));
    }
}
