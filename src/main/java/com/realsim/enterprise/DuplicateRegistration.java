package com.realsim.enterprise;

/**
 * A record that shares its USCC with the one keeping it: registered before the platform refused a second
 * registration (V230 marked it). OPS resolve it (hand one over, or reject one); nothing was merged or deleted.
 *
 * @param duplicate the record that lost the code
 * @param keeper the record that keeps it
 */
public record DuplicateRegistration(EnterpriseView duplicate, EnterpriseView keeper) {}
