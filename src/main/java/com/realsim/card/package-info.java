/**
 * Cards: the Card aggregate with its lifecycle and stack of blocking reasons, end users bound to cards with the
 * one-ID-N-cards counter, activation on the real-name facts as they stand, usage and the cancellation cycle.
 *
 * <p>Other modules call {@link com.realsim.card.CardService} (people's reads and acts, through their tenant scope),
 * {@link com.realsim.card.EndUserService} (binding end users, their photos, self-service links), {@link
 * com.realsim.card.CardUsageService} (the usage feed), {@link com.realsim.card.CardsForOrders} (what business orders
 * check and do) and {@link com.realsim.card.CardControl} (the system's look-ups and acts), and the values and views
 * these take and answer. Two named interfaces add to that: {@code events} (what the module publishes) and {@code
 * inventory} (the import). The aggregates, their repositories and collaborators live in {@code domain}, which no other
 * module — and none of this module's pages and API — may use. The catalogue (plans, operators, rules) is its own
 * module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cards")
package com.realsim.card;
