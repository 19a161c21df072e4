/**
 * Risk monitoring (issue 13): the rules of domain-rules.md "Risk monitoring" as data (code, severity, parameters with
 * their ranges, on/off), scans that run each enabled rule as one set-based SQL statement over all cards, and the
 * alerts they open (one open alert per rule and subject, severity only rises, a dismissed alert stays quiet for the
 * cooldown) for OPS to work.
 *
 * <p>This is the top module: it listens and reads, and nothing below it depends on it. It reads what the rules need
 * from the tables of the card, identity, order and enterprise modules through read-only SQL kept in this module (the
 * rules' statements), never by writing them; what it changes on a card it changes through the card module's services.
 * The sub-package {@code channels} belongs to the agent figures (alerts counted per agent).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Risk monitoring")
package com.realsim.risk;
