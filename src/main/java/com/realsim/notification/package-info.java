/**
 * Notifications (issue 15): the bell of every signed-in user. The module hears other modules' events after their
 * transactions ({@code @ApplicationModuleListener}: decisions on an agent's work, re-verification requests and
 * deadlines, new risk alerts, cards stopped for arrears or the data limit) and writes one notification per user who
 * should know, set-based from {@code user_account}: the agent organisation's users and the enterprise's admins, never
 * the person who did the act. A notification holds a kind, its arguments (codes, numbers, ICCIDs, enterprise names;
 * never personal data) and a link to the record; its text is rendered in the reader's language when read.
 *
 * <p>Like risk and exports, a top module: it depends on the events of the modules it listens to and reads their tables
 * only through read-only SQL kept here ({@link com.realsim.notification.Recipients}); nothing depends on it. The
 * layout asks it for the signed-in user's unread count (one indexed count per page).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package com.realsim.notification;
