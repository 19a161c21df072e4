package com.realsim.order;

import com.realsim.identity.IdType;
import com.realsim.platform.Actor;
import com.realsim.platform.error.MessageArguments;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * An order as pages and the API show it: the handler masked, what it still waits for ({@code pending}), its
 * documents, the comparison's and the OPS decision's state, and why it was rejected.
 *
 * @param number the order's display reference ({@code ORD-000042}); not personal data
 * @param imei the new device of a REBIND_IMEI order, masked like the card module masks IMEIs
 * @param pending what the open order still waits for: {@code DOCUMENT:<KIND>}, {@code HANDLER_PHOTO},
 *     {@code VERIFICATION}, {@code OPS_DECISION}; empty once it is closed
 * @param submitterKey the principal key of the account that created it (maker-checker)
 */
public record OrderView(
        long id,
        String number,
        OrderType type,
        OrderStatus status,
        long agentId,
        long enterpriseId,
        Long targetEnterpriseId,
        HandlerView handler,
        DeviceView device,
        String imei,
        int cardCount,
        List<String> pending,
        List<DocumentView> documents,
        Long verificationCaseId,
        String verificationStatus,
        DecisionView decision,
        RejectionView rejection,
        String createdBy,
        String submitterKey,
        Instant createdAt,
        String closedBy,
        Instant closedAt) {

    public static final String PENDING_HANDLER_PHOTO = "HANDLER_PHOTO";
    public static final String PENDING_VERIFICATION = "VERIFICATION";
    public static final String PENDING_OPS_DECISION = "OPS_DECISION";
    static final String DOCUMENT_PREFIX = "DOCUMENT:";

    /** The handler (经办人), masked. */
    public record HandlerView(
            String name, IdType idType, String idNumber, String idAddress, LocalDate authorizationValidTo) {}

    /** What the cards of a NEW_INSTALL order are for. */
    public record DeviceView(String type, String model, String industryScenario, int expectedMonthlyTrafficMb) {}

    /** The current document of a kind: open it at {@link #path()} if the reader's role may. */
    public record DocumentView(OrderDocumentKind kind, long documentId, String uploadedBy, Instant uploadedAt) {

        public String path() {
            return "/documents/" + documentId;
        }

        public boolean readableBy(Actor actor) {
            return actor != null && kind.readers().contains(actor.role());
        }
    }

    /** The OPS decision of a REBIND_IMEI order. */
    public record DecisionView(String outcome, String decidedBy, Instant decidedAt, String reason) {}

    /**
     * Why the order was rejected: a stable code ({@code VERIFICATION_REJECTED}, {@code OPS_REJECTED}, or the code
     * the card module refused with, e.g. {@code QUOTA_EXCEEDED}), the card it concerns if it names one, and the
     * reason as a message key with arguments.
     */
    public record RejectionView(String code, String iccid, String messageKey, List<Object> arguments) {}

    /** A pending item ({@link #pending()}) as a message argument: its label in the reader's language. */
    static Object pendingLabel(String item) {
        return item.startsWith(DOCUMENT_PREFIX)
                ? MessageArguments.label(
                        "order.document." + item.substring(DOCUMENT_PREFIX.length()),
                        item.substring(DOCUMENT_PREFIX.length()))
                : MessageArguments.label("order.pending." + item, item);
    }

    public boolean open() {
        return status.open();
    }

    public boolean waitsFor(String item) {
        return pending.contains(item);
    }

    /**
     * The first of these kinds (then the handler's on-site photo, if the type compares) the order still waits for and
     * the agent may still upload, or null: the upload the page points at next.
     */
    public OrderDocumentKind nextMissingDocument(List<OrderDocumentKind> kinds) {
        return Stream.concat(
                        kinds.stream(),
                        type.needsComparison() ? Stream.of(OrderDocumentKind.HANDLER_PHOTO) : Stream.empty())
                .filter(kind -> waitsFor(kind.pendingItem()))
                .filter(kind -> !(kind.forComparison() && verificationCaseId != null))
                .findFirst()
                .orElse(null);
    }

    public String documentPending(OrderDocumentKind kind) {
        return kind.pendingItem();
    }

    /** The current document of a kind, if one was uploaded. */
    public DocumentView document(OrderDocumentKind kind) {
        return documents.stream().filter(d -> d.kind() == kind).findFirst().orElse(null);
    }

    /** Whether this actor created the order, and so may not decide it (maker-checker). */
    public boolean submittedBy(Actor actor) {
        return actor != null && actor.principalKey().equals(submitterKey);
    }

    public static String number(long id) {
        return String.format("ORD-%06d", id);
    }
}
