package com.realsim.demo;

import com.realsim.account.AccountService;
import com.realsim.account.AgentSummary;
import com.realsim.account.NewUser;
import com.realsim.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo data once (on a database without it) when the {@code demo} profile is active. The accounts share
 * the password {@value #PASSWORD}, printed in the log and the README: this profile is for showing, never for real
 * data.
 */
@Component
@Profile("demo")
@Order(100)
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "demo-Pass-2026";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final AccountService accounts;

    DemoData(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.userExists("demo-ops")) {
            log.info("Demo data is already loaded");
            return;
        }
        AgentSummary south = accounts.createAgent("华南智联通信服务有限公司");
        AgentSummary east = accounts.createAgent("东方物联渠道（上海）有限公司");
        accounts.createUser(new NewUser("demo-admin", PASSWORD, Role.ADMIN, null, null));
        accounts.createUser(new NewUser("demo-ops", PASSWORD, Role.OPS, null, null));
        accounts.createUser(new NewUser("demo-ops2", PASSWORD, Role.OPS, null, null));
        accounts.createUser(new NewUser("demo-agent", PASSWORD, Role.AGENT, south.id(), null));
        accounts.createUser(new NewUser("demo-agent2", PASSWORD, Role.AGENT, east.id(), null));
        log.info(
                "Demo data loaded: sign in as demo-admin, demo-ops, demo-agent or demo-agent2 with password {}",
                PASSWORD);
    }
}
