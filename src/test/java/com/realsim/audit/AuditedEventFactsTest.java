package com.realsim.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.realsim.platform.Actor;
import com.realsim.platform.AuditedEvent;
import com.realsim.platform.AuditedEvent.AuditFacts;
import com.realsim.platform.Role;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * The trail's words stay the same whatever shape an event's code takes: every {@link AuditedEvent} of the application
 * (every concrete class under {@code com.realsim} found on the class path, so a new one cannot be missed) has a row in
 * this table and names the action and the target type the row expects, with an outcome. A new event without a row,
 * an event that is no record (the table builds each event from sample values of its components), renaming an action
 * by accident, or moving an event onto shared defaults that say something else fails here. What goes to the trail and
 * when is {@link AuditedEventsTest}'s.
 */
class AuditedEventFactsTest {

    /**
     * Event (simple name) → its target type and the actions it may record (a regular expression). {@code 77} is the
     * sample every text component gets: an event whose action or target is one of its components records it.
     */
    static final Map<String, String[]> EXPECTED = new TreeMap<>();

    static {
        expect("AgentOrganisationCreated", "AGENT", "AGENT_CREATED");
        expect("AgentQualificationChanged", "AGENT", "AGENT_(SUSPENDED|REINSTATED|REVOKED)");
        expect("ApiClientChanged", "API_CLIENT", "77"); // the action is the service's, carried as it is
        expect("BarChanged", "BAR", "77"); // the action is carried as the aggregate names it
        expect("CardActivated", "CARD", "CARD_ACTIVATED");
        expect("CardBlockingReasonCleared", "CARD", "CARD_BLOCKING_REASON_CLEARED");
        expect("CardBulkEvent", "CARD_BULK", "77"); // the action is the service's, carried as it is
        expect("CardCancelled", "CARD", "CARD_CANCELLED");
        expect("CardEndUserBound", "CARD", "CARD_END_USER_BOUND");
        expect("CardHandedOver", "CARD", "CARD_HANDED_OVER");
        expect("CardImeiBound", "CARD", "CARD_IMEI_BOUND");
        expect("CardPreCancelled", "CARD", "CARD_PRE_CANCELLED");
        expect("CardReplaced", "CARD", "CARD_REPLACED");
        expect("CardRestored", "CARD", "CARD_RESTORED");
        expect("CardResumed", "CARD", "CARD_RESUMED");
        expect("CardSuspended", "CARD", "CARD_SUSPENDED");
        expect("CardTestPeriodEnded", "CARD", "CARD_TEST_PERIOD_ENDED");
        expect("CardTransferred", "CARD", "CARD_TRANSFERRED");
        expect("CardsImported", "CARD_IMPORT", "CARDS_IMPORTED");
        expect("DocumentStored", "DOCUMENT", "DOCUMENT_STORED");
        expect("EnterpriseChanged", "ENTERPRISE", "77"); // the action is carried as the aggregate names it
        expect("ExceptionApproved", "EXCEPTION", "EXCEPTION_APPROVED");
        expect("ExceptionAssignmentChanged", "EXCEPTION", "77"); // the action is carried as the aggregate names it
        expect("ExceptionRejected", "EXCEPTION", "EXCEPTION_REJECTED");
        expect("ExceptionRequested", "EXCEPTION", "EXCEPTION_REQUESTED");
        expect("ExportEvent", "EXPORT", "77"); // the action is the service's, carried as it is
        expect("WebhookChanged", "WEBHOOK", "77"); // the action is the service's, carried as it is
        expect("OperatorQuotaChanged", "OPERATOR", "OPERATOR_QUOTA_CHANGED");
        expect("OperatorSilentPeriodChanged", "OPERATOR", "OPERATOR_SILENT_PERIOD_CHANGED");
        expect("OrderCancelled", "ORDER", "ORDER_CANCELLED");
        expect("OrderCompleted", "ORDER", "ORDER_COMPLETED");
        expect("OrderCreated", "ORDER", "ORDER_CREATED");
        expect("OrderRejected", "ORDER", "ORDER_REJECTED");
        expect("PersonalDataUnmasked", "77", "PERSONAL_DATA_UNMASKED"); // the target is the record unmasked
        expect("RealNameRuleChanged", "REAL_NAME_RULE", "REAL_NAME_RULE_(CREATED|CHANGED)");
        expect("RegistrationRefused", "ENTERPRISE", "ENTERPRISE_ALREADY_REGISTERED");
        expect("RiskAlertDecided", "RISK_ALERT", "77"); // the action is the service's, carried as it is
        expect("RiskAppealRecorded", "CARD", "77"); // the appeal's acts on the card's trail, action carried as it is
        expect("RiskRuleChanged", "RISK_RULE", "RISK_RULE_CHANGED");
        expect("ReverificationRequired", "RISK_ALERT", "RISK_REVERIFICATION_REQUIRED");
        expect("RiskSettingsChanged", "RISK_SETTINGS", "77"); // the action is the service's, carried as it is
        expect("ResponsiblePersonChanged", "ENTERPRISE", "RESPONSIBLE_PERSON_CHANGED");
        expect("SelfServiceLinkChanged", "VERIFICATION", "77"); // the action is carried as the aggregate names it
        expect("ServicePlanCreated", "SERVICE_PLAN", "SERVICE_PLAN_CREATED");
        expect("SignInRefused", "USER", "SIGN_IN");
        expect("SignedIn", "USER", "SIGN_IN");
        expect("UserAccountCreated", "USER", "USER_CREATED");
        expect("UserAccountDisabled", "USER", "USER_DISABLED");
        expect("UserAccountMoved", "USER", "USER_MOVED");
        expect("UserAccountRenamed", "USER", "USER_RENAMED");
        expect("UserPasswordChanged", "USER", "USER_PASSWORD_CHANGED");
        expect("UserPasswordReset", "USER", "USER_PASSWORD_RESET");
        expect("UserAccountEnabled", "USER", "USER_ENABLED");
        expect("UserAccountLockedOut", "USER", "USER_LOCKED_OUT");
        expect("UserAccountUnlocked", "USER", "USER_UNLOCKED");
        expect("VerificationCaseChanged", "VERIFICATION", "77"); // the action is carried as the aggregate names it
    }

    static void expect(String event, String targetType, String actions) {
        EXPECTED.put(event, new String[] {targetType, actions});
    }

    static final Actor ACTOR = new Actor(Actor.Kind.USER, 4, "sample-actor", Role.OPS, null, null);

    @Test
    void everyAuditedEventNamesTheActionAndTargetTheTrailHasAlwaysUsed() throws Exception {
        List<Class<?>> events = auditedEvents();
        Set<String> found = new TreeSet<>();
        events.forEach(type -> found.add(type.getSimpleName()));
        assertThat(found).as("audited events found on the class path").hasSizeGreaterThan(30);
        assertThat(EXPECTED.keySet()).as("rows for events that no longer exist").isSubsetOf(found);
        assertThat(problems(events, EXPECTED)).isEmpty();
    }

    /** A probe that is audited but written as a class rather than a record (found by the scan like any other). */
    static final class AuditedButNoRecord implements AuditedEvent {
        @Override
        public AuditFacts auditFacts() {
            return new AuditFacts("probe", Role.OPS, null, null, "PROBED", "PROBE", "1", "SUCCESS", Map.of());
        }
    }

    @Test
    void theTableFailsForAnEventWithoutARowAnEventThatIsNoRecordAndARenamedAction() throws Exception {
        List<Class<?>> events = auditedEvents();
        Class<?> activated = events.stream()
                .filter(type -> type.getSimpleName().equals("CardActivated"))
                .findFirst()
                .orElseThrow();
        Map<String, String[]> withoutItsRow = new TreeMap<>(EXPECTED);
        withoutItsRow.remove("CardActivated");
        assertThat(problems(List.of(activated), withoutItsRow))
                .singleElement(InstanceOfAssertFactories.STRING)
                .contains("CardActivated is audited but has no row");

        Map<String, String[]> renamed = new TreeMap<>(EXPECTED);
        renamed.put("CardActivated", new String[] {"CARD", "CARD_SWITCHED_ON"});
        assertThat(problems(List.of(activated), renamed))
                .singleElement(InstanceOfAssertFactories.STRING)
                .contains("records CARD_ACTIVATED on CARD, expected CARD_SWITCHED_ON on CARD");

        Map<String, String[]> withAProbeRow = new TreeMap<>(EXPECTED);
        withAProbeRow.put(AuditedButNoRecord.class.getSimpleName(), new String[] {"PROBE", "PROBED"});
        assertThat(problems(List.of(AuditedButNoRecord.class), withAProbeRow))
                .singleElement(InstanceOfAssertFactories.STRING)
                .contains("AuditedButNoRecord is audited but no record");
        assertThat(isConcreteAuditedEvent(AuditedButNoRecord.class))
                .as("the scan keeps audited classes that are no records")
                .isTrue();
        assertThat(isConcreteAuditedEvent(AuditedEvent.class))
                .as("the scan skips the interfaces events share their facts through")
                .isFalse();
    }

    /** What is wrong with these events against this table: nothing, or one line per event. */
    static List<String> problems(List<Class<?>> events, Map<String, String[]> expected) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Class<?> type : events) {
            String[] row = expected.get(type.getSimpleName());
            if (row == null) {
                wrong.add(type.getName() + " is audited but has no row in EXPECTED (say its target and action)");
                continue;
            }
            if (!type.isRecord()) {
                wrong.add(type.getName() + " is audited but no record: write it as a record, as every event is");
                continue;
            }
            AuditFacts facts = ((AuditedEvent) sample(type)).auditFacts();
            if (!row[0].equals(facts.targetType()) || !facts.action().matches(row[1])) {
                wrong.add(type.getSimpleName() + " records " + facts.action() + " on " + facts.targetType()
                        + ", expected " + row[1] + " on " + row[0]);
            }
            if (facts.outcome() == null || facts.outcome().isBlank()) {
                wrong.add(type.getSimpleName() + " records no outcome");
            }
        }
        return wrong;
    }

    @Test
    void theAccountEventsKeepTheirFactsOnTheSharedDefaults() throws Exception {
        AuditFacts created = ((AuditedEvent)
                        construct("com.realsim.account.UserAccountCreated", 11L, "li.si", Role.AGENT, 7L, null, ACTOR))
                .auditFacts();
        assertThat(created)
                .isEqualTo(new AuditFacts(
                        "sample-actor",
                        Role.OPS,
                        7L,
                        null,
                        "USER_CREATED",
                        "USER",
                        "11",
                        "SUCCESS",
                        Map.of("username", "li.si", "role", "AGENT")));
        AuditFacts lockedOut = ((AuditedEvent) construct(
                        "com.realsim.account.UserAccountLockedOut",
                        11L,
                        "li.si",
                        7L,
                        null,
                        Instant.parse("2026-01-01T00:15:00Z")))
                .auditFacts();
        assertThat(lockedOut.actor()).as("a lockout is the system's").isEqualTo("system");
        assertThat(lockedOut.details()).containsEntry("lockedUntil", "2026-01-01T00:15:00Z");
    }

    // --- building samples -------------------------------------------------------------------------------------------

    static List<Class<?>> auditedEvents() throws Exception {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        MetadataReaderFactory readers = new CachingMetadataReaderFactory(resolver);
        List<Class<?>> events = new ArrayList<>();
        for (Resource resource : resolver.getResources("classpath*:com/realsim/**/*.class")) {
            if (resource.getURL().toString().contains("test-classes")) {
                continue;
            }
            String name = readers.getMetadataReader(resource).getClassMetadata().getClassName();
            Class<?> type = Class.forName(name, false, AuditedEventFactsTest.class.getClassLoader());
            if (isConcreteAuditedEvent(type)) {
                events.add(type);
            }
        }
        return events;
    }

    /** An event type the trail records: what implements {@link AuditedEvent} and can be built (no interface). */
    static boolean isConcreteAuditedEvent(Class<?> type) {
        return AuditedEvent.class.isAssignableFrom(type)
                && !type.isInterface()
                && !Modifier.isAbstract(type.getModifiers());
    }

    static Object construct(String type, Object... arguments) throws Exception {
        Class<?> record = Class.forName(type);
        Constructor<?> canonical = canonical(record);
        canonical.setAccessible(true);
        return canonical.newInstance(arguments);
    }

    /**
     * A record of this type with a sample value for each component; when the record refuses them (a value that
     * checks itself), the same with another constant of one of its enum components.
     */
    static Object sample(Class<?> record) throws Exception {
        Constructor<?> canonical = canonical(record);
        canonical.setAccessible(true);
        RecordComponent[] components = record.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(components[i].getType());
        }
        try {
            return canonical.newInstance(values);
        } catch (InvocationTargetException refused) {
            for (int i = 0; i < components.length; i++) {
                for (Object constant : components[i].getType().isEnum()
                        ? components[i].getType().getEnumConstants()
                        : new Object[0]) {
                    Object[] other = values.clone();
                    other[i] = constant;
                    try {
                        return canonical.newInstance(other);
                    } catch (InvocationTargetException refusedAgain) {
                        // the next one
                    }
                }
            }
            throw refused;
        }
    }

    private static Constructor<?> canonical(Class<?> record) throws NoSuchMethodException {
        Class<?>[] types = Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        return record.getDeclaredConstructor(types);
    }

    private static Object value(Class<?> type) throws Exception {
        if (type == long.class || type == Long.class) {
            return 7L;
        }
        if (type == int.class || type == Integer.class) {
            return 3;
        }
        if (type == double.class || type == Double.class) {
            return 0.5;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == String.class) {
            return "77"; // fits codes, number prefixes and names alike
        }
        if (type == Instant.class) {
            return Instant.parse("2026-01-01T00:00:00Z");
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 1, 1);
        }
        if (type == Actor.class) {
            return ACTOR;
        }
        if (type == BigDecimal.class) {
            return BigDecimal.ONE;
        }
        if (type == UUID.class) {
            return new UUID(1, 2);
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == Map.class) {
            return Map.of();
        }
        if (type == List.class || type == Collection.class) {
            return List.of();
        }
        if (type == Set.class) {
            return Set.of();
        }
        if (type.isRecord()) {
            return sample(type);
        }
        throw new IllegalStateException("No sample value of " + type.getName() + ": add one");
    }
}
