package com.realsim.notification;

import java.time.Instant;
import java.util.List;

/**
 * One notification as its reader sees it. An argument that starts with {@value #LABEL} is a message key (a type's or
 * kind's label), shown in the reader's language; the others are shown as they are.
 */
public record NotificationView(
        long id, NotificationKind kind, List<String> arguments, String link, Instant createdAt, Instant readAt) {

    /** The prefix of an argument that is a label's message key. */
    public static final String LABEL = "#";

    public NotificationView {
        arguments = List.copyOf(arguments);
    }

    public boolean unread() {
        return readAt == null;
    }
}
