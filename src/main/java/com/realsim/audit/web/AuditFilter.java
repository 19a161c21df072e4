package com.realsim.audit.web;

import com.realsim.audit.AuditQuery;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/** The audit page's filters, from the query string; dates are whole days in the pages' time zone. */
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

    public String getTargetType() {
        return targetType;
    }

    public void setTargetType(String targetType) {
        this.targetType = targetType;
    }

    public String getTargetId() {
        return targetId;
    }

    public void setTargetId(String targetId) {
        this.targetId = targetId;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getCursor() {
        return cursor;
    }

    public void setCursor(String cursor) {
        this.cursor = cursor;
    }
}
