package com.realsim.platform;

import com.realsim.platform.AuditedEvent.AuditFacts;
import java.util.List;

/**
 * An event that stands for many audited facts at once — the cards of one order, say — so that one publication and one
 * append of a batch (under one lock of the chain's head) record them all, instead of one publication and one append
 * per fact. Each fact follows the rules of {@link AuditedEvent#auditFacts()}; the trail cannot tell them from facts
 * published one by one.
 */
public interface AuditedEvents {

    /** The facts, in the order they are appended; never empty. */
    List<AuditFacts> auditEntries();
}
