package com.realsim.platform;

/**
 * A code that people read as words: a state, a kind, a reason. Its label is the message {@link #messageKey()} of the
 * bundles; pages and messages show the label in the reader's language and never the code. A message argument that
 * is {@code Labelled} (or a list of them) is shown by its label ({@link com.realsim.platform.error.MessageArguments}).
 *
 * <p>Enums implement it with a key per constant, e.g. {@code "card.state." + name()}.
 */
public interface Labelled {

    /** The message key of the label. */
    String messageKey();

    /** The stable code (an enum's constant name), for machines and for the rare reader the label is missing for. */
    String name();
}
