package com.realsim.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Partner API handler whose successful answer carries a clear value: a secret or unmasked personal data. Such
 * an answer is never kept in the idempotency records (every other kept answer is sealed there), and a repeat of the
 * request with the same {@code Idempotency-Key} is answered as {@link #value()} says. The decision and the reasons are
 * in {@code docs/conventions.md} ("Idempotency-Key and clear answers").
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Discloses {

    Repeat value();

    /** What a repeat with the same key gets, once the first request succeeded. */
    enum Repeat {
        /**
         * Personal data shown through an audited path (unmasking): the repeat runs the request again, so that this
         * disclosure is checked and audited like the first. Nothing but the request's keyed fingerprint is kept.
         */
        RUN_AGAIN,
        /**
         * A secret answered once (an API client's secret, a one-time link): the repeat is not run and gets 409
         * {@code IDEMPOTENT_ANSWER_NOT_REPEATED}, with the first answer's {@code Location} when it had one.
         */
        NEVER
    }
}
