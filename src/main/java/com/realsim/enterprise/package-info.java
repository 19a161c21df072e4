/**
 * Enterprise customers (政企客户): registration by agents, review by OPS, the responsible person (责任人), change
 * requests for verified records with their history, and the standing other modules ask about before a card may work.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Enterprises")
package com.realsim.enterprise;
