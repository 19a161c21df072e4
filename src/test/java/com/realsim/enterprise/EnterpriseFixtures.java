package com.realsim.enterprise;

import com.realsim.identity.IdType;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.FreshNumbers;
import com.realsim.testsupport.RunAs;
import com.realsim.testsupport.TestFiles;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test data builders for enterprises: a valid registration input, and an enterprise taken through registration,
 * documents, submission and approval, as the agent and an OPS user would.
 */
public final class EnterpriseFixtures {

    /** A valid resident ID number (GB 11643) from the shared test vectors. */
    public static final String ID_NUMBER = "120101200709209190";

    public static final String OTHER_ID_NUMBER = "420106199810051639";

    private static final AtomicInteger sequence = new AtomicInteger();

    private final EnterpriseService enterprises;

    public EnterpriseFixtures(EnterpriseService enterprises) {
        this.enterprises = enterprises;
    }

    public static EnterpriseInput input(String name, String code) {
        return new EnterpriseInput(
                name,
                CertificateType.USCC,
                code,
                "福建省福州市鼓楼区五四路 100 号",
                "张三",
                new EnterpriseInput.PersonInput(
                        "张三", IdType.RESIDENT_ID, ID_NUMBER, "福建省福州市鼓楼区五四路 100 号", true, null, null));
    }

    /**
     * A valid code no other registration of the run uses: one USCC is one enterprise on the whole platform. The index
     * only tells a test's enterprises apart where it reads better; two calls never give the same code.
     */
    public static String code(int index) {
        return FreshNumbers.uscc();
    }

    public static Actor agent(long agentId) {
        return ActorAuthentication.actor(Role.AGENT, agentId, null);
    }

    public static Actor ops() {
        return ActorAuthentication.actor(Role.OPS, null, null);
    }

    /** A registration saved as a draft by a new actor of this agent. */
    public EnterpriseView draft(long agentId, String code) {
        return RunAs.run(agent(agentId), () -> enterprises.register(input("测试企业 " + sequence.incrementAndGet(), code)));
    }

    /** A registration with its documents, submitted, and approved by OPS. */
    public EnterpriseView verified(long agentId, String code) {
        return verify(agentId, draft(agentId, code).id());
    }

    /** A draft of this agent completed with its documents, submitted, and approved by OPS. */
    public EnterpriseView verify(long agentId, long draftId) {
        RunAs.run(agent(agentId), () -> {
            enterprises.attach(draftId, EnterpriseDocumentKind.CERTIFICATE, TestFiles.jpeg());
            enterprises.attach(draftId, EnterpriseDocumentKind.RESPONSIBLE_ID_FRONT, TestFiles.jpeg());
            enterprises.attach(draftId, EnterpriseDocumentKind.RESPONSIBLE_ID_BACK, TestFiles.png());
            enterprises.submit(draftId);
        });
        return RunAs.run(ops(), () -> enterprises.approve(draftId));
    }

    static LocalDate daysFromToday(int days) {
        return LocalDate.now().plusDays(days);
    }
}
