package com.realsim.verification;

import com.realsim.document.DocumentService;
import com.realsim.document.NewDocument;
import com.realsim.identity.IdDocument;
import com.realsim.identity.IdType;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import com.realsim.testsupport.TestFiles;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** Cases as the order and card modules will open them: photos stored by the submitting agent, then the case. */
public final class VerificationFixtures {

    /** A valid resident ID number (GB 11643) from the shared test vectors. */
    public static final String ID_NUMBER = "120101200709209190";

    /** The agent organisation of subjects whose case an OPS user submits. */
    public static final long OPS_SUBMITTED_AGENT = 999;

    private static final AtomicLong subjects = new AtomicLong(90_000);

    private final VerificationService verifications;
    private final DocumentService documents;

    public VerificationFixtures(VerificationService verifications, DocumentService documents) {
        this.verifications = verifications;
        this.documents = documents;
    }

    public static Actor agent(long agentId) {
        return ActorAuthentication.actor(Role.AGENT, agentId, null);
    }

    public static Actor ops() {
        return ActorAuthentication.actor(Role.OPS, null, null);
    }

    public static IdDocument idDocument() {
        return IdDocument.of(IdType.RESIDENT_ID, ID_NUMBER, "idNumber", LocalDate.now());
    }

    /** A handler's check of an order, submitted by this agent. */
    public VerificationCaseView handlerCase(Actor agent, long enterpriseId) {
        return open(agent, VerificationKind.HANDLER, "ORDER", "ORD-" + subjects.incrementAndGet(), enterpriseId);
    }

    /** An end user's check of a card registered in person by this agent; the ICCID is its label. */
    public VerificationCaseView endUserCase(Actor agent, long enterpriseId) {
        long n = subjects.incrementAndGet();
        return open(agent, VerificationKind.END_USER, "CARD", "8986011" + String.format("%013d", n), enterpriseId);
    }

    private VerificationCaseView open(
            Actor agent, VerificationKind kind, String subjectType, String label, long enterpriseId) {
        long subjectId = subjects.incrementAndGet();
        long agentId = agent.agentId() == null ? OPS_SUBMITTED_AGENT : agent.agentId();
        return RunAs.run(agent, () -> {
            long front = store(agent, agentId, subjectType, subjectId, enterpriseId, "ID_FRONT");
            long live = store(agent, agentId, subjectType, subjectId, enterpriseId, "LIVE_PHOTO");
            return verifications.open(new NewVerificationCase(
                    kind,
                    subjectType,
                    subjectId,
                    label,
                    agentId,
                    enterpriseId,
                    "张三丰",
                    idDocument(),
                    front,
                    null,
                    live,
                    agent));
        });
    }

    private long store(Actor agent, long agentId, String ownerType, long ownerId, long enterpriseId, String kind) {
        return documents
                .store(new NewDocument(
                        ownerType,
                        ownerId,
                        kind,
                        agentId,
                        enterpriseId,
                        Set.of(Role.OPS, Role.AGENT),
                        agent,
                        TestFiles.jpeg()))
                .id();
    }
}
