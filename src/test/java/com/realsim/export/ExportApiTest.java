package com.realsim.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.jayway.jsonpath.JsonPath;
import com.realsim.enterprise.EnterpriseView;
import com.realsim.order.OrderFixtures;
import com.realsim.platform.Actor;
import com.realsim.testsupport.ActorAuthentication;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Exports over the Partner API and the page, as the contract says: create answers 202 QUEUED, the status is followed
 * to DONE with its rows and progress, the file is the list with a header row (409 before DONE), a refused filter is
 * 400 naming the field; the page makes an export and shows its progress and the download.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ExportApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    MockHttpServletResponse call(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
        return mvc.perform(request.with(ActorAuthentication.as(actor)))
                .andReturn()
                .getResponse();
    }

    MockHttpServletResponse json(MockHttpServletRequestBuilder request, Actor actor, String body) throws Exception {
        return call(
                request.accept(MediaType.APPLICATION_JSON)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                actor);
    }

    @Test
    void anExportIsCreatedFollowedAndDownloadedAsTheContractSays() throws Exception {
        OrderFixtures fixtures = new OrderFixtures(context);
        long agentId = OrderFixtures.newAgentId();
        EnterpriseView enterprise = fixtures.verifiedEnterprise(agentId);
        List<String> iccids = fixtures.enterpriseCards(2, fixtures.dataOnlyPlan(), agentId, enterprise.id());
        Actor agent = OrderFixtures.agent(agentId);

        MockHttpServletResponse refused = json(
                MockMvcRequestBuilders.post("/api/v1/exports"),
                agent,
                "{\"kind\":\"CARDS\",\"format\":\"CSV\",\"filter\":{\"type\":\"NEW_INSTALL\"}}");
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("\"field\":\"filter.type\"");

        MockHttpServletResponse created = json(
                MockMvcRequestBuilders.post("/api/v1/exports"),
                agent,
                "{\"kind\":\"CARDS\",\"format\":\"CSV\",\"filter\":{\"enterpriseId\":\"" + enterprise.id() + "\"}}");
        assertThat(created.getStatus()).isEqualTo(202);
        assertThat((String) JsonPath.read(created.getContentAsString(), "$.status"))
                .isIn("QUEUED", "RUNNING", "DONE");
        long id = ((Number) JsonPath.read(created.getContentAsString(), "$.id")).longValue();

        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> JsonPath.read(
                                call(MockMvcRequestBuilders.get("/api/v1/exports/" + id), agent)
                                        .getContentAsString(),
                                "$.status")
                        .equals("DONE"));
        String status =
                call(MockMvcRequestBuilders.get("/api/v1/exports/" + id), agent).getContentAsString();
        assertThat((Integer) JsonPath.read(status, "$.rows")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(status, "$.progress")).isEqualTo(100);
        assertThat((String) JsonPath.read(status, "$.expiresAt")).isNotBlank();

        MockHttpServletResponse file = call(MockMvcRequestBuilders.get("/api/v1/exports/" + id + "/file"), agent);
        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getContentType()).startsWith("text/csv");
        assertThat(file.getHeader("Content-Disposition")).contains("realsim-cards-" + id + ".csv");
        String[] lines = new String(file.getContentAsByteArray(), StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines[0]).startsWith("iccid,msisdn,imsi,operator,plan,state,enterprise");
        assertThat(lines).hasSize(3);
        assertThat(lines[1] + lines[2]).contains(iccids.get(0), iccids.get(1));

        // the page: the form makes one and the export's page shows its progress, then its download
        MockHttpServletResponse posted = call(
                MockMvcRequestBuilders.post("/exports")
                        .param("kind", "ORDERS")
                        .param("format", "XLSX")
                        .param("state", "ACTIVE") // a card filter: not the orders', left out
                        .with(csrf()),
                agent);
        assertThat(posted.getStatus()).isEqualTo(302);
        String page = posted.getRedirectedUrl();
        assertThat(page).matches("/exports/\\d+");
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> call(MockMvcRequestBuilders.get(page), agent)
                        .getContentAsString()
                        .contains("id=\"export-download\""));
        assertThat(call(MockMvcRequestBuilders.get(page + "/progress"), agent).getHeader("HX-Refresh"))
                .isEqualTo("true");
        MockHttpServletResponse xlsx = call(MockMvcRequestBuilders.get(page + "/file"), agent);
        assertThat(xlsx.getStatus()).isEqualTo(200);
        assertThat(xlsx.getContentAsByteArray()).startsWith((byte) 'P', (byte) 'K');

        MockHttpServletResponse missingPeriod = call(
                MockMvcRequestBuilders.post("/exports")
                        .param("kind", "OPERATOR_REPORT")
                        .param("format", "CSV")
                        .with(csrf()),
                agent);
        assertThat(missingPeriod.getStatus()).isEqualTo(200);
        assertThat(missingPeriod.getContentAsString()).contains("is-invalid");
    }
}
