package com.realsim.demo;

import com.realsim.account.AccountService;
import com.realsim.account.AgentSummary;
import com.realsim.account.NewUser;
import com.realsim.account.UserSummary;
import com.realsim.enterprise.CertificateType;
import com.realsim.enterprise.EnterpriseDocumentKind;
import com.realsim.enterprise.EnterpriseInput;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.enterprise.EnterpriseView;
import com.realsim.identity.IdType;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import java.util.function.Supplier;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo data once (on a database without it) when the {@code demo} profile is active: two agents with their
 * staff, operator staff, enterprises in every state of registration, an enterprise admin, and their cards
 * ({@link DemoCards}). The accounts share the
 * password {@value #PASSWORD}, printed in the log and the README: this profile is for showing, never for real data.
 * Everything goes through the same use cases as the pages, acting as the demo accounts.
 */
@Component
@Profile("demo")
@Order(100)
@RequiredArgsConstructor
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "demo-Pass-2026";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final AccountService accounts;
    private final EnterpriseService enterprises;
    private final DemoCards cards;

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.userExists("demo-ops")) {
            log.info("Demo data is already loaded");
            return;
        }
        AgentSummary south = accounts.createAgent("华南智联通信服务有限公司");
        AgentSummary east = accounts.createAgent("东方物联渠道（上海）有限公司");
        Actor ops = actor(accounts.createUser(new NewUser("demo-ops", PASSWORD, Role.OPS, null, null)));
        Actor ops2 = actor(accounts.createUser(new NewUser("demo-ops2", PASSWORD, Role.OPS, null, null)));
        Actor southAgent =
                actor(accounts.createUser(new NewUser("demo-agent", PASSWORD, Role.AGENT, south.id(), null)));
        Actor eastAgent = actor(accounts.createUser(new NewUser("demo-agent2", PASSWORD, Role.AGENT, east.id(), null)));

        EnterpriseView logistics = verified(southAgent, ops, "福州云链物流科技有限公司", "91350102TX412DMU73", "陈建国");
        EnterpriseView meters = verified(southAgent, ops, "厦门海湾智能表计有限公司", "911201014NBTNY1519", "林晓燕");
        submitted(southAgent, "泉州新能源充电桩运营有限公司", "51330106XF6E5W3KTU", "黄志强");
        draft(southAgent, "莆田智慧农业合作社", "51610113921F3XKBNF", "吴海波");
        verified(eastAgent, ops, "上海浦江共享单车科技有限公司", "91310115MA1H3K8P2R", "周立群");
        accounts.createUser(new NewUser("demo-enterprise", PASSWORD, Role.ENTERPRISE_ADMIN, null, logistics.id()));
        Actor admin = actor(accounts.createUser(new NewUser("demo-admin", PASSWORD, Role.ADMIN, null, null)));
        cards.load(new DemoCards.Cast(admin, ops, ops2, southAgent, logistics.id(), meters.id()));

        log.info(
                "Demo data loaded: sign in as demo-admin, demo-ops, demo-agent, demo-agent2 or demo-enterprise with "
                        + "password {}",
                PASSWORD);
    }

    private EnterpriseView draft(Actor agent, String name, String code, String legalRepresentative) {
        return as(
                agent,
                () -> enterprises.register(new EnterpriseInput(
                        name,
                        CertificateType.USCC,
                        code,
                        "福建省福州市鼓楼区五四路 " + (100 + name.length()) + " 号",
                        legalRepresentative,
                        new EnterpriseInput.PersonInput(
                                legalRepresentative,
                                IdType.RESIDENT_ID,
                                DemoPeople.idNumber(name),
                                "福建省福州市鼓楼区温泉街道",
                                true,
                                null,
                                null))));
    }

    private EnterpriseView submitted(Actor agent, String name, String code, String legalRepresentative) {
        EnterpriseView draft = draft(agent, name, code, legalRepresentative);
        return as(agent, () -> {
            enterprises.attach(draft.id(), EnterpriseDocumentKind.CERTIFICATE, DemoPictures.certificate(name));
            enterprises.attach(
                    draft.id(), EnterpriseDocumentKind.RESPONSIBLE_ID_FRONT, DemoPictures.idCard("Front side"));
            enterprises.attach(
                    draft.id(), EnterpriseDocumentKind.RESPONSIBLE_ID_BACK, DemoPictures.idCard("Back side"));
            return enterprises.submit(draft.id());
        });
    }

    private EnterpriseView verified(Actor agent, Actor ops, String name, String code, String legalRepresentative) {
        EnterpriseView submitted = submitted(agent, name, code, legalRepresentative);
        return as(ops, () -> enterprises.approve(submitted.id()));
    }

    private static Actor actor(UserSummary user) {
        return DemoActors.actor(user);
    }

    private static <T> T as(Actor actor, Supplier<T> work) {
        return DemoActors.as(actor, work);
    }
}
