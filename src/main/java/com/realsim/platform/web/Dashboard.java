package com.realsim.platform.web;

import com.realsim.platform.Actor;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A module's part of the dashboard: panels of figures, each number with the path of the filtered list behind it,
 * drawn as a chart and as a table. Modules implement {@link Contribution} as a bean; the platform knows none of them.
 * Panels with the same {@link Panel#id()} from several modules are shown as one (the OPS queues, decisions per day),
 * their figures and series side by side.
 */
public final class Dashboard {

    private Dashboard() {}

    /** A module's contribution; every panel set-based (a constant number of statements), within the actor's scope. */
    public interface Contribution {

        /** The panels for this actor, empty when none concerns their role. */
        List<Panel> panelsFor(Actor actor);
    }

    /** How a panel's figures are drawn next to their table. */
    public enum Chart {
        /** Only the table. */
        NONE,
        /** Horizontal bars, one per figure with a value. */
        BAR,
        /** A ring, one slice per figure with a value. */
        PIE,
        /** Lines per day over {@link Panel#days()} days (the {@link Panel#series()}); the figures are their totals. */
        DAYS
    }

    /**
     * A text for the page, resolved in the reader's language: a message key with its arguments (which may be texts
     * themselves), or a text that needs no translation (a company's name, an ICCID).
     */
    public record Text(String key, List<Object> args, String plain) {

        public static Text of(String key, Object... args) {
            return new Text(key, List.of(args), null);
        }

        public static Text plain(String text) {
            return new Text(null, List.of(), text);
        }
    }

    /**
     * A number, the list behind it, and what it means.
     *
     * @param value the number, or null for a row that names something (a card that needs action)
     * @param path where a click on it leads (the filtered list), or null when no list shows these records
     * @param detail a second line (what clears a reason, the age of the oldest item), or null
     * @param tone a Bootstrap colour name for the chart and the number (primary, success, warning, danger, secondary)
     */
    public record Figure(Text label, Long value, String path, Text detail, String tone) {

        public static Figure of(Text label, long value, String path, String tone) {
            return new Figure(label, value, path, null, tone);
        }

        public Figure withDetail(Text detail) {
            return new Figure(label, value, path, detail, tone);
        }

        public Figure withTone(String tone) {
            return new Figure(label, value, path, detail, tone);
        }
    }

    /**
     * A queue's figure: how many wait, and the age of the oldest (or that none waits) as its detail.
     *
     * @param oldest when the oldest item began to wait, null when none waits
     */
    public static Figure queue(Text label, long count, Instant oldest, Instant now, String path) {
        Age age = oldest == null ? null : Age.of(Duration.between(oldest, now));
        return new Figure(
                label,
                count,
                path,
                age == null
                        ? Text.of("dashboard.queue.empty")
                        : Text.of("dashboard.queue.oldest", Text.of(age.messageKey(), age.first(), age.second())),
                count > 0 ? "warning" : "success");
    }

    /** The SQL expression of a timestamp column's Beijing date, for counts per day. */
    public static String beijingDate(String column) {
        return "(" + column + " AT TIME ZONE 'Asia/Shanghai')::date";
    }

    /** A count per Beijing date (dates without one count zero), with the list behind the series. */
    public record Series(Text label, Map<LocalDate, Long> perDay, String path, String tone) {}

    /**
     * @param id the panel's stable id (also its element id on the page): panels with the same id are merged
     * @param order where it stands on the dashboard (lower first)
     * @param days for {@link Chart#DAYS}: how many days up to today the series cover
     * @param note a line under the table, or null
     */
    public record Panel(
            String id,
            Text title,
            int order,
            Chart chart,
            List<Figure> figures,
            int days,
            List<Series> series,
            Text note) {

        public Panel {
            figures = List.copyOf(figures);
            series = List.copyOf(series);
        }

        public static Panel of(String id, Text title, int order, Chart chart, List<Figure> figures) {
            return new Panel(id, title, order, chart, figures, 0, List.of(), null);
        }

        public static Panel days(String id, Text title, int order, int days, List<Series> series) {
            return new Panel(id, title, order, Chart.DAYS, List.of(), days, series, null);
        }

        public Panel withNote(Text note) {
            return new Panel(id, title, order, chart, figures, days, series, note);
        }
    }
}
