/**
 * Cards: the Card aggregate with its lifecycle and stack of blocking reasons, service plans, operators and their
 * one-ID-N-cards limit, the real-name policy (rules as data), the identity quota counter and the inventory import.
 *
 * <p>Other modules call {@link com.realsim.card.CardService} (hand-over, activation with facts, blocking reasons),
 * {@link com.realsim.catalogue.RealNamePolicy} (a card's requirement) and {@link com.realsim.card.IdentityQuota} (a slot
 * per bound end user, in the binding's transaction), and listen to the past-tense events of this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cards")
package com.realsim.card;
