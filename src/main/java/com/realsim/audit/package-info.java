/**
 * The append-only audit trail: every event that implements {@link com.realsim.platform.AuditedEvent}, from any
 * module, is written to a hash-chained table that the database refuses to change, and can be read within the
 * reader's tenant scope and verified. No module depends on this one: a module gets audited by publishing events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package com.realsim.audit;
