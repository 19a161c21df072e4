package com.realsim.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.realsim.enterprise.EnterpriseFixtures;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.platform.Role;
import com.realsim.testsupport.ActorAuthentication;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Audited unmasking through the API and the page fragment, of a real enterprise's responsible person (the enterprise
 * module's {@link PersonalDataSource}); and the identity constraints as a REST request reports them.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
@Import(UnmaskTest.ConstraintProbe.class)
class UnmaskTest {

    /** The responsible person's ID number of every enterprise the fixtures register. */
    static final String CLEAR = EnterpriseFixtures.ID_NUMBER;

    static final String ENTERPRISE = "ENTERPRISE";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    EnterpriseService enterprises;

    /** An enterprise registered by an agent (a draft), whose responsible person's number is sealed. */
    long enterprise;

    @BeforeEach
    void aRegisteredEnterprise() {
        long agentId = ThreadLocalRandom.current().nextLong(1_000_000L, 9_000_000L);
        enterprise = new EnterpriseFixtures(enterprises)
                .draft(agentId, EnterpriseFixtures.code(0))
                .id();
    }

    @Test
    void opsAndAdminSeeTheClearValueThroughTheApiAndTheActIsRecordedWithoutIt() {
        for (Role role : new Role[] {Role.OPS, Role.ADMIN}) {
            MvcTestResult result = apiUnmask(role, ENTERPRISE, enterprise, "responsiblePerson.idNumber", "客户投诉核实身份");
            assertThat(result)
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.value")
                    .isEqualTo(CLEAR);
            assertThat(result).headers().hasValue("Cache-Control", "no-store");
        }

        assertThat(events.stream(PersonalDataUnmasked.class)).hasSize(2).allSatisfy(event -> {
            assertThat(event.targetType()).isEqualTo(ENTERPRISE);
            assertThat(event.targetId()).isEqualTo(enterprise);
            assertThat(event.field()).isEqualTo("responsiblePerson.idNumber");
            assertThat(event.reason()).isEqualTo("客户投诉核实身份");
            assertThat(event.auditFacts().action()).isEqualTo("PERSONAL_DATA_UNMASKED");
            assertThat(event.auditFacts().details()).containsEntry("reason", "客户投诉核实身份");
            assertThat(event.toString()).doesNotContain(CLEAR);
            assertThat(event.auditFacts().toString()).doesNotContain(CLEAR);
        });
        assertThat(events.stream(PersonalDataUnmasked.class).map(PersonalDataUnmasked::role))
                .containsExactly(Role.OPS, Role.ADMIN);
    }

    @Test
    void agentsAndEnterpriseAdminsMayNotUnmask() {
        for (Role role : new Role[] {Role.AGENT, Role.ENTERPRISE_ADMIN}) {
            assertThat(apiUnmask(role, ENTERPRISE, enterprise, "responsiblePerson.idNumber", "just curious"))
                    .hasStatus(HttpStatus.FORBIDDEN)
                    .bodyJson()
                    .extractingPath("$.code")
                    .isEqualTo("FORBIDDEN");
            assertThat(pageUnmask(role, enterprise, "just curious", true)).hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(events.stream(PersonalDataUnmasked.class)).isEmpty();
    }

    @Test
    void aReasonOfFewerThanFiveCharactersIsRefused() {
        assertThat(apiUnmask(Role.OPS, ENTERPRISE, enterprise, "responsiblePerson.idNumber", "看看"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("reason");
        assertThat(apiUnmask(Role.OPS, ENTERPRISE, enterprise, "responsiblePerson.idNumber", "   ab     "))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText()
                .doesNotContain(CLEAR);
        assertThat(events.stream(PersonalDataUnmasked.class)).isEmpty();
    }

    @Test
    void anUnknownTargetOrARecordOutOfScopeIsNotFound() {
        assertThat(apiUnmask(Role.OPS, "NO_SUCH_TYPE", 1, "responsiblePerson.idNumber", "audit request 42"))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(apiUnmask(
                        Role.OPS, ENTERPRISE, enterprise + 1_000_000, "responsiblePerson.idNumber", "audit request 42"))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(apiUnmask(Role.OPS, ENTERPRISE, enterprise, "unknownField", "audit request 42"))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(events.stream(PersonalDataUnmasked.class)).isEmpty();
    }

    @Test
    void thePageFragmentSwapsInTheValueForOneUncachedResponse() {
        MvcTestResult result = pageUnmask(Role.OPS, enterprise, "customer called to verify", true);
        assertThat(result).hasStatusOk();
        assertThat(result).headers().hasValue("Cache-Control", "no-store");
        assertThat(result)
                .bodyText()
                .contains("data-unmasked=\"true\"")
                .contains(CLEAR)
                .doesNotContain("<html");
        assertThat(events.stream(PersonalDataUnmasked.class)).hasSize(1);
    }

    @Test
    void withoutHtmxAPageShowsTheValue() {
        assertThat(pageUnmask(Role.ADMIN, enterprise, "customer called to verify", false))
                .hasStatusOk()
                .bodyText()
                .contains("<html")
                .contains(CLEAR);
    }

    @Test
    void aShortReasonOnThePageShowsTheFormAgainWithTheRule() {
        MvcTestResult result = pageUnmask(Role.OPS, enterprise, "ab", true);
        assertThat(result)
                .hasStatusOk()
                .bodyText()
                .contains("class=\"unmask-form")
                .contains("Give a reason of 5 to 500 characters.")
                .contains("name=\"targetType\" value=\"ENTERPRISE\"")
                .doesNotContain(CLEAR);
        assertThat(events.stream(PersonalDataUnmasked.class)).isEmpty();
    }

    @Test
    void withoutHtmxAShortReasonShowsAPageWithTheFormAndTheRule() {
        assertThat(pageUnmask(Role.OPS, enterprise, "ab", false))
                .hasStatusOk()
                .bodyText()
                .contains("<html")
                .contains("class=\"unmask-form")
                .contains("hx-post=\"/personal-data/unmask\"")
                .contains("name=\"_csrf\"")
                .contains("Give a reason of 5 to 500 characters.")
                .doesNotContain(CLEAR);
    }

    @Test
    void aPagePostWithoutCsrfTokenIsRefused() {
        assertThat(mvc.post()
                        .uri("/personal-data/unmask")
                        .param("targetType", ENTERPRISE)
                        .param("targetId", String.valueOf(enterprise))
                        .param("field", "responsiblePerson.idNumber")
                        .param("reason", "customer called to verify")
                        .with(ActorAuthentication.as(Role.OPS)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(events.stream(PersonalDataUnmasked.class)).isEmpty();
    }

    @Test
    void constraintViolationsAnswerTheirOwnCodesOnTheNamedFieldsWithoutTheNumber() {
        assertThat(probe("""
                        {"certificateNumber": "91350100M000100Y44",
                         "responsiblePerson": {"idType": "RESIDENT_ID", "idNumber": "110105199809181032"}}""")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.code").isEqualTo("VALIDATION_FAILED");
            assertThat(json)
                    .extractingPath("$.errors[?(@.field=='certificateNumber')].code")
                    .asArray()
                    .containsExactly("INVALID_USCC");
            assertThat(json)
                    .extractingPath("$.errors[?(@.field=='responsiblePerson.idNumber')].code")
                    .asArray()
                    .containsExactly("INVALID_ID_NUMBER");
            assertThat(json)
                    .extractingPath("$.errors[?(@.field=='responsiblePerson.idNumber')].message")
                    .asArray()
                    .containsExactly("Not a valid number for this type of ID document.");
        });
        assertThat(probe("""
                        {"certificateNumber": "91350100m000100y43",
                         "responsiblePerson": {"idType": "PASSPORT", "idNumber": "110105199809181032"}}""")).hasStatusOk();
        assertThat(probe("""
                        {"certificateNumber": "91350100M000100Y43",
                         "responsiblePerson": {"idType": "HK_MACAU_PERMIT", "idNumber": "110105199809181032"}}"""))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText()
                .contains("\"code\":\"INVALID_ID_NUMBER\"")
                .doesNotContain("110105199809181032");
    }

    private MvcTestResult probe(String body) {
        return mvc.post()
                .uri("/api/v1/test/identity-probe")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "en")
                .content(body)
                .with(ActorAuthentication.as(Role.AGENT))
                .exchange();
    }

    private MvcTestResult apiUnmask(Role role, String targetType, long targetId, String field, String reason) {
        return mvc.post()
                .uri("/api/v1/personal-data/unmask")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"targetType\":\"%s\",\"targetId\":%d,\"field\":\"%s\",\"reason\":\"%s\"}"
                        .formatted(targetType, targetId, field, reason))
                .with(ActorAuthentication.as(role))
                .exchange();
    }

    private MvcTestResult pageUnmask(Role role, long targetId, String reason, boolean htmx) {
        var request = mvc.post()
                .uri("/personal-data/unmask")
                .param("targetType", ENTERPRISE)
                .param("targetId", String.valueOf(targetId))
                .param("field", "responsiblePerson.idNumber")
                .param("reason", reason)
                .header("Accept-Language", "en")
                .with(csrf())
                .with(ActorAuthentication.as(role));
        if (htmx) {
            request = request.header("HX-Request", "true");
        }
        return request.exchange();
    }

    @RestController
    @PreAuthorize("hasAnyRole('AGENT')")
    static class ConstraintProbe {

        @PostMapping("/api/v1/test/identity-probe")
        String probe(@Valid @RequestBody ProbeRequest request) {
            return "ok";
        }

        record ProbeRequest(
                @NotBlank @ValidUscc String certificateNumber,
                @NotNull @Valid Person responsiblePerson) {}

        @ValidIdDocument(typeField = "idType", numberField = "idNumber")
        record Person(@NotNull IdType idType, @NotBlank String idNumber) {}
    }
}
