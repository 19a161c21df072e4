package com.realsim.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * How the audit tests link entries they build or rewrite (a forger with the database, entries of before the key): by
 * the trail's own rules, {@link HashChain#hash} (plain SHA-256) or {@link ChainKey#link} (keyed), applied as the trail
 * applies them when it appends (the entry with its {@code prevHash}, then its link over that).
 */
final class ChainLinks {

    /** A rule that links an entry to the link before it. */
    interface Rule {
        String link(String prevHash, AuditEntry entry);
    }

    /** The rule of the entries recorded before the chain was keyed. */
    static final Rule PLAIN = HashChain::hash;

    private ChainLinks() {}

    /** The entry as the link after {@code prevHash} by the rule. */
    static AuditEntry linked(AuditEntry entry, String prevHash, Rule rule) {
        AuditEntry unlinked = entry.withLinks(prevHash, null);
        return unlinked.withLinks(prevHash, rule.link(prevHash, unlinked));
    }

    /** The entries relinked in their order by the rule, the first after {@code prevHash}. */
    static List<AuditEntry> linked(List<AuditEntry> entries, String prevHash, Rule rule) {
        List<AuditEntry> linked = new ArrayList<>(entries.size());
        String prev = prevHash;
        for (AuditEntry entry : entries) {
            AuditEntry next = linked(entry, prev, rule);
            linked.add(next);
            prev = next.hash();
        }
        return linked;
    }
}
