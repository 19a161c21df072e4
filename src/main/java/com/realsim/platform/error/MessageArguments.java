package com.realsim.platform.error;

import com.realsim.platform.Labelled;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.context.MessageSourceResolvable;

/**
 * The arguments of a message a person reads, made readable once for every way a message reaches them (problem
 * details, error pages, form errors, flash banners): a {@link Labelled} code becomes its label in the reader's
 * language, a list becomes its items joined the way the language joins them ({@code message.list}: "A; B" or
 * "A、B"), anything else stays as it is. The labels are {@link MessageSourceResolvable}s, which Spring's message
 * source resolves when it formats the message, so the language is the reader's and not the thrower's.
 *
 * <p>Where a message is kept to be shown later (an order's rejection), {@link #stored} and {@link #fromStored} keep
 * its arguments as text without losing which of them are labels.
 */
public final class MessageArguments {

    /** The bundle key that joins two items of a list: {@code {0}; {1}} in English, {@code {0}、{1}} in Chinese. */
    public static final String LIST_KEY = "message.list";

    private static final char LABEL = '\u0001';
    private static final char LIST = '\u0002';
    private static final char ESCAPE = '\u0003';
    private static final String LABEL_CODE = "\u001f";
    private static final String ITEM = "\u001e";

    private MessageArguments() {}

    /** Each argument made readable: labels for {@link Labelled} codes, joined labels for collections and arrays. */
    public static Object[] readable(Object... arguments) {
        if (arguments == null) {
            return new Object[0];
        }
        Object[] readable = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            readable[i] = readable(arguments[i]);
        }
        return readable;
    }

    /**
     * A code shown by its label, for codes that are no {@link Labelled} enum (a real-name rule's code, say): the
     * label under {@code messageKey}, or the code itself where the bundles have none.
     */
    public static Object label(String messageKey, String code) {
        return new Label(messageKey, code);
    }

    static Object readable(Object argument) {
        if (argument instanceof Labelled labelled) {
            return new Label(labelled.messageKey(), labelled.name());
        }
        if (argument instanceof Collection<?> items) {
            return joined(items.stream().map(MessageArguments::readable).toList());
        }
        if (argument instanceof Object[] items) {
            return joined(Arrays.stream(items).map(MessageArguments::readable).toList());
        }
        return argument;
    }

    private static Object joined(List<Object> items) {
        if (items.isEmpty()) {
            return "";
        }
        Object joined = items.get(items.size() - 1);
        for (int i = items.size() - 2; i >= 0; i--) {
            joined = new Joined(items.get(i), joined);
        }
        return joined;
    }

    /**
     * The arguments as text for storage: plain values as text, labels and lists in a form {@link #fromStored}
     * reads back.
     */
    public static List<String> stored(Object... arguments) {
        List<String> stored = new ArrayList<>();
        for (Object argument : readable(arguments)) {
            if (argument instanceof Joined list) {
                stored.add(LIST
                        + String.join(
                                ITEM,
                                list.items().stream()
                                        .map(MessageArguments::storedItem)
                                        .toList()));
            } else {
                stored.add(storedItem(argument));
            }
        }
        return stored;
    }

    private static String storedItem(Object argument) {
        if (argument instanceof Label label) {
            return LABEL + label.messageKey() + LABEL_CODE + label.code();
        }
        String text = argument == null ? "" : String.valueOf(argument);
        return !text.isEmpty() && text.charAt(0) <= ESCAPE ? ESCAPE + text : text;
    }

    /** The readable arguments that {@link #stored} wrote; text stored before this form existed reads as text. */
    public static Object[] fromStored(List<String> stored) {
        return stored.stream().map(MessageArguments::fromStored).toArray();
    }

    private static Object fromStored(String stored) {
        if (stored == null || stored.isEmpty()) {
            return "";
        }
        if (stored.charAt(0) == LIST) {
            return joined(Arrays.stream(stored.substring(1).split(ITEM, -1))
                    .map(MessageArguments::fromStored)
                    .toList());
        }
        if (stored.charAt(0) == LABEL) {
            int bar = stored.indexOf(LABEL_CODE);
            return bar < 0
                    ? new Label(stored.substring(1), stored.substring(1))
                    : new Label(stored.substring(1, bar), stored.substring(bar + 1));
        }
        return stored.charAt(0) == ESCAPE ? stored.substring(1) : stored;
    }

    /** A code shown by its label; the code itself when the bundles have no label for it. */
    record Label(String messageKey, String code) implements MessageSourceResolvable, Serializable {

        @Override
        public String[] getCodes() {
            return new String[] {messageKey};
        }

        @Override
        public String getDefaultMessage() {
            return code;
        }

        @Override
        public String toString() {
            return code;
        }
    }

    /** Two or more items joined the reader's way: the first, then the rest (itself joined when longer than one). */
    record Joined(Object first, Object rest) implements MessageSourceResolvable, Serializable {

        @Override
        public String[] getCodes() {
            return new String[] {LIST_KEY};
        }

        @Override
        public Object[] getArguments() {
            return new Object[] {first, rest};
        }

        @Override
        public String getDefaultMessage() {
            return "{0}; {1}";
        }

        List<Object> items() {
            List<Object> items = new ArrayList<>();
            Object next = this;
            while (next instanceof Joined joined) {
                items.add(joined.first());
                next = joined.rest();
            }
            items.add(next);
            return items;
        }

        @Override
        public String toString() {
            return items().toString();
        }
    }
}
