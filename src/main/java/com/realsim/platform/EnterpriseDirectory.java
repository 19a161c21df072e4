package com.realsim.platform;

import java.util.List;
import java.util.Optional;

/**
 * Lets modules below the enterprise module (accounts, for ENTERPRISE_ADMIN users) name and check enterprises
 * without depending on it. The enterprise module provides the bean.
 */
public interface EnterpriseDirectory {

    boolean exists(long enterpriseId);

    /** The enterprise's name, for pages of modules below the enterprise module (an exception request's page). */
    Optional<String> name(long enterpriseId);

    /** Enterprises an ADMIN may attach an account to, by name. */
    List<EnterpriseOption> options();

    /** The ids of the agent's enterprises, in id order, each row locked ({@code FOR UPDATE}) for a hand-over. */
    List<Long> lockEnterprisesOf(long agentId);

    /**
     * The agent holding the enterprise, its row locked for a hand-over; empty when there is no such enterprise or the
     * current actor may not see it.
     */
    Optional<Long> lockAgentOf(long enterpriseId);

    record EnterpriseOption(long id, String name) {}
}
