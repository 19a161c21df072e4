/**
 * Accounts: agent organisations, browser users with their one role and tenant, login throttling, and the bootstrap
 * of the first administrator.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package com.realsim.account;
