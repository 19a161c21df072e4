package com.realsim.audit.web;

import com.realsim.audit.AuditQuery;
import java.time.LocalDate;
import java.time.ZoneId;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/** The audit page's filters, from the query string; dates are whole days in the pages' time zone. */
@Getter
@Setter
public class AuditFilter {

    private String targetType;
    private String targetId;
    private String actor;
    private String action;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;

    private String cursor;

    AuditQuery toQuery(ZoneId zone) {
        return AuditQuery.of(
                targetType,
                targetId,
                actor,
                action,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
                null,
                cursor);
    }

    /** The same filters, continuing after the given cursor. */
    String nextPage(String nextCursor) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/audit");
        add(uri, "targetType", targetType);
        add(uri, "targetId", targetId);
        add(uri, "actor", actor);
        add(uri, "action", action);
        add(uri, "from", from == null ? null : from.toString());
        add(uri, "to", to == null ? null : to.toString());
        add(uri, "cursor", nextCursor);
        return uri.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder uri, String name, String value) {
        if (value != null && !value.isBlank()) {
            uri.queryParam(name, value.strip());
        }
    }
}
