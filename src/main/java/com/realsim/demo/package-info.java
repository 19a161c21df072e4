/**
 * Sample data for the {@code demo} profile only: believable agents, accounts, enterprises and cards, so that a
 * visitor sees a living system. Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package com.realsim.demo;
