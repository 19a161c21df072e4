package com.realsim.testsupport;

import com.realsim.account.AccountService;
import com.realsim.account.AgentSummary;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import org.springframework.context.ApplicationContext;

/**
 * Agent organisations that a test suspends or revokes. Many tests act for made-up agent ids (7, 8, 1 …) that no row
 * holds, which the qualification check lets through; a real agent that a test suspends must never take such an id in
 * the shared test database, so the agents' id sequence is moved past them (to 10,000,000) before one is created.
 */
public final class SuspendableAgents {

    static final long FIRST_ID = 10_000_000L;

    private SuspendableAgents() {}

    public static AgentSummary create(ApplicationContext context, String name, String uscc) {
        DatabaseOwner.sql(context.getEnvironment())
                .sql("""
                        SELECT setval(pg_get_serial_sequence('agent_organisation', 'id'),
                                      GREATEST((SELECT COALESCE(max(id), 0) FROM agent_organisation), ?))""")
                .param(FIRST_ID)
                .query(Long.class)
                .single();
        Actor admin = ActorAuthentication.actor(Role.ADMIN, null, null);
        return RunAs.run(admin, () -> context.getBean(AccountService.class).createAgent(name, uscc));
    }
}
