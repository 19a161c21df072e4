package com.realsim.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.realsim.platform.Actor;
import com.realsim.platform.ChinaTime;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.FreshNumbers;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The Partner API of barred identities: OPS record (201, the number masked), list, read with the cards held, import
 * CSV with line errors and lift as a second person (the recorder hears 403 {@code SELF_APPROVAL}); a bar over 5
 * years is 400 on {@code validTo}; other roles hear 403.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BarredIdentityApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    final Actor ops = ActorAuthentication.actor(Role.OPS, null, null);

    MockHttpServletResponse post(String path, Actor actor, MediaType type, String body) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post(path)
                        .contentType(type)
                        .content(body)
                        .accept(MediaType.APPLICATION_JSON)
                        .with(ActorAuthentication.as(actor)))
                .andReturn()
                .getResponse();
    }

    String bar(String idNumber, LocalDate from, LocalDate to) {
        return """
                {"subjectType": "PERSON", "idType": "RESIDENT_ID", "idNumber": "%s", "basis": "闽公通〔2026〕40号",
                 "validFrom": "%s", "validTo": "%s", "reason": "出租电话卡"}""".formatted(idNumber, from, to);
    }

    @Test
    void opsRecordReadAndLiftABarAndTheNumberIsNeverShownInClear() throws Exception {
        LocalDate today = ChinaTime.today(clock);
        String person = FreshNumbers.residentIdNumber();
        MockHttpServletResponse created = post(
                "/api/v1/barred-identities", ops, MediaType.APPLICATION_JSON, bar(person, today, today.plusYears(2)));
        assertThat(created.getStatus()).isEqualTo(201);
        String body = created.getContentAsString();
        assertThat(body).doesNotContain(person).contains("\"status\":\"ACTIVE\"", "\"inForce\":true");
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();

        MockHttpServletResponse read = mvc.perform(MockMvcRequestBuilders.get("/api/v1/barred-identities/" + id)
                        .with(ActorAuthentication.as(ops)))
                .andReturn()
                .getResponse();
        assertThat(read.getStatus()).isEqualTo(200);
        assertThat(read.getContentAsString()).doesNotContain(person).contains("\"cardsHeld\":[]");
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/v1/barred-identities?size=5")
                                .with(ActorAuthentication.as(ops)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("\"items\"")
                .doesNotContain(person);

        MockHttpServletResponse self = post(
                "/api/v1/barred-identities/" + id + "/lift", ops, MediaType.APPLICATION_JSON, "{\"reason\": \"申诉成立\"}");
        assertThat(self.getStatus()).isEqualTo(403);
        assertThat(self.getContentAsString()).contains("\"code\":\"SELF_APPROVAL\"");
        MockHttpServletResponse lifted = post(
                "/api/v1/barred-identities/" + id + "/lift",
                ActorAuthentication.actor(Role.OPS, null, null),
                MediaType.APPLICATION_JSON,
                "{\"reason\": \"申诉成立\"}");
        assertThat(lifted.getStatus()).isEqualTo(200);
        assertThat(lifted.getContentAsString()).contains("\"status\":\"LIFTED\"");
    }

    @Test
    void aBarOverFiveYearsIsRefusedOnItsEnd() throws Exception {
        LocalDate today = ChinaTime.today(clock);
        MockHttpServletResponse refused = post(
                "/api/v1/barred-identities",
                ops,
                MediaType.APPLICATION_JSON,
                bar(FreshNumbers.residentIdNumber(), today, today.plusYears(5).plusDays(1)));
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("\"field\":\"validTo\"");
    }

    @Test
    void aCsvImportAnswersTheRefusedLines() throws Exception {
        LocalDate today = ChinaTime.today(clock);
        String csv = "subjectType,idType,idNumber,uscc,basis,validFrom,validTo,reason\n"
                + "ENTERPRISE,,," + FreshNumbers.uscc() + ",闽公通〔2026〕41号," + today + "," + today.plusYears(2)
                + ",收购电话卡\n"
                + "ENTERPRISE,,,NOT-A-USCC,闽公通〔2026〕42号," + today + "," + today.plusYears(2) + ",收购电话卡\n";
        MockHttpServletResponse answer =
                post("/api/v1/barred-identities/import", ops, MediaType.parseMediaType("text/csv"), csv);
        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getContentAsString())
                .contains("\"recorded\":1", "\"line\":3", "\"field\":\"uscc\"", "\"code\":\"INVALID_USCC\"");
    }

    @Test
    void otherRolesMayNotTouchBars() throws Exception {
        LocalDate today = ChinaTime.today(clock);
        for (Actor other : new Actor[] {
            ActorAuthentication.actor(Role.ADMIN, null, null),
            ActorAuthentication.actor(Role.AGENT, 1L, null),
            ActorAuthentication.actor(Role.ENTERPRISE_ADMIN, null, 1L)
        }) {
            MockHttpServletResponse refused = post(
                    "/api/v1/barred-identities",
                    other,
                    MediaType.APPLICATION_JSON,
                    bar(FreshNumbers.residentIdNumber(), today, today.plusYears(1)));
            assertThat(refused.getStatus()).as("%s", other.role()).isEqualTo(403);
            assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/v1/barred-identities")
                                    .with(ActorAuthentication.as(other)))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(403);
        }
    }
}
