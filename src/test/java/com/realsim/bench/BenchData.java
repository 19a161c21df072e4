package com.realsim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.account.AccountService;
import com.realsim.account.ApiClientService;
import com.realsim.account.IssuedCredentials;
import com.realsim.account.NewApiClient;
import com.realsim.card.inventory.CardImportService;
import com.realsim.catalogue.NewServicePlan;
import com.realsim.catalogue.ServiceDirection;
import com.realsim.catalogue.ServicePlanService;
import com.realsim.enterprise.EnterpriseFixtures;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.enterprise.EnterpriseView;
import com.realsim.platform.Actor;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.PartnerApiClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationContext;

/**
 * What the benchmarks over the Partner API start from, made through the real modules before anything is measured: a
 * data plan of their own, inventory cards imported through the real import (with the time it took, a ceiling some
 * benchmarks compare with), and an agent with a verified enterprise whose AGENT client is signed in.
 */
final class BenchData {

    static final Actor ADMIN = ActorAuthentication.actor(Role.ADMIN, null, null);
    static final Actor OPS = ActorAuthentication.actor(Role.OPS, null, null);

    private final ApplicationContext context;

    BenchData(ApplicationContext context) {
        this.context = context;
    }

    /** A non-directional data plan that no rule ties to an end user's identity. */
    void dataPlan(String code, String name) {
        context.getBean(ServicePlanService.class)
                .create(
                        new NewServicePlan(
                                code, name, false, ServiceDirection.NONE, ServiceDirection.NONE, false, false),
                        ADMIN);
    }

    /** An agent of its own, its verified enterprise, and its AGENT client signed in over HTTP. */
    record Agent(long id, EnterpriseView enterprise, PartnerApiClient api) {}

    Agent agent(String name, int port) {
        long agentId = context.getBean(AccountService.class).createAgent(name).id();
        EnterpriseView enterprise = new EnterpriseFixtures(context.getBean(EnterpriseService.class))
                .verified(agentId, EnterpriseFixtures.code(0));
        IssuedCredentials credentials = context.getBean(ApiClientService.class)
                .create(new NewApiClient(name + " agent", Role.AGENT, agentId, null), ADMIN);
        return new Agent(
                agentId,
                enterprise,
                PartnerApiClient.signedIn(port, credentials.clientId(), credentials.clientSecret()));
    }

    record Imported(List<String> iccids, Duration took) {}

    /**
     * {@code count} China Mobile cards of the plan imported by OPS in one file: ICCIDs from {@code first} on (serial
     * numbers, with their check digit), numbers in the segment, all of them stored.
     */
    Imported importCards(int count, long first, String segment, String plan, String fileName) {
        StringBuilder csv = new StringBuilder("iccid,msisdn,imsi,operator,planCode\n");
        List<String> iccids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String iccid = luhn("8986" + String.format("%015d", first + i));
            iccids.add(iccid);
            csv.append(iccid)
                    .append(',')
                    .append(segment)
                    .append(String.format("%09d", (first / 1_000_000_000L) * 100_000 + i))
                    .append(',')
                    .append(String.format("460%012d", first / 100 + i))
                    .append(",CHINA_MOBILE,")
                    .append(plan)
                    .append('\n');
        }
        long start = System.nanoTime();
        var result = context.getBean(CardImportService.class)
                .importNow(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), fileName, OPS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(result.imported()).as(fileName + " imported").isEqualTo(count);
        return new Imported(iccids, took);
    }

    private static String luhn(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return body + (10 - sum % 10) % 10;
    }
}
