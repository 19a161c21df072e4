package com.realsim.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.testsupport.PartnerApiClient;
import io.realsim.sdk.ApiClient;
import io.realsim.sdk.api.AdministrationApi;
import io.realsim.sdk.api.AgentsQualificationApi;
import io.realsim.sdk.api.ApiClientsApi;
import io.realsim.sdk.api.AuditApi;
import io.realsim.sdk.api.BarredIdentitiesApi;
import io.realsim.sdk.api.CardsApi;
import io.realsim.sdk.api.EnterprisesApi;
import io.realsim.sdk.api.ExceptionsApi;
import io.realsim.sdk.api.ExportsApi;
import io.realsim.sdk.api.OrdersApi;
import io.realsim.sdk.api.RiskMonitoringApi;
import io.realsim.sdk.api.VerificationsApi;
import io.realsim.sdk.model.AgentBody;
import io.realsim.sdk.model.AuditChainVerification;
import io.realsim.sdk.model.BarView;
import io.realsim.sdk.model.CardListItem;
import io.realsim.sdk.model.CardResponse;
import io.realsim.sdk.model.CreateAgent;
import io.realsim.sdk.model.CreateBar;
import io.realsim.sdk.model.CreateClient;
import io.realsim.sdk.model.Credentials;
import io.realsim.sdk.model.EnterpriseView;
import io.realsim.sdk.model.Entry;
import io.realsim.sdk.model.ExportAnswer;
import io.realsim.sdk.model.ExportRequest;
import io.realsim.sdk.model.OrderListItem;
import io.realsim.sdk.model.Reason;
import io.realsim.sdk.model.RiskRuleView;
import io.realsim.sdk.model.RiskSettings;
import io.realsim.sdk.model.RuleBody;
import io.realsim.sdk.model.ScanAnswer;
import io.realsim.sdk.model.SettingsBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.springframework.core.io.Resource;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The part of the contract walk ({@link PartnerApiContractIT}) made through the partner SDK, the Java client generated
 * in the build from the committed description (docs/sdk.md), against the running application over real HTTP: tokens,
 * administration, API clients, agents' qualification, enterprises, orders, cards, an end user's binding (the README's
 * example, {@link PartnerSdkExample}), verifications, exceptions, the audit trail, barred identities, risk rules,
 * settings, handset TACs, scans and alerts, and exports with their file.
 *
 * <p>So that the description cannot drift from the behaviour unnoticed, the client is strict: an answer with a field
 * the description does not name, or a value outside an enum it lists, fails to deserialize; a request the description
 * shapes wrongly is refused by the application; and every success status the walk receives must be the one the
 * description declares for that operation (a 201 described as 200 fails the walk).
 */
final class PartnerSdkWalk {

    /** The description the SDK is generated from (PublishedDescriptionTest keeps it equal to /v3/api-docs). */
    static final Path DESCRIPTION = PublishedDescriptionTest.COMMITTED;

    record Described(String method, Pattern path, String template, Set<String> statuses) {}

    private final String base;
    private final int port;
    private final BiConsumer<String, String> made;
    private final List<Described> described = new ArrayList<>();
    private final List<String> undescribed = new ArrayList<>();
    private final List<String> answered = new ArrayList<>();

    PartnerSdkWalk(int port, BiConsumer<String, String> made) throws IOException {
        this.port = port;
        this.base = "http://localhost:" + port;
        this.made = made;
        JsonNode paths = JsonMapper.builder()
                .build()
                .readTree(Files.readString(DESCRIPTION, StandardCharsets.UTF_8))
                .get("paths");
        paths.properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    Set<String> statuses = new java.util.TreeSet<>();
                    operation.getValue().get("responses").properties().forEach(status -> statuses.add(status.getKey()));
                    described.add(new Described(
                            operation.getKey().toUpperCase(),
                            Pattern.compile(path.getKey().replaceAll("\\{[^}]+}", "[^/]+")),
                            path.getKey(),
                            statuses));
                }));
        assertThat(described).as("operations in %s", DESCRIPTION).hasSizeGreaterThan(36);
    }

    /** A client of the SDK signed in with these credentials, strict about answers, watching every status. */
    ApiClient signedIn(String clientId, String clientSecret) {
        String token = PartnerApiClient.signedIn(port, clientId, clientSecret).token();
        JsonMapper strict = ApiClient.createDefaultMapper(null)
                .rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        RestClient rest = ApiClient.buildRestClientBuilder(strict)
                .requestInterceptor((request, body, execution) -> {
                    ClientHttpResponse response = execution.execute(request, body);
                    answered(
                            request.getMethod().name(),
                            request.getURI().getPath(),
                            response.getStatusCode().value());
                    return response;
                })
                .build();
        ApiClient api = new ApiClient(rest, strict, ApiClient.createDefaultDateFormat());
        api.setBasePath(base);
        api.setAccessToken(token);
        return api;
    }

    /** Notes the call for the walk and checks a success status against the described operation. */
    private void answered(String method, String path, int status) {
        made.accept(method, path);
        answered.add(method + " " + path + " " + status);
        if (status >= 300) {
            return;
        }
        Described operation = described.stream()
                .filter(d -> d.method().equals(method) && d.path().matcher(path).matches())
                // a literal segment wins over a variable: /risk/alerts/dismiss, not /risk/alerts/{id}
                .min(java.util.Comparator.comparingLong(
                        d -> d.template().chars().filter(c -> c == '{').count()))
                .orElse(null);
        if (operation == null) {
            undescribed.add(method + " " + path + " (no such operation in the description)");
        } else if (!operation.statuses().contains(String.valueOf(status))) {
            undescribed.add(method + " " + operation.template() + " answered " + status + ", described "
                    + operation.statuses());
        }
    }

    /**
     * The walk, at the end of the contract walk: the bootstrap administrator's credentials, the agent, its verified
     * enterprise with its completed order, and an ICCID of that enterprise without an end user.
     */
    void walk(
            String adminId,
            String adminSecret,
            long agentId,
            long enterprise,
            String freeIccid,
            Supplier<String> idNumbers) {
        String idNumber = idNumbers.get();
        ApiClient admin = signedIn(adminId, adminSecret);
        long run = Math.floorMod(System.nanoTime(), 1_000_000L);

        // administration and API clients: each client's secret is shown once, in the answer that created it
        AgentBody second = new AdministrationApi(admin).createAgent(new CreateAgent().name("SDK 渠道 " + run));
        assertThat(second.getStatus()).isEqualTo(AgentBody.StatusEnum.ACTIVE);
        ApiClientsApi clients = new ApiClientsApi(admin);
        Credentials opsCredentials =
                clients.createApiClient(new CreateClient().name("sdk ops").role(CreateClient.RoleEnum.OPS));
        Credentials checkerCredentials = clients.createApiClient(
                new CreateClient().name("sdk ops checker").role(CreateClient.RoleEnum.OPS));
        Credentials agentCredentials = clients.createApiClient(new CreateClient()
                .name("sdk agent")
                .role(CreateClient.RoleEnum.AGENT)
                .agentId(agentId));
        Credentials portalCredentials = clients.createApiClient(new CreateClient()
                .name("sdk portal")
                .role(CreateClient.RoleEnum.ENTERPRISE_ADMIN)
                .enterpriseId(enterprise));
        assertThat(opsCredentials.getClientSecret()).isNotBlank();
        assertThat(clients.listApiClients(new ApiClientsApi.ListApiClientsRequest().size(100))
                        .getItems())
                .extracting(summary -> summary.getId())
                .contains(opsCredentials.getId(), agentCredentials.getId(), portalCredentials.getId());
        ApiClient ops = signedIn(opsCredentials.getClientId(), opsCredentials.getClientSecret());
        ApiClient checker = signedIn(checkerCredentials.getClientId(), checkerCredentials.getClientSecret());
        ApiClient agent = signedIn(agentCredentials.getClientId(), agentCredentials.getClientSecret());
        ApiClient portal = signedIn(portalCredentials.getClientId(), portalCredentials.getClientSecret());

        // agents' qualification (OPS)
        AgentsQualificationApi qualification = new AgentsQualificationApi(ops);
        assertThat(qualification.getAgent(second.getId()).getName()).isEqualTo("SDK 渠道 " + run);
        AgentBody suspended = qualification.suspendAgent(second.getId(), new Reason().reason("channel audit pending"));
        assertThat(suspended.getStatus()).isEqualTo(AgentBody.StatusEnum.SUSPENDED);

        // the enterprise, its order and its cards, as the agent and the enterprise's own portal see them
        EnterpriseView verified = new EnterprisesApi(agent).getEnterprise(enterprise);
        assertThat(verified.getStatus()).isEqualTo(EnterpriseView.StatusEnum.VERIFIED);
        assertThat(verified.getResponsiblePerson().getIdNumber()).matches("\\d{6}\\*{8}[0-9X]{4}");
        assertThat(new EnterprisesApi(ops)
                        .listEnterprises(new EnterprisesApi.ListEnterprisesRequest().size(100))
                        .getItems())
                .extracting(EnterpriseView::getId)
                .contains(enterprise);
        OrdersApi orders = new OrdersApi(agent);
        List<OrderListItem> placed = orders.listOrders(new OrdersApi.ListOrdersRequest()
                        .enterpriseId(enterprise)
                        .size(50))
                .getItems();
        assertThat(placed).hasSize(1);
        assertThat(orders.getOrder(placed.get(0).getId()).getStatus())
                .isEqualTo(io.realsim.sdk.model.OrderResponse.StatusEnum.COMPLETED);
        List<CardListItem> own = new CardsApi(portal)
                .listCards(new CardsApi.ListCardsRequest().size(50))
                .getItems();
        assertThat(own)
                .isNotEmpty()
                .allSatisfy(card -> assertThat(card.getEnterpriseId()).isEqualTo(enterprise));
        assertThat(own).extracting(CardListItem::getIccid).contains(freeIccid);

        // the README's example, run as a partner would run it, then read back through the strict client
        CardResponse bound = PartnerSdkExample.bindEndUser(
                base, agentCredentials.getClientId(), agentCredentials.getClientSecret(), freeIccid, idNumber);
        assertThat(bound.getEndUser().getIdNumber()).doesNotContain(idNumber).contains("*");
        CardResponse read = new CardsApi(agent).getCard(freeIccid);
        assertThat(new RiskMonitoringApi(agent).listCardAppeals(freeIccid)).isEmpty();
        assertThat(read.getEndUser().getIdNumber()).isEqualTo(bound.getEndUser().getIdNumber());

        // the queues and the trail
        assertThat(new VerificationsApi(ops)
                        .listVerifications(new VerificationsApi.ListVerificationsRequest().size(50))
                        .getItems())
                .isNotEmpty();
        assertThat(new ExceptionsApi(ops)
                        .listExceptions(new ExceptionsApi.ListExceptionsRequest().size(50))
                        .getItems())
                .isNotEmpty();
        List<Entry> trail = new AuditApi(ops)
                .listAuditEntries(new AuditApi.ListAuditEntriesRequest()
                        .targetType("ENTERPRISE")
                        .targetId(String.valueOf(enterprise))
                        .size(50))
                .getItems();
        assertThat(trail)
                .isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.getTargetId()).isEqualTo(String.valueOf(enterprise)));
        AuditChainVerification chain = new AuditApi(admin).verifyAuditChain();
        assertThat(chain.getOk()).isTrue();

        barredIdentities(ops, checker, idNumbers.get());
        riskRulesAndScans(admin, ops);
        anExportAndItsFile(portal, enterprise, own.size());

        assertThat(undescribed)
                .as("answers whose status the description does not declare (walked: %s)", answered)
                .isEmpty();
    }

    void barredIdentities(ApiClient ops, ApiClient checker, String person) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        BarView bar = new BarredIdentitiesApi(ops)
                .recordBar(new CreateBar()
                        .subjectType(CreateBar.SubjectTypeEnum.PERSON)
                        .idType(CreateBar.IdTypeEnum.RESIDENT_ID)
                        .idNumber(person)
                        .basis("闽公通〔2026〕40号")
                        .validFrom(today)
                        .validTo(today.plusYears(1))
                        .reason("出租电话卡"));
        assertThat(bar.getStatus()).isEqualTo(BarView.StatusEnum.ACTIVE);
        assertThat(bar.getSubject()).doesNotContain(person);
        assertThat(new BarredIdentitiesApi(ops)
                        .listBars(new BarredIdentitiesApi.ListBarsRequest().size(50))
                        .getItems())
                .extracting(BarView::getId)
                .contains(bar.getId());
        // lifted by another OPS than the one who recorded it (maker-checker)
        BarView lifted = new BarredIdentitiesApi(checker).liftBar(bar.getId(), new Reason().reason("申诉成立"));
        assertThat(lifted.getStatus()).isEqualTo(BarView.StatusEnum.LIFTED);
    }

    void riskRulesAndScans(ApiClient admin, ApiClient ops) {
        RiskMonitoringApi rules = new RiskMonitoringApi(admin);
        List<RiskRuleView> all = rules.listRules();
        assertThat(all).hasSizeGreaterThanOrEqualTo(11);
        RiskRuleView velocity = all.stream()
                .filter(rule -> rule.getCode() == RiskRuleView.CodeEnum.HANDLER_VELOCITY)
                .findFirst()
                .orElseThrow();
        // the rule and the settings written back as they are: the walk checks the calls' shapes, not new values
        Map<String, Object> parameters = new LinkedHashMap<>(velocity.getParameters());
        RiskRuleView changed = rules.changeRule(
                velocity.getCode().getValue(),
                new RuleBody()
                        .enabled(velocity.getEnabled())
                        .severity(RuleBody.SeverityEnum.fromValue(
                                velocity.getSeverity().getValue()))
                        .parameters(parameters));
        assertThat(changed.getParameters()).isEqualTo(velocity.getParameters());
        RiskSettings settings = rules.getSettings();
        RiskSettings same = rules.changeSettings(new SettingsBody()
                .reverificationDeadline(settings.getReverificationDeadline())
                .dismissalCooldown(settings.getDismissalCooldown()));
        assertThat(same.getReverificationDeadline()).isEqualTo(settings.getReverificationDeadline());
        assertThat(rules.importHandsetTacs("tac,model\n35"
                                + String.format("%06d", Math.floorMod(System.nanoTime(), 1_000_000L)) + ",SDK Phone\n")
                        .getImported())
                .isEqualTo(1);

        RiskMonitoringApi risk = new RiskMonitoringApi(ops);
        ScanAnswer started = risk.startScan();
        assertThat(started.getStatus()).isIn(ScanAnswer.StatusEnum.RUNNING, ScanAnswer.StatusEnum.DONE);
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> risk.getScan(started.getId()).getStatus() == ScanAnswer.StatusEnum.DONE);
        assertThat(risk.getScan(started.getId()).getCardsScanned()).isPositive();
        assertThat(risk.listAlerts(new RiskMonitoringApi.ListAlertsRequest().size(50))
                        .getItems())
                .isNotNull();
        assertThat(risk.listAppeals(new RiskMonitoringApi.ListAppealsRequest().size(50))
                        .getItems())
                .isNotNull();
    }

    void anExportAndItsFile(ApiClient portal, long enterprise, int cards) {
        ExportsApi exports = new ExportsApi(portal);
        ExportAnswer queued = exports.createExport(new ExportRequest()
                .kind(ExportRequest.KindEnum.CARDS)
                .format(ExportRequest.FormatEnum.CSV)
                .filter(Map.of("enterpriseId", String.valueOf(enterprise))));
        assertThat(queued.getUnmasked()).isFalse();
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> exports.getExport(queued.getId()).getStatus() == ExportAnswer.StatusEnum.DONE);
        Resource file = exports.getExportFile(queued.getId());
        try {
            List<String> lines = new String(file.getContentAsByteArray(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank())
                    .toList();
            assertThat(lines)
                    .as("a header row and one row per card of the portal's enterprise")
                    .hasSize(cards + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
