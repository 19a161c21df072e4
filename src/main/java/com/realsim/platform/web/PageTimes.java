package com.realsim.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAccessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Times on pages, in the time zone staff work in ({@code realsim.web.time-zone}, Beijing time by default): every
 * template formats instants with {@code #times} (this object, see {@link PageTimesDialect}), never with
 * {@code #temporals}, which would show the server's zone. Instants are stored and the Partner API answers in UTC; only
 * what a person reads on a page is moved to this zone. Dates without a time ({@link LocalDate}) are shown as they are.
 */
@Component
public class PageTimes {

    /** Minutes: what most pages show. */
    public static final String MINUTES = "yyyy-MM-dd HH:mm";

    public static final String DAY = "yyyy-MM-dd";

    private final ZoneId zone;

    PageTimes(@Value("${realsim.web.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.zone = zone;
    }

    /** The zone pages show times in; also the zone of the days a page's date filter means. */
    public ZoneId zone() {
        return zone;
    }

    /** The zone's name in the reader's language, e.g. "中国时间" or "China Time". */
    public String zoneName() {
        return zone.getDisplayName(TextStyle.FULL, LocaleContextHolder.getLocale());
    }

    /** {@code yyyy-MM-dd HH:mm} in the page zone; null for null. */
    public String format(TemporalAccessor time) {
        return format(time, MINUTES);
    }

    /** The time in the page zone with this pattern; null for null. */
    public String format(TemporalAccessor time, String pattern) {
        if (time == null) {
            return null;
        }
        return DateTimeFormatter.ofPattern(pattern).format(inZone(time));
    }

    /** {@code yyyy-MM-dd}: the day in the page zone. */
    public String date(TemporalAccessor time) {
        return format(time, DAY);
    }

    private TemporalAccessor inZone(TemporalAccessor time) {
        if (time instanceof Instant instant) {
            return instant.atZone(zone);
        }
        if (time instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(zone);
        }
        if (time instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(zone);
        }
        return time;
    }
}
