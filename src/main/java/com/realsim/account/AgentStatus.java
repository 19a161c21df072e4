package com.realsim.account;

import com.realsim.platform.Labelled;

/**
 * An agent organisation's qualification: ACTIVE works; SUSPENDED may read and change nothing; REVOKED is final — its
 * accounts and API clients stop, its USCC is on the channel blacklist.
 */
public enum AgentStatus implements Labelled {
    ACTIVE,
    SUSPENDED,
    REVOKED;

    @Override
    public String messageKey() {
        return "account.agent.status." + name();
    }
}
