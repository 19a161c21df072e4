package com.realsim.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.jayway.jsonpath.JsonPath;
import com.realsim.approval.ExceptionKind;
import com.realsim.approval.ExceptionService;
import com.realsim.card.BlockingReason;
import com.realsim.card.CardFixtures;
import com.realsim.card.CardService;
import com.realsim.card.CardUsageService;
import com.realsim.card.EndUserService;
import com.realsim.enterprise.EnterpriseFixtures;
import com.realsim.enterprise.EnterpriseService;
import com.realsim.enterprise.EnterpriseView;
import com.realsim.export.ExportFormat;
import com.realsim.export.ExportKind;
import com.realsim.export.Exports;
import com.realsim.identity.BarSubject;
import com.realsim.identity.BarredIdentities;
import com.realsim.identity.IdDocument;
import com.realsim.identity.NewBar;
import com.realsim.order.OrderDocumentKind;
import com.realsim.order.OrderFixtures;
import com.realsim.order.OrderService;
import com.realsim.order.OrderView;
import com.realsim.platform.Actor;
import com.realsim.platform.ChinaTime;
import com.realsim.platform.Role;
import com.realsim.risk.AlertFilter;
import com.realsim.risk.RiskAlerts;
import com.realsim.risk.RiskScans;
import com.realsim.risk.RuleCode;
import com.realsim.risk.ScanView;
import com.realsim.risk.appeals.RiskAppeals;
import com.realsim.testsupport.ActorAuthentication;
import com.realsim.testsupport.RunAs;
import com.realsim.testsupport.TestFiles;
import com.realsim.webhook.Webhooks;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Tenant isolation for every endpoint with a path variable, generated from the registered request mappings: an
 * AGENT of another agent, an ENTERPRISE_ADMIN of another agent's enterprise and an ENTERPRISE_ADMIN of a sibling
 * enterprise of the same agent ask for tenant A's records and hear 404, exactly as for a record that does not exist
 * (403 only where their role may not call the endpoint at all, from {@link #REFUSED_ROLES}). Tenant A's own users
 * read the same records (200), so each 404 is about the tenant and not about a missing record.
 *
 * <p>A mapping whose path variable is neither in the fixture registry ({@link #FIXTURES}) nor in the table of
 * variables that are no tenant's record ({@link #NOT_TENANT_OWNED}) fails the build: a new endpoint cannot be
 * missed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TenantIsolationTest {

    /** The kinds of tenant-owned record a path variable names. */
    enum Kind {
        ENTERPRISE_ID,
        CHANGE_REQUEST_ID,
        ORDER_ID,
        VERIFICATION_ID,
        EXCEPTION_ID,
        CARD_ICCID,
        CARD_ID,
        DOCUMENT_ID,
        RISK_ALERT_ID,
        RISK_APPEAL_ID,
        EXPORT_ID,
        WEBHOOK_ID,
        CARD_BULK_ID
    }

    /**
     * The fixture registry: a mapping whose pattern is one of these prefixes, or continues it with {@code /...}
     * (without another variable), names a record of this kind. Each kind gets a record of tenant A below.
     */
    static final Map<String, Kind> FIXTURES = new LinkedHashMap<>();

    static {
        FIXTURES.put("/api/v1/enterprises/{id}", Kind.ENTERPRISE_ID);
        FIXTURES.put("/api/v1/enterprise-changes/{id}", Kind.CHANGE_REQUEST_ID);
        FIXTURES.put("/api/v1/orders/{id}", Kind.ORDER_ID);
        FIXTURES.put("/api/v1/verifications/{id}", Kind.VERIFICATION_ID);
        FIXTURES.put("/api/v1/exceptions/{id}", Kind.EXCEPTION_ID);
        FIXTURES.put("/api/v1/cards/{iccid}", Kind.CARD_ICCID);
        FIXTURES.put("/enterprises/{id}", Kind.ENTERPRISE_ID);
        FIXTURES.put("/enterprise-changes/{id}", Kind.CHANGE_REQUEST_ID);
        FIXTURES.put("/orders/{id}", Kind.ORDER_ID);
        FIXTURES.put("/verifications/{id}", Kind.VERIFICATION_ID);
        FIXTURES.put("/exceptions/{id}", Kind.EXCEPTION_ID);
        FIXTURES.put("/cards/{id}", Kind.CARD_ID);
        FIXTURES.put("/documents/{id}", Kind.DOCUMENT_ID);
        FIXTURES.put("/api/v1/risk/alerts/{id}", Kind.RISK_ALERT_ID);
        FIXTURES.put("/risk/alerts/{id}", Kind.RISK_ALERT_ID);
        FIXTURES.put("/api/v1/risk/appeals/{id}", Kind.RISK_APPEAL_ID);
        FIXTURES.put("/risk/appeals/{id}", Kind.RISK_APPEAL_ID);
        FIXTURES.put("/risk/flagged/{iccid}", Kind.CARD_ICCID);
        FIXTURES.put("/api/v1/exports/{id}", Kind.EXPORT_ID);
        FIXTURES.put("/exports/{id}", Kind.EXPORT_ID);
        FIXTURES.put("/api/v1/webhooks/{id}", Kind.WEBHOOK_ID);
        FIXTURES.put("/api/v1/cards/bulk-actions/{id}", Kind.CARD_BULK_ID);
        FIXTURES.put("/cards/bulk/{id}", Kind.CARD_BULK_ID);
    }

    /** A path variable that is no tenant's record, why, and whether tenant roles are refused the whole endpoint. */
    record NotTenantOwned(String reason, Optional<String> sample) {

        /** Only ADMIN or OPS may call it: AGENT and ENTERPRISE_ADMIN hear 403 (checked with this sample value). */
        static NotTenantOwned refusedToTenants(String sample, String reason) {
            return new NotTenantOwned(reason, Optional.of(sample));
        }

        static NotTenantOwned open(String reason) {
            return new NotTenantOwned(reason, Optional.empty());
        }
    }

    /** Mappings (by prefix, as in {@link #FIXTURES}) whose variable names no tenant's record. */
    static final Map<String, NotTenantOwned> NOT_TENANT_OWNED = new LinkedHashMap<>();

    static {
        // A carrier's per-ID card limit: platform-wide configuration of the ADMIN, not a record of any tenant.
        NOT_TENANT_OWNED.put(
                "/api/v1/operators/{operator}",
                NotTenantOwned.refusedToTenants("CHINA_MOBILE", "a carrier's limit: platform configuration, ADMIN"));
        NOT_TENANT_OWNED.put(
                "/admin/operators/{operator}",
                NotTenantOwned.refusedToTenants("CHINA_MOBILE", "a carrier's limit: platform configuration, ADMIN"));
        // Partner API credentials: issued, rotated and disabled by the ADMIN only.
        NOT_TENANT_OWNED.put(
                "/api/v1/api-clients/{id}",
                NotTenantOwned.refusedToTenants("1", "API client credentials are managed by the ADMIN only"));
        NOT_TENANT_OWNED.put(
                "/admin/api-clients/{id}",
                NotTenantOwned.refusedToTenants("1", "API client credentials are managed by the ADMIN only"));
        // Agent organisations and their qualification: ADMIN and OPS only (issue 14).
        NOT_TENANT_OWNED.put(
                "/api/v1/agents/{id}",
                NotTenantOwned.refusedToTenants("1", "agent organisations are managed by ADMIN and OPS only"));
        NOT_TENANT_OWNED.put(
                "/admin/agents/{id}",
                NotTenantOwned.refusedToTenants("1", "agent organisations are managed by ADMIN and OPS only"));
        // Barred identities (断卡 惩戒): OPS records of persons and units, no tenant's (issue 14).
        NOT_TENANT_OWNED.put(
                "/api/v1/barred-identities/{id}",
                NotTenantOwned.refusedToTenants("1", "bars are OPS records of no tenant"));
        NOT_TENANT_OWNED.put("/bars/{id}", NotTenantOwned.refusedToTenants("1", "bars are OPS records of no tenant"));
        // User accounts are administered by the ADMIN only; no tenant role reaches them.
        NOT_TENANT_OWNED.put(
                "/admin/users/{id}",
                NotTenantOwned.refusedToTenants("1", "user accounts are managed by the ADMIN only"));
        // The real-name requirement table is platform policy, edited by the ADMIN.
        NOT_TENANT_OWNED.put(
                "/admin/real-name-rules/{id}",
                NotTenantOwned.refusedToTenants("1", "real-name rules are platform policy, ADMIN only"));
        // Inventory import jobs: the inventory belongs to no tenant until an order hands cards over; OPS only.
        NOT_TENANT_OWNED.put(
                "/inventory/imports/{id}",
                NotTenantOwned.refusedToTenants("1", "inventory import jobs belong to no tenant; OPS only"));
        // Risk rules and scans (issue 13): platform configuration of the ADMIN and OPS' runs over all cards.
        NOT_TENANT_OWNED.put(
                "/api/v1/risk/rules/{code}",
                NotTenantOwned.refusedToTenants("SLEEPING_CARD", "a risk rule: platform configuration, ADMIN"));
        NOT_TENANT_OWNED.put(
                "/admin/risk/rules/{code}",
                NotTenantOwned.refusedToTenants("SLEEPING_CARD", "a risk rule: platform configuration, ADMIN"));
        NOT_TENANT_OWNED.put(
                "/api/v1/risk/scans/{id}",
                NotTenantOwned.refusedToTenants("1", "a scan runs over every tenant's cards; OPS only"));
        // Usage uploads: the operator's usage files, OPS only.
        NOT_TENANT_OWNED.put(
                "/usage-uploads/{id}",
                NotTenantOwned.refusedToTenants("1", "usage uploads are the operator's files; OPS only"));
        // springdoc's OpenAPI document of a named group: the published contract, the same for every caller.
        NOT_TENANT_OWNED.put("/v3/api-docs/{group}", NotTenantOwned.open("an OpenAPI group name, not a record"));
        NOT_TENANT_OWNED.put("/v3/api-docs.yaml/{group}", NotTenantOwned.open("an OpenAPI group name, not a record"));
        // The end user's one-time self-service link: the unguessable token is the credential, nobody is signed in
        // (SelfServiceLinksTest covers unknown, used and expired tokens).
        NOT_TENANT_OWNED.put("/s/{token}", NotTenantOwned.open("a one-time capability token, not a signed-in tenant"));
        // A notification is its one recipient's, narrower than a tenant: every other user, of the same tenant or
        // another,
        // hears 404 (NotificationPagesTest, NotificationsTest); the fixtures' actors here are no real user accounts.
        NOT_TENANT_OWNED.put(
                "/notifications/{id}", NotTenantOwned.open("a user's own notification: any other user hears 404"));
    }

    /**
     * Endpoints that tenant roles may not call at all, with the roles that hear 403 (the role check comes before
     * any look-up). Every other (endpoint, tenant role) pair must answer 404 for another tenant's record.
     */
    static final Map<String, Set<Role>> REFUSED_ROLES = new TreeMap<>();

    static {
        for (String opsOnly : List.of(
                "POST /api/v1/enterprises/{id}/approve",
                "POST /api/v1/enterprises/{id}/reject",
                "POST /api/v1/enterprise-changes/{id}/approve",
                "POST /api/v1/enterprise-changes/{id}/reject",
                "POST /api/v1/orders/{id}/approve",
                "POST /api/v1/orders/{id}/reject",
                "POST /api/v1/exceptions/{id}/claim",
                "POST /api/v1/exceptions/{id}/release",
                "POST /api/v1/exceptions/{id}/approve",
                "POST /api/v1/exceptions/{id}/reject",
                "POST /api/v1/verifications/{id}/approve",
                "POST /api/v1/verifications/{id}/reject",
                "POST /api/v1/verifications/{id}/claim",
                "POST /api/v1/verifications/{id}/release",
                "POST /enterprises/{id}/approve",
                "POST /enterprises/{id}/reject",
                "POST /enterprise-changes/{id}/approve",
                "POST /enterprise-changes/{id}/reject",
                "POST /orders/{id}/approve",
                "POST /orders/{id}/reject",
                "POST /exceptions/{id}/claim",
                "POST /exceptions/{id}/release",
                "POST /exceptions/{id}/approve",
                "POST /exceptions/{id}/reject",
                "POST /verifications/{id}/approve",
                "POST /verifications/{id}/reject",
                "POST /verifications/{id}/claim",
                "POST /verifications/{id}/release",
                "POST /api/v1/risk/alerts/{id}/dismiss",
                "POST /api/v1/risk/alerts/{id}/claim",
                "POST /api/v1/risk/alerts/{id}/release",
                "POST /risk/alerts/{id}/dismiss",
                "POST /risk/alerts/{id}/claim",
                "POST /risk/alerts/{id}/release",
                "POST /api/v1/risk/alerts/{id}/require-reverification",
                "POST /risk/alerts/{id}/require-reverification",
                "POST /api/v1/risk/appeals/{id}/claim",
                "POST /api/v1/risk/appeals/{id}/release",
                "POST /api/v1/risk/appeals/{id}/grant",
                "POST /api/v1/risk/appeals/{id}/reject",
                "POST /risk/appeals/{id}/claim",
                "POST /risk/appeals/{id}/release",
                "POST /risk/appeals/{id}/grant",
                "POST /risk/appeals/{id}/reject")) {
            REFUSED_ROLES.put(opsOnly, Set.of(Role.AGENT, Role.ENTERPRISE_ADMIN));
        }
        for (String agentOnly : List.of(
                "PUT /api/v1/enterprises/{id}",
                "POST /api/v1/enterprises/{id}/documents",
                "POST /api/v1/enterprises/{id}/submit",
                "POST /api/v1/enterprises/{id}/change-requests",
                "POST /api/v1/enterprise-changes/{id}/documents",
                "POST /api/v1/orders/{id}/handler-photo",
                "POST /api/v1/orders/{id}/documents",
                "POST /api/v1/orders/{id}/cancel",
                "PUT /api/v1/cards/{iccid}/end-user",
                "POST /api/v1/cards/{iccid}/end-user/documents",
                "POST /api/v1/cards/{iccid}/exceptions",
                "POST /api/v1/exceptions/{id}/documents",
                "GET /enterprises/{id}/edit",
                "POST /enterprises/{id}",
                "POST /enterprises/{id}/documents",
                "POST /enterprises/{id}/submit",
                "POST /enterprises/{id}/change-requests/details",
                "POST /enterprises/{id}/change-requests/responsible-person",
                "POST /enterprise-changes/{id}/documents",
                "POST /orders/{id}/documents",
                "POST /orders/{id}/handler-photo",
                "POST /orders/{id}/cancel",
                "POST /cards/{id}/end-user",
                "POST /cards/{id}/end-user/photos",
                "POST /exceptions/{id}/documents")) {
            REFUSED_ROLES.put(agentOnly, Set.of(Role.ENTERPRISE_ADMIN));
        }
        // hand-over of one enterprise: the ADMIN or the agent that holds it (issue 14)
        REFUSED_ROLES.put("POST /api/v1/enterprises/{id}/hand-over", Set.of(Role.ENTERPRISE_ADMIN));
    }

    // --- request bodies: valid, so that a 404 comes from the tenant scope and not from a 400 before it ----------

    static final String ID_NUMBER = EnterpriseFixtures.ID_NUMBER;
    static final String ADDRESS = "福建省福州市鼓楼区五四路 100 号";

    static final Map<String, Body> BODIES = new TreeMap<>();

    static {
        String reason = "{\"reason\": \"tenant isolation check\"}";
        String enterprise = """
                {"name": "隔离测试企业", "certificateType": "USCC", "certificateNumber": "91350102TX412DMU73",
                 "certificateAddress": "%s", "legalRepresentative": "张三",
                 "responsiblePerson": {"name": "张三", "idType": "RESIDENT_ID", "idNumber": "%s",
                                       "idAddress": "%s", "legalRepresentative": true}}""".formatted(ADDRESS, ID_NUMBER, ADDRESS);
        BODIES.put("PUT /api/v1/enterprises/{id}", Body.json(enterprise));
        BODIES.put("POST /api/v1/enterprises/{id}/documents", Body.upload("file", "kind", "CERTIFICATE"));
        BODIES.put("POST /api/v1/enterprises/{id}/reject", Body.json(reason));
        BODIES.put("POST /api/v1/enterprises/{id}/change-requests", Body.json("""
                {"kind": "DETAILS", "name": "隔离测试企业二", "certificateAddress": "%s",
                 "legalRepresentative": "李四", "reason": "更名"}""".formatted(ADDRESS)));
        BODIES.put(
                "POST /api/v1/enterprise-changes/{id}/documents", Body.upload("file", "kind", "RESPONSIBLE_ID_FRONT"));
        BODIES.put("POST /api/v1/enterprise-changes/{id}/reject", Body.json(reason));
        BODIES.put("POST /api/v1/orders/{id}/handler-photo", Body.upload("file"));
        BODIES.put("POST /api/v1/orders/{id}/documents", Body.upload("file", "kind", "CERTIFICATE"));
        BODIES.put("POST /api/v1/orders/{id}/approve", Body.json(reason));
        BODIES.put("POST /api/v1/orders/{id}/reject", Body.json(reason));
        BODIES.put("POST /api/v1/cards/{iccid}/suspend", Body.json(reason));
        BODIES.put("POST /api/v1/cards/{iccid}/resume", Body.json(reason));
        BODIES.put("POST /api/v1/cards/{iccid}/cancel", Body.json(reason));
        BODIES.put("PUT /api/v1/cards/{iccid}/end-user", Body.json("""
                {"name": "王小明", "idType": "RESIDENT_ID", "idNumber": "%s", "idAddress": "%s"}""".formatted(ID_NUMBER, ADDRESS)));
        BODIES.put("POST /api/v1/cards/{iccid}/end-user/documents", Body.upload("file", "kind", "ID_FRONT"));
        BODIES.put(
                "POST /api/v1/cards/{iccid}/exceptions",
                Body.json("{\"kind\": \"PROVINCIAL_APPROVAL\", \"reason\": \"省公司已批准\"}"));
        BODIES.put("POST /api/v1/exceptions/{id}/documents", Body.upload("file", "kind", "APPROVAL_DOCUMENT"));
        BODIES.put("POST /api/v1/exceptions/{id}/approve", Body.json(reason));
        BODIES.put("POST /api/v1/exceptions/{id}/reject", Body.json(reason));
        BODIES.put("POST /api/v1/verifications/{id}/approve", Body.json(reason));
        BODIES.put("POST /api/v1/verifications/{id}/reject", Body.json(reason));
        BODIES.put("PUT /api/v1/operators/{operator}/quota", Body.json("{\"maxCardsPerId\": 5}"));
        BODIES.put("POST /api/v1/risk/alerts/{id}/dismiss", Body.json(reason));
        BODIES.put(
                "POST /api/v1/cards/{iccid}/appeals",
                Body.json("{\"reason\": \"MACHINE_CARD_SEPARATION\", \"statement\": \"tenant isolation check\"}"));
        BODIES.put("POST /api/v1/risk/appeals/{id}/grant", Body.json(reason));
        BODIES.put("POST /api/v1/risk/appeals/{id}/reject", Body.json(reason));
        // hand-over of one enterprise (issue 14): the enterprise is looked up in the caller's scope before the target
        BODIES.put(
                "POST /api/v1/enterprises/{id}/hand-over",
                Body.json("{\"toAgentId\": 1, \"reason\": \"tenant isolation check\"}"));

        Map<String, String> registration = new LinkedHashMap<>();
        registration.put("name", "隔离测试企业");
        registration.put("certificateType", "USCC");
        registration.put("certificateNumber", "91350102TX412DMU73");
        registration.put("certificateAddress", ADDRESS);
        registration.put("legalRepresentative", "张三");
        registration.put("responsiblePerson.name", "张三");
        registration.put("responsiblePerson.idType", "RESIDENT_ID");
        registration.put("responsiblePerson.idNumber", ID_NUMBER);
        registration.put("responsiblePerson.idAddress", ADDRESS);
        registration.put("responsiblePerson.legalRepresentative", "true");
        BODIES.put("POST /enterprises/{id}", Body.form(registration));
        BODIES.put("POST /enterprises/{id}/documents", Body.upload("file", "kind", "CERTIFICATE"));
        BODIES.put("POST /enterprises/{id}/reject", Body.form(Map.of("reason", "tenant isolation check")));
        BODIES.put(
                "POST /enterprises/{id}/change-requests/details",
                Body.form(Map.of(
                        "name", "隔离测试企业二",
                        "certificateAddress", ADDRESS,
                        "legalRepresentative", "李四",
                        "reason", "更名")));
        BODIES.put(
                "POST /enterprises/{id}/change-requests/responsible-person",
                Body.form(Map.of(
                        "responsiblePerson.name", "李四",
                        "responsiblePerson.idType", "RESIDENT_ID",
                        "responsiblePerson.idNumber", EnterpriseFixtures.OTHER_ID_NUMBER,
                        "responsiblePerson.idAddress", ADDRESS,
                        "responsiblePerson.legalRepresentative", "true",
                        "reason", "换人")));
        BODIES.put("POST /enterprise-changes/{id}/documents", Body.upload("file", "kind", "RESPONSIBLE_ID_FRONT"));
        BODIES.put("POST /enterprise-changes/{id}/reject", Body.form(Map.of("reason", "tenant isolation check")));
        BODIES.put("POST /orders/{id}/documents", Body.upload("file", "kind", "CERTIFICATE"));
        BODIES.put("POST /orders/{id}/handler-photo", Body.upload("file"));
        BODIES.put("POST /orders/{id}/approve", Body.form(Map.of("reason", "tenant isolation check")));
        BODIES.put("POST /orders/{id}/reject", Body.form(Map.of("reason", "tenant isolation check")));
        BODIES.put(
                "POST /cards/{id}/end-user",
                Body.form(Map.of("name", "王小明", "idType", "RESIDENT_ID", "idNumber", ID_NUMBER, "idAddress", ADDRESS)));
        BODIES.put("POST /cards/{id}/end-user/photos", Body.uploads("idFront", "idBack", "livePhoto"));
        BODIES.put("POST /cards/{id}/suspend", Body.form(Map.of("reason", "tenant isolation check")));
        BODIES.put("POST /cards/{id}/resume", Body.form(Map.of("reason", "tenant isolation check")));
        BODIES.put("POST /cards/{id}/cancel", Body.form(Map.of("reason", "tenant isolation check")));
        BODIES.put("POST /exceptions/{id}/documents", Body.upload("file"));
        BODIES.put("POST /exceptions/{id}/approve", Body.form(Map.of("reason", "tenant isolation check")));
        BODIES.put("POST /exceptions/{id}/reject", Body.form(Map.of("reason", "tenant isolation check")));
        BODIES.put("POST /verifications/{id}/approve", Body.form(Map.of("reason", "tenant isolation check")));
        BODIES.put("POST /verifications/{id}/reject", Body.form(Map.of("reason", "tenant isolation check")));
        BODIES.put("POST /admin/operators/{operator}/quota", Body.form(Map.of("maxCardsPerId", "5")));
        BODIES.put("POST /risk/alerts/{id}/dismiss", Body.form(Map.of("reason", "tenant isolation check")));
        // risk re-verification (issue 13): the case is looked up in the caller's scope before its kind and status
        BODIES.put("POST /api/v1/verifications/{id}/documents", Body.upload("file", "kind", "LIVE_PHOTO"));
        BODIES.put("POST /verifications/{id}/documents", Body.upload("file", "kind", "LIVE_PHOTO"));
        BODIES.put(
                "POST /risk/flagged/{iccid}/appeals",
                Body.form(Map.of("reason", "MACHINE_CARD_SEPARATION", "statement", "tenant isolation check")));
        BODIES.put("POST /risk/appeals/{id}/grant", Body.form(Map.of("reason", "tenant isolation check")));
        BODIES.put("POST /risk/appeals/{id}/reject", Body.form(Map.of("reason", "tenant isolation check")));
    }

    /** How a request to an endpoint is built: its body, if any. */
    interface Body {

        AbstractMockHttpServletRequestBuilder<?> request(HttpMethod method, String uri);

        Body NONE = MockMvcRequestBuilders::request;

        static Body json(String content) {
            return (method, uri) -> MockMvcRequestBuilders.request(method, uri)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(content);
        }

        static Body form(Map<String, String> fields) {
            return (method, uri) -> {
                MockHttpServletRequestBuilder request =
                        MockMvcRequestBuilders.request(method, uri).contentType(MediaType.APPLICATION_FORM_URLENCODED);
                fields.forEach(request::param);
                return request;
            };
        }

        /** A multipart request with a JPEG in {@code fileField} and these other fields (name, value, ...). */
        static Body upload(String fileField, String... fields) {
            return (method, uri) -> {
                MockMultipartHttpServletRequestBuilder request = MockMvcRequestBuilders.multipart(method, uri);
                request.file(new MockMultipartFile(fileField, "photo.jpg", "image/jpeg", TestFiles.jpeg()));
                for (int i = 0; i + 1 < fields.length; i += 2) {
                    request.param(fields[i], fields[i + 1]);
                }
                return request;
            };
        }

        /** A multipart request with a JPEG in each of these fields. */
        static Body uploads(String... fileFields) {
            return (method, uri) -> {
                MockMultipartHttpServletRequestBuilder request = MockMvcRequestBuilders.multipart(method, uri);
                for (String field : fileFields) {
                    request.file(new MockMultipartFile(field, field + ".jpg", "image/jpeg", TestFiles.jpeg()));
                }
                return request;
            };
        }
    }

    // --- the classifier ---------------------------------------------------------------------------------------------

    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

    /** One HTTP method of one mapped pattern. */
    record Endpoint(HttpMethod method, String pattern) implements Comparable<Endpoint> {

        String key() {
            return method.name() + " " + pattern;
        }

        boolean api() {
            return pattern.startsWith("/api/");
        }

        String uri(String value) {
            return VARIABLE.matcher(pattern).replaceAll(Matcher.quoteReplacement(value));
        }

        int variables() {
            return (int) VARIABLE.matcher(pattern).results().count();
        }

        @Override
        public int compareTo(Endpoint other) {
            return key().compareTo(other.key());
        }

        @Override
        public String toString() {
            return key();
        }
    }

    /** Where an endpoint stands: a fixture kind, or no tenant's record, or (neither) a gap that fails the build. */
    record Classification(Optional<Kind> kind, Optional<NotTenantOwned> notTenantOwned) {

        boolean known() {
            return kind.isPresent() || notTenantOwned.isPresent();
        }
    }

    static Classification classify(Endpoint endpoint) {
        if (endpoint.variables() == 1) {
            for (Map.Entry<String, Kind> fixture : FIXTURES.entrySet()) {
                if (under(endpoint.pattern(), fixture.getKey())) {
                    return new Classification(Optional.of(fixture.getValue()), Optional.empty());
                }
            }
            for (Map.Entry<String, NotTenantOwned> exempt : NOT_TENANT_OWNED.entrySet()) {
                if (under(endpoint.pattern(), exempt.getKey())) {
                    return new Classification(Optional.empty(), Optional.of(exempt.getValue()));
                }
            }
        }
        return new Classification(Optional.empty(), Optional.empty());
    }

    private static boolean under(String pattern, String prefix) {
        return pattern.equals(prefix) || pattern.startsWith(prefix + "/");
    }

    /** The failure message for each endpoint with a path variable that nothing covers. */
    static List<String> gaps(Iterable<Endpoint> endpoints) {
        List<String> gaps = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            if (!classify(endpoint).known()) {
                gaps.add("new endpoint " + endpoint + " has no tenant-isolation fixture (add its path variable to"
                        + " FIXTURES, or to NOT_TENANT_OWNED with the reason)");
            }
        }
        return gaps;
    }

    // --- the application's mappings ---------------------------------------------------------------------------------

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    /** Every (method, pattern) of the API ({@code /api/v1}) and of the pages whose pattern has a path variable. */
    Set<Endpoint> endpointsWithPathVariables() {
        Set<Endpoint> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            List<RequestMethod> each = methods.isEmpty() ? Arrays.asList(RequestMethod.values()) : List.copyOf(methods);
            for (String pattern : info.getPatternValues()) {
                if (!VARIABLE.matcher(pattern).find()) {
                    continue;
                }
                for (RequestMethod method : each) {
                    if (method != RequestMethod.HEAD
                            && method != RequestMethod.OPTIONS
                            && method != RequestMethod.TRACE) {
                        endpoints.add(new Endpoint(method.asHttpMethod(), pattern));
                    }
                }
            }
        }
        return endpoints;
    }

    @Test
    void everyEndpointWithAPathVariableHasAFixtureOrAStatedReason() {
        Set<Endpoint> endpoints = endpointsWithPathVariables();
        assertThat(endpoints)
                .as("the mappings were read (API and pages)")
                .anyMatch(Endpoint::api)
                .anyMatch(e -> !e.api())
                .hasSizeGreaterThan(60);
        assertThat(gaps(endpoints)).isEmpty();
    }

    @Test
    void theGuardFailsForAnEndpointThatNothingCovers() {
        List<Endpoint> known = List.of(
                new Endpoint(HttpMethod.GET, "/api/v1/orders/{id}"),
                new Endpoint(HttpMethod.POST, "/api/v1/orders/{id}/some-new-action"),
                new Endpoint(HttpMethod.PUT, "/api/v1/operators/{operator}/quota"));
        assertThat(gaps(known)).isEmpty();
        assertThat(classify(known.get(1)).kind()).contains(Kind.ORDER_ID);

        assertThat(gaps(List.of(new Endpoint(HttpMethod.DELETE, "/api/v1/widgets/{id}"))))
                .containsExactly("new endpoint DELETE /api/v1/widgets/{id} has no tenant-isolation fixture (add its"
                        + " path variable to FIXTURES, or to NOT_TENANT_OWNED with the reason)");
        assertThat(gaps(List.of(
                        new Endpoint(HttpMethod.GET, "/orders/{id}/documents/{documentId}"),
                        new Endpoint(HttpMethod.GET, "/api/v1/ordersx/{id}"),
                        new Endpoint(HttpMethod.GET, "/s/{token}x"))))
                .as("a second variable, or a pattern that only shares a prefix's text, is not covered")
                .hasSize(3);
    }

    @Test
    void theDeclaredTablesNameOnlyRealEndpoints() {
        Set<String> real = new TreeSet<>();
        endpointsWithPathVariables().forEach(e -> real.add(e.key()));
        assertThat(REFUSED_ROLES.keySet()).as("stale REFUSED_ROLES entries").isSubsetOf(real);
        assertThat(BODIES.keySet()).as("stale BODIES entries").isSubsetOf(real);
        Set<String> prefixes = new TreeSet<>(FIXTURES.keySet());
        prefixes.addAll(NOT_TENANT_OWNED.keySet());
        for (String prefix : prefixes) {
            assertThat(real)
                    .as("a mapping under " + prefix)
                    .anyMatch(key -> under(key.substring(key.indexOf(' ') + 1), prefix));
        }
    }

    // --- the isolation checks ---------------------------------------------------------------------------------------

    /** Tenant A's records (agent A, its verified enterprise A1) and the intruders from other tenants. */
    static final class World {

        final Map<Kind, String> values = new EnumMap<>(Kind.class);
        final Actor ownerAgent;
        final Actor ownerEnterpriseAdmin;
        final Map<String, Actor> intruders = new LinkedHashMap<>();

        World(ApplicationContext context) {
            OrderFixtures fixtures = new OrderFixtures(context);
            EnterpriseService enterprises = context.getBean(EnterpriseService.class);
            OrderService orders = context.getBean(OrderService.class);
            CardService cards = context.getBean(CardService.class);
            ExceptionService exceptions = context.getBean(ExceptionService.class);

            long agentA = OrderFixtures.newAgentId();
            long agentB = OrderFixtures.newAgentId();
            EnterpriseView a1 = fixtures.verifiedEnterprise(agentA);
            EnterpriseView a2 = fixtures.draftEnterprise(agentA);
            EnterpriseView b1 = fixtures.draftEnterprise(agentB);
            ownerAgent = OrderFixtures.agent(agentA);
            ownerEnterpriseAdmin = OrderFixtures.enterpriseAdmin(a1.id());
            intruders.put("AGENT of another agent", OrderFixtures.agent(agentB));
            intruders.put("ENTERPRISE_ADMIN of another agent's enterprise", OrderFixtures.enterpriseAdmin(b1.id()));
            intruders.put("ENTERPRISE_ADMIN of a sibling enterprise", OrderFixtures.enterpriseAdmin(a2.id()));

            values.put(Kind.ENTERPRISE_ID, String.valueOf(a1.id()));
            values.put(
                    Kind.CHANGE_REQUEST_ID,
                    String.valueOf(RunAs.run(
                                    ownerAgent,
                                    () -> enterprises.requestDetailsChange(a1.id(), "隔离测试企业新名", ADDRESS, "张三", "更名"))
                            .id()));

            OrderView order = fixtures.submit(
                    ownerAgent, OrderFixtures.newInstall(a1.id(), fixtures.inventory(1, fixtures.dataOnlyPlan())));
            long certificate = RunAs.run(
                    ownerAgent,
                    () -> orders.attach(order.id(), OrderDocumentKind.CERTIFICATE, TestFiles.jpeg())
                            .document()
                            .id());
            RunAs.run(ownerAgent, () -> {
                for (OrderDocumentKind kind : order.type().uploadableDocuments()) {
                    if (kind != OrderDocumentKind.CERTIFICATE) {
                        orders.attach(order.id(), kind, TestFiles.jpeg());
                    }
                }
            });
            OrderView photographed = fixtures.attachHandlerPhoto(ownerAgent, order.id());
            values.put(Kind.ORDER_ID, String.valueOf(order.id()));
            values.put(Kind.DOCUMENT_ID, String.valueOf(certificate));
            values.put(Kind.VERIFICATION_ID, String.valueOf(photographed.verificationCaseId()));

            String iccid = fixtures.enterpriseCards(1, fixtures.endUserPlan(), agentA, a1.id())
                    .get(0);
            values.put(Kind.CARD_ICCID, iccid);
            values.put(
                    Kind.CARD_ID,
                    String.valueOf(RunAs.run(OrderFixtures.ops(), () -> cards.view(iccid))
                            .id()));
            values.put(Kind.RISK_ALERT_ID, String.valueOf(riskAlert(context, fixtures, agentA, a1.id())));
            values.put(Kind.RISK_APPEAL_ID, String.valueOf(riskAppeal(context, agentA, a1.id(), ownerEnterpriseAdmin)));
            values.put(Kind.EXPORT_ID, String.valueOf(export(context, ownerEnterpriseAdmin)));
            values.put(Kind.CARD_BULK_ID, String.valueOf(bulk(context, ownerEnterpriseAdmin, iccid)));
            values.put(
                    Kind.WEBHOOK_ID,
                    String.valueOf(RunAs.run(
                                    ownerEnterpriseAdmin,
                                    () -> context.getBean(Webhooks.class)
                                            .register("http://127.0.0.1:9/hook", List.of("CARD_STATE_CHANGED")))
                            .id()));
            values.put(
                    Kind.EXCEPTION_ID,
                    String.valueOf(RunAs.run(
                                    ownerAgent,
                                    () -> exceptions.request(iccid, ExceptionKind.PROVINCIAL_APPROVAL, "省公司已批准"))
                            .id()));
        }
    }

    /**
     * An alert on a card of tenant A: the card's end user is barred, and a scan (OPS, in the background) raises
     * {@code BARRED_IDENTITY} on it.
     */
    static long riskAlert(ApplicationContext context, OrderFixtures fixtures, long agentId, long enterpriseId) {
        Actor ops = OrderFixtures.ops();
        String iccid = fixtures.enterpriseCards(1, fixtures.endUserPlan(), agentId, enterpriseId)
                .get(0);
        IdDocument person = CardFixtures.newIdentity();
        RunAs.run(
                OrderFixtures.agent(agentId),
                () -> context.getBean(EndUserService.class).bind(iccid, CardFixtures.details(person)));
        LocalDate today = ChinaTime.today(context.getBean(Clock.class));
        RunAs.run(
                ops,
                () -> context.getBean(BarredIdentities.class)
                        .record(new NewBar(
                                BarSubject.PERSON,
                                person.type(),
                                person.number(),
                                null,
                                "隔离测试〔2026〕1号",
                                today,
                                today.plusYears(2),
                                "tenant isolation check")));
        RiskScans scans = context.getBean(RiskScans.class);
        long scan = RunAs.run(ops, () -> scans.start()).id();
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .until(() -> RunAs.run(ops, () -> scans.scan(scan)).status() != ScanView.ScanStatus.RUNNING);
        RiskAlerts alerts = context.getBean(RiskAlerts.class);
        return RunAs.run(
                        ops,
                        () -> alerts.list(
                                new AlertFilter(null, RuleCode.BARRED_IDENTITY, null, iccid, null, null), null, 1))
                .get(0)
                .id();
    }

    /**
     * An appeal of tenant A's enterprise admin against the suspension of a card seen in a device other than the bound
     * one (machine-card separation, from the operator's usage feed).
     */
    static long riskAppeal(ApplicationContext context, long agentId, long enterpriseId, Actor enterpriseAdmin) {
        CardFixtures cards = new CardFixtures(context);
        String iccid = cards.enterpriseCard(agentId, enterpriseId, "138", cards.devicePlan());
        cards.activate(iccid);
        LocalDate today = ChinaTime.today(context.getBean(Clock.class));
        CardUsageService usage = context.getBean(CardUsageService.class);
        RunAs.run(
                OrderFixtures.ops(),
                () -> usage.ingest(List.of(new CardUsageService.Report(
                        iccid, today.minusDays(1).toString(), 5L, 0L, 0L, "356938035643809", null))));
        RunAs.run(
                OrderFixtures.ops(),
                () -> usage.ingest(List.of(
                        new CardUsageService.Report(iccid, today.toString(), 5L, 0L, 0L, "490154203237518", null))));
        return RunAs.run(
                        enterpriseAdmin,
                        () -> context.getBean(RiskAppeals.class)
                                .file(iccid, BlockingReason.MACHINE_CARD_SEPARATION, "tenant isolation check"))
                .id();
    }

    /** An export of enterprise A1's cards, made by its admin (its agent reads it too), written to the end. */
    static long export(ApplicationContext context, Actor maker) {
        Exports exports = context.getBean(Exports.class);
        long id = RunAs.run(maker, () -> exports.create(ExportKind.CARDS, ExportFormat.CSV, Map.of(), false, null))
                .id();
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> RunAs.run(maker, () -> exports.export(id)).status().isFinished());
        return id;
    }

    /** A bulk action of enterprise A1's admin on its card (its agent reads it too), run to the end. */
    static long bulk(ApplicationContext context, Actor maker, String iccid) {
        com.realsim.card.bulk.CardBulkActions bulks = context.getBean(com.realsim.card.bulk.CardBulkActions.class);
        long id = RunAs.run(
                        maker,
                        () -> bulks.start(
                                com.realsim.card.bulk.BulkAction.SELF_SERVICE_LINK,
                                null,
                                com.realsim.card.bulk.BulkLines.of(List.of(iccid), "iccids")))
                .id();
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> RunAs.run(maker, () -> bulks.find(id)).ended());
        return id;
    }

    @TestFactory
    Stream<DynamicTest> anotherTenantsRecordAnswers404() {
        World world = new World(context);
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpointsWithPathVariables()) {
            Classification classification = classify(endpoint);
            if (!classification.known()) {
                tests.add(DynamicTest.dynamicTest(endpoint.key(), () -> {
                    throw new AssertionError(gaps(List.of(endpoint)).get(0));
                }));
                continue;
            }
            if (classification.kind().isEmpty()) {
                continue;
            }
            String value = world.values.get(classification.kind().get());
            Set<Role> refused = REFUSED_ROLES.getOrDefault(endpoint.key(), Set.of());
            for (Map.Entry<String, Actor> intruder : world.intruders.entrySet()) {
                Actor actor = intruder.getValue();
                int expected = refused.contains(actor.role()) ? 403 : 404;
                tests.add(DynamicTest.dynamicTest(
                        intruder.getKey() + ": " + endpoint + " → " + expected,
                        () -> expectRefusal(endpoint, value, actor, expected)));
            }
            if (endpoint.method() == HttpMethod.GET) {
                for (Actor owner : List.of(world.ownerAgent, world.ownerEnterpriseAdmin)) {
                    if (!refused.contains(owner.role())) {
                        tests.add(DynamicTest.dynamicTest(
                                "tenant A's " + owner.role() + ": " + endpoint + " → 200",
                                () -> expectOwnerReads(endpoint, value, owner)));
                    }
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> endpointsOfNoTenantRefuseTenantRoles() {
        List<DynamicTest> tests = new ArrayList<>();
        Actor agent = OrderFixtures.agent(OrderFixtures.newAgentId());
        Actor enterpriseAdmin = OrderFixtures.enterpriseAdmin(Long.MAX_VALUE);
        for (Endpoint endpoint : endpointsWithPathVariables()) {
            Optional<NotTenantOwned> exempt = classify(endpoint).notTenantOwned();
            if (exempt.isEmpty() || exempt.get().sample().isEmpty()) {
                continue;
            }
            for (Actor actor : List.of(agent, enterpriseAdmin)) {
                tests.add(DynamicTest.dynamicTest(
                        actor.role() + ": " + endpoint + " → 403",
                        () -> expectRefusal(endpoint, exempt.get().sample().get(), actor, 403)));
            }
        }
        return tests.stream();
    }

    private void expectRefusal(Endpoint endpoint, String value, Actor actor, int expected) throws Exception {
        MockHttpServletResponse response = call(endpoint, value, actor);
        assertThat(response.getStatus())
                .as("%s %s as %s answered: %s", endpoint.method(), endpoint.uri(value), actor, excerpt(response))
                .isEqualTo(expected);
        if (endpoint.api()) {
            String code = JsonPath.read(response.getContentAsString(), "$.code");
            assertThat(code).isEqualTo(expected == 404 ? "NOT_FOUND" : "FORBIDDEN");
        }
    }

    private void expectOwnerReads(Endpoint endpoint, String value, Actor owner) throws Exception {
        MockHttpServletResponse response = call(endpoint, value, owner);
        assertThat(response.getStatus())
                .as(
                        "%s %s as its own tenant's %s answered: %s",
                        endpoint.method(), endpoint.uri(value), owner, excerpt(response))
                .isEqualTo(200);
    }

    private MockHttpServletResponse call(Endpoint endpoint, String value, Actor actor) throws Exception {
        AbstractMockHttpServletRequestBuilder<?> request = BODIES.getOrDefault(endpoint.key(), Body.NONE)
                .request(endpoint.method(), endpoint.uri(value))
                .header("Accept-Language", "en")
                .with(ActorAuthentication.as(actor));
        if (!endpoint.api()) {
            request.accept(MediaType.TEXT_HTML).with(csrf());
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static String excerpt(MockHttpServletResponse response) throws Exception {
        String body = response.getContentAsString();
        String location = response.getRedirectedUrl();
        return response.getStatus() + (location == null ? "" : " → " + location) + " "
                + body.substring(0, Math.min(body.length(), 300));
    }
}
