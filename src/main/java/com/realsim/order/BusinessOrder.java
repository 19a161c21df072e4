package com.realsim.order;

import com.realsim.card.Imei;
import com.realsim.identity.IdDocument;
import com.realsim.identity.PersonalData;
import com.realsim.identity.SealContext;
import com.realsim.identity.SealedIdNumber;
import com.realsim.identity.SealedText;
import com.realsim.platform.Actor;
import com.realsim.platform.Tenanted;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.MessageArguments;
import com.realsim.platform.review.Review;
import com.realsim.platform.review.ReviewTerms;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A business order (业务受理) of an agent for one of its verified enterprises: the handler (经办人, sealed), the
 * cards (rows of {@code business_order_card}, kept by {@link OrderCardRows} because an order may hold thousands), the
 * photos it carries, and its progress. It is open ({@code AWAITING_VERIFICATION}) until it completes, is rejected or
 * is cancelled; {@link #pending()} says what it still waits for.
 */
@Entity
@Table(name = "business_order")
@Tenanted(agent = "agentId", enterprise = "enterpriseId")
class BusinessOrder extends AbstractAggregateRoot<BusinessOrder> {

    static final String TABLE = "business_order";
    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "agent_id", nullable = false, updatable = false)
    private Long agentId;

    @Column(name = "enterprise_id", nullable = false, updatable = false)
    private Long enterpriseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private OrderType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(name = "seal_key", nullable = false, updatable = false)
    private UUID sealKey;

    @Embedded
    @AttributeOverride(name = "ciphertext", column = @Column(name = "handler_name_enc"))
    @AttributeOverride(name = "masked", column = @Column(name = "handler_name_masked"))
    private SealedText handlerName;

    @Embedded
    @AttributeOverride(name = "type", column = @Column(name = "handler_id_type"))
    @AttributeOverride(name = "ciphertext", column = @Column(name = "handler_id_number_enc"))
    @AttributeOverride(name = "blindIndex", column = @Column(name = "handler_id_number_bidx"))
    @AttributeOverride(name = "masked", column = @Column(name = "handler_id_number_masked"))
    private SealedIdNumber handlerIdNumber;

    @Embedded
    @AttributeOverride(name = "ciphertext", column = @Column(name = "handler_id_address_enc"))
    @AttributeOverride(name = "masked", column = @Column(name = "handler_id_address_masked"))
    private SealedText handlerIdAddress;

    @Column(name = "handler_authorization_valid_to", nullable = false, updatable = false)
    private LocalDate handlerAuthorizationValidTo;

    @Column(name = "device_type", updatable = false)
    private String deviceType;

    @Column(name = "device_model", updatable = false)
    private String deviceModel;

    @Column(name = "industry_scenario", updatable = false)
    private String industryScenario;

    @Column(name = "expected_monthly_traffic_mb", updatable = false)
    private Integer expectedMonthlyTrafficMb;

    @Column(name = "target_enterprise_id", updatable = false)
    private Long targetEnterpriseId;

    @Column(updatable = false)
    private String imei;

    @Column(name = "card_count", nullable = false, updatable = false)
    private int cardCount;

    @Column(name = "verification_case_id")
    private Long verificationCaseId;

    @Column(name = "verification_status")
    private String verificationStatus;

    @Column
    private String decision;

    @Column(name = "rejection_code")
    private String rejectionCode;

    @Column(name = "rejection_message_key")
    private String rejectionMessageKey;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "rejection_arguments", columnDefinition = "text[]")
    private String[] rejectionArguments;

    @Column(name = "rejection_iccid")
    private String rejectionIccid;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    /** The maker (the agent who submitted it) and, for REBIND_IMEI, the OPS decision. */
    @Embedded
    @AttributeOverride(name = "submittedBy", column = @Column(updatable = false))
    @AttributeOverride(name = "submittedAt", column = @Column(name = "created_at", updatable = false))
    private Review review;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private int version;

    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<OrderDocument> documents = new ArrayList<>();

    protected BusinessOrder() {}

    BusinessOrder(CheckedOrder order, long agentId, Actor by, PersonalData personalData, Instant now) {
        this.agentId = agentId;
        this.enterpriseId = order.enterpriseId();
        this.type = order.type();
        this.status = OrderStatus.AWAITING_VERIFICATION;
        this.sealKey = UUID.randomUUID();
        CheckedOrder.Handler handler = order.handler();
        this.handlerName = personalData.sealName(handler.name(), place("handler_name"));
        this.handlerIdNumber = personalData.seal(handler.idDocument(), place("handler_id_number"));
        this.handlerIdAddress = personalData.sealAddress(handler.idAddress(), place("handler_id_address"));
        this.handlerAuthorizationValidTo = handler.authorizationValidTo();
        if (order.device() != null) {
            this.deviceType = order.device().type();
            this.deviceModel = order.device().model();
            this.industryScenario = order.device().industryScenario();
            this.expectedMonthlyTrafficMb = order.device().expectedMonthlyTrafficMb();
        }
        this.targetEnterpriseId = order.targetEnterpriseId();
        this.imei = order.imei();
        this.cardCount = order.iccids().size();
        this.createdBy = by.name();
        this.review = Review.submittedBy(by, now);
    }

    /** After the first save, when the id is known. */
    BusinessOrder created(Actor by) {
        registerEvent(new OrderCreated(
                id, agentId, enterpriseId, type, cardCount, handlerName.masked(), handlerIdNumber.masked(), by));
        return this;
    }

    // --- documents and the handler's comparison -------------------------------------------------------------------

    /**
     * Records an uploaded photo of a kind; an earlier one of the same kind is superseded. The handler's ID photo and
     * on-site photo cannot change once their comparison started.
     */
    void attach(OrderDocumentKind kind, long documentId, Actor by, Instant now) {
        supersede(kind, now);
        documents.add(new OrderDocument(kind, documentId, by.name(), now));
    }

    /**
     * Sets the current document of a kind aside, as a replacement does before it is attached; answers whether there
     * was one. The caller then flushes: a unique index allows one current document per kind, and Hibernate would
     * insert the replacement before it updates the earlier one.
     */
    boolean supersede(OrderDocumentKind kind, Instant now) {
        requireOpen();
        if (kind.forComparison() && verificationCaseId != null) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "order.comparisonStarted");
        }
        Optional<OrderDocument> earlier = current(kind);
        earlier.ifPresent(document -> document.supersede(now));
        return earlier.isPresent();
    }

    /** Both photos of the handler are there and no comparison was opened yet. */
    boolean readyForComparison() {
        return status.open()
                && type.needsComparison()
                && verificationCaseId == null
                && current(OrderDocumentKind.HANDLER_ID).isPresent()
                && current(OrderDocumentKind.HANDLER_PHOTO).isPresent();
    }

    void comparisonOpened(long caseId, String caseStatus) {
        this.verificationCaseId = caseId;
        this.verificationStatus = caseStatus;
    }

    /**
     * The comparison was decided. Approval lets the order complete (once nothing else is pending); a rejection
     * rejects the order with the reviewer's reason. Answers false for a decision of another case or a closed order
     * (events may arrive twice, or after a cancellation).
     */
    boolean comparisonDecided(long caseId, boolean approved, String reason, Instant now) {
        if (!status.open() || verificationCaseId == null || verificationCaseId != caseId) {
            return false;
        }
        if (approved) {
            this.verificationStatus = APPROVED;
        } else {
            this.verificationStatus = REJECTED;
            reject(
                    "VERIFICATION_REJECTED",
                    "order.rejection.VERIFICATION_REJECTED",
                    new Object[] {reason},
                    null,
                    null,
                    now);
        }
        return true;
    }

    // --- the OPS decision (REBIND_IMEI) ---------------------------------------------------------------------------

    /**
     * OPS approve or reject a rebind. Nobody decides an order they submitted; an approval needs every document. A
     * rejection rejects the order; an approval lets it complete.
     */
    void decide(boolean approve, String reason, Actor ops, Instant now) {
        if (!type.needsOpsDecision()) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "order.noDecisionForType", type);
        }
        requireOpen();
        if (decision != null) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "order.alreadyDecided");
        }
        review.requireDecidableBy(ops, ReviewTerms.DEFAULT);
        if (approve) {
            List<OrderDocumentKind> missing = missingDocuments();
            if (!missing.isEmpty()) {
                throw new DomainException(ErrorCode.DOCUMENTS_MISSING, "order.documentsMissing", missing)
                        .with("kinds", missing.stream().map(Enum::name).toList());
            }
        }
        review.decide(ops, reason, now, ReviewTerms.DEFAULT);
        this.decision = approve ? APPROVED : REJECTED;
        if (!approve) {
            reject("OPS_REJECTED", "order.rejection.OPS_REJECTED", new Object[] {reason}, null, ops, now);
        }
    }

    // --- closing --------------------------------------------------------------------------------------------------

    /** What the open order still waits for, in the order a person works through it. */
    List<String> pending() {
        if (!status.open()) {
            return List.of();
        }
        List<String> pending = new ArrayList<>();
        for (OrderDocumentKind kind : OrderDocumentKind.values()) {
            if (type.requiredDocuments().contains(kind) && current(kind).isEmpty()) {
                pending.add(kind.pendingItem());
            }
        }
        if (type.needsComparison()) {
            if (current(OrderDocumentKind.HANDLER_PHOTO).isEmpty()) {
                pending.add(OrderView.PENDING_HANDLER_PHOTO);
            }
            if (!APPROVED.equals(verificationStatus)) {
                pending.add(OrderView.PENDING_VERIFICATION);
            }
        }
        if (type.needsOpsDecision() && decision == null) {
            pending.add(OrderView.PENDING_OPS_DECISION);
        }
        return pending;
    }

    private List<OrderDocumentKind> missingDocuments() {
        return type.requiredDocuments().stream()
                .filter(kind -> current(kind).isEmpty())
                .sorted(Comparator.comparing(OrderDocumentKind::name))
                .toList();
    }

    /** Open, and waiting for nothing any more: the card effects may run. */
    boolean readyToComplete() {
        return status.open() && pending().isEmpty();
    }

    /** Whether the handler's authorisation covers this (Beijing) day. */
    boolean handlerAuthorisedOn(LocalDate today) {
        return !today.isAfter(handlerAuthorizationValidTo);
    }

    /** The card effects ran in this transaction: the order is done. */
    void complete(Actor by, Instant now) {
        if (!readyToComplete()) {
            throw new DomainException(
                    ErrorCode.ILLEGAL_STATE_TRANSITION,
                    "order.notReady",
                    pending().stream().map(OrderView::pendingLabel).toList());
        }
        close(OrderStatus.COMPLETED, by, now);
        registerEvent(new OrderCompleted(id, agentId, enterpriseId, type, cardCount, targetEnterpriseId, by, now));
    }

    /**
     * Rejects the open order.
     *
     * @param code why, as a stable code: {@code VERIFICATION_REJECTED}, {@code OPS_REJECTED}, or the error code a
     *     card refusal or a rule answered
     * @param messageKey the reason's text, with {@code arguments} (kept with their labels, {@link MessageArguments})
     * @param iccid the card the refusal concerns, if it names one
     */
    void reject(String code, String messageKey, Object[] arguments, String iccid, Actor by, Instant now) {
        requireOpen();
        this.rejectionCode = code;
        this.rejectionIccid = iccid;
        this.rejectionMessageKey = messageKey;
        this.rejectionArguments = MessageArguments.stored(arguments).toArray(String[]::new);
        close(OrderStatus.REJECTED, by, now);
        // The trail keeps a person's typed reason; a refusal of the card module is told by its code.
        String typedReason = arguments.length == 1 && arguments[0] instanceof String reason ? reason : "";
        registerEvent(new OrderRejected(id, agentId, enterpriseId, type, code, typedReason, by, now));
    }

    /** The agent withdraws the open order. */
    void cancel(Actor by, Instant now) {
        requireOpen();
        close(OrderStatus.CANCELLED, by, now);
        registerEvent(new OrderCancelled(id, agentId, enterpriseId, type, by, now));
    }

    private void close(OrderStatus outcome, Actor by, Instant now) {
        this.status = outcome;
        this.closedBy = by == null ? "system" : by.name();
        this.closedAt = now;
    }

    void requireOpen() {
        if (!status.open()) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "order.closed", status)
                    .with("status", status.name());
        }
    }

    // --- reading --------------------------------------------------------------------------------------------------

    private Optional<OrderDocument> current(OrderDocumentKind kind) {
        return documents.stream().filter(d -> d.current() && d.kind() == kind).findFirst();
    }

    /** The stored document of a kind, for the comparison. */
    long documentId(OrderDocumentKind kind) {
        return current(kind).orElseThrow().documentId();
    }

    private SealContext place(String column) {
        return SealContext.of(TABLE, column, sealKey);
    }

    String handlerName(PersonalData personalData) {
        return personalData.open(handlerName, place("handler_name"));
    }

    IdDocument handlerIdDocument(PersonalData personalData) {
        return personalData.open(handlerIdNumber, place("handler_id_number"));
    }

    String reveal(String field, PersonalData personalData) {
        return switch (field) {
            case "handler.name" -> handlerName(personalData);
            case "handler.idNumber" -> handlerIdDocument(personalData).number();
            case "handler.idAddress" -> personalData.open(handlerIdAddress, place("handler_id_address"));
            default -> null;
        };
    }

    Long id() {
        return id;
    }

    long agentId() {
        return agentId;
    }

    long enterpriseId() {
        return enterpriseId;
    }

    OrderType type() {
        return type;
    }

    OrderStatus status() {
        return status;
    }

    Long targetEnterpriseId() {
        return targetEnterpriseId;
    }

    String imei() {
        return imei;
    }

    String number() {
        return OrderView.number(id);
    }

    OrderView view() {
        return new OrderView(
                id,
                number(),
                type,
                status,
                agentId,
                enterpriseId,
                targetEnterpriseId,
                new OrderView.HandlerView(
                        handlerName.masked(),
                        handlerIdNumber.type(),
                        handlerIdNumber.masked(),
                        handlerIdAddress.masked(),
                        handlerAuthorizationValidTo),
                deviceType == null
                        ? null
                        : new OrderView.DeviceView(deviceType, deviceModel, industryScenario, expectedMonthlyTrafficMb),
                Imei.mask(imei),
                cardCount,
                pending(),
                documents.stream()
                        .filter(OrderDocument::current)
                        .map(OrderDocument::view)
                        .toList(),
                verificationCaseId,
                verificationStatus,
                decision == null
                        ? null
                        : new OrderView.DecisionView(
                                decision, review.decidedByName(), review.decidedAt(), review.reason()),
                rejectionCode == null
                        ? null
                        : new OrderView.RejectionView(
                                rejectionCode,
                                rejectionIccid,
                                rejectionMessageKey,
                                rejectionArguments == null
                                        ? List.of()
                                        : List.of(MessageArguments.fromStored(Arrays.asList(rejectionArguments)))),
                createdBy,
                review.submitterKey(),
                review.submittedAt(),
                closedBy,
                closedAt);
    }
}
