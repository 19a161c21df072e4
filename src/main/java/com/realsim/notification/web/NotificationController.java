package com.realsim.notification.web;

import com.realsim.notification.NotificationView;
import com.realsim.notification.Notifications;
import com.realsim.platform.web.CursorPage;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's notifications, newest first (the bell in the layout leads here): open one (it is marked read and
 * its record's page shown), mark one or all read. Another user's notification is not found (404).
 */
@Controller
@RequestMapping("/notifications")
@PreAuthorize("hasAnyRole('ADMIN', 'OPS', 'AGENT', 'ENTERPRISE_ADMIN')")
@RequiredArgsConstructor
class NotificationController {

    /** A notification with its text in the reader's language. */
    record Item(NotificationView notification, String text) {}

    private final Notifications notifications;
    private final MessageSource messages;

    @GetMapping
    String list(@RequestParam(required = false) String cursor, Model model, Locale locale) {
        CursorPage<Item> page = notifications.list(cursor).map(view -> new Item(view, text(view, locale)));
        model.addAttribute("page", page);
        model.addAttribute("items", page.items());
        return "notification/list";
    }

    /** Marks it read and shows its record. */
    @PostMapping("/{id}/open")
    String open(@PathVariable long id) {
        return "redirect:" + notifications.markRead(id).link();
    }

    @PostMapping("/{id}/read")
    String read(@PathVariable long id) {
        notifications.markRead(id);
        return "redirect:/notifications";
    }

    @PostMapping("/read-all")
    String readAll(RedirectAttributes redirect) {
        int marked = notifications.markAllRead();
        redirect.addFlashAttribute("flashSuccess", "notification.allRead");
        redirect.addFlashAttribute("flashArgs", new Object[] {marked});
        return "redirect:/notifications";
    }

    private String text(NotificationView view, Locale locale) {
        Object[] arguments = view.arguments().stream()
                .map(argument -> argument.startsWith(NotificationView.LABEL)
                        ? messages.getMessage(argument.substring(NotificationView.LABEL.length()), null, locale)
                        : argument)
                .toArray();
        return messages.getMessage(view.kind().textKey(), arguments, locale);
    }
}
