package com.realsim.faults;

import com.realsim.RealSimApplication;
import com.realsim.card.CardFixtures;
import com.realsim.order.OrderFixtures;
import com.realsim.order.OrderView;
import com.realsim.platform.Actor;
import com.realsim.testsupport.RunAs;
import com.realsim.verification.VerificationService;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application in a process of its own, for {@link ProcessKillTest}: it starts as {@code RealSimApplication}
 * does, prepares a new-installation order of {@code cards} cards up to its handler's comparison, tells the parent
 * {@code READY <orderId> <enterpriseId> <last iccid>}, and when a line arrives on its standard input lets OPS approve
 * the comparison, which completes the order after the commit (in this process), tells {@code APPROVED}, then waits to
 * be killed.
 *
 * <p>The two lines are a protocol between two processes, not a log: they go to standard output, where the parent
 * reads them (the application's log lines are there too, and are passed over). Everything else goes to the log.
 */
public final class OrderCompletionChild {

    /** {@code READY <orderId> <enterpriseId> <last iccid>}: the order waits for its comparison's approval. */
    static final Pattern READY = Pattern.compile("READY (\\d+) (\\d+) (\\d+)");

    /** The comparison was approved: the order's completion runs now. */
    static final String APPROVED = "APPROVED";

    private OrderCompletionChild() {}

    /** One line of the protocol to the parent process (standard output, flushed at once). */
    private static void tell(String line) {
        System.out.println(line);
        System.out.flush();
    }

    public static void main(String[] args) throws Exception {
        int cards = Integer.parseInt(System.getProperty("faults.cards", "200"));
        ConfigurableApplicationContext app = SpringApplication.run(RealSimApplication.class, args);
        OrderFixtures orders = new OrderFixtures(app);
        CardFixtures cardFixtures = new CardFixtures(app);
        long agentId = CardFixtures.newAgent();
        long enterpriseId = cardFixtures.verifiedEnterprise(agentId);
        Actor agent = OrderFixtures.agent(agentId);
        List<String> iccids = orders.inventory(cards, orders.dataOnlyPlan());
        long orderId = orders.submit(agent, OrderFixtures.newInstall(enterpriseId, iccids))
                .id();
        orders.attachDocuments(agent, orderId);
        OrderView photographed = orders.attachHandlerPhoto(agent, orderId);
        tell("READY " + orderId + " " + enterpriseId + " " + iccids.get(cards - 1));

        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        RunAs.run(
                OrderFixtures.ops(),
                () -> app.getBean(VerificationService.class)
                        .approve(photographed.verificationCaseId(), "Same person as the ID"));
        tell(APPROVED);
        Thread.sleep(Long.MAX_VALUE);
    }
}
