package com.realsim.enterprise;

/**
 * What the card module asks before a card may work: the enterprise-level real-name (a verified enterprise with a
 * current responsible person whose authorisation holds).
 */
public record EnterpriseStanding(long enterpriseId, long agentId, boolean verified, boolean responsiblePersonCurrent) {

    public boolean complete() {
        return verified && responsiblePersonCurrent;
    }
}
