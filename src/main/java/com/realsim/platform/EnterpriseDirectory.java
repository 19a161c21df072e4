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

    record EnterpriseOption(long id, String name) {}
}
