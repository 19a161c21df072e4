package com.realsim.order.api;

import com.realsim.card.CardState;
import com.realsim.document.DocumentSummary;
import com.realsim.order.OrderCardView;
import com.realsim.order.OrderDocumentKind;
import com.realsim.order.OrderInput;
import com.realsim.order.OrderService;
import com.realsim.order.OrderStatus;
import com.realsim.order.OrderType;
import com.realsim.order.OrderView;
import com.realsim.platform.web.CursorPage;
import com.realsim.platform.web.Projection;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Partner API, business orders: AGENT clients submit orders, attach their photos and cancel them; OPS clients read
 * every order and decide IMEI rebinds; ENTERPRISE_ADMIN clients read their enterprise's orders. Another tenant's
 * order answers 404. The handler is masked in every answer.
 */
@RestController
@Tag(
        name = "Orders",
        description = "Business orders (业务受理) of agents for verified enterprises: the handler, the cards, fresh "
                + "document photos, the handler's person-to-ID check or an OPS decision, and what a completed "
                + "order does to the cards.")
@RequestMapping("/api/v1/orders")
@PreAuthorize("hasAnyRole('AGENT', 'OPS', 'ENTERPRISE_ADMIN')")
@RequiredArgsConstructor
class OrderApi {

    /** How many of an order's cards its answer lists; {@code cardsNextCursor} continues at {@code /{id}/cards}. */
    static final int CARDS_IN_ANSWER = 500;

    private final OrderService orders;
    private final MessageSource messages;

    /** The contract's order body; fields of other types than the order's are ignored. */
    record OrderRequest(
            OrderType type,
            Long enterpriseId,
            List<String> iccids,
            OrderInput.HandlerInput handler,
            OrderInput.DeviceInput device,
            Long targetEnterpriseId,
            List<OrderInput.ReplacementInput> replacements,
            String imei) {

        OrderInput input() {
            return new OrderInput(type, enterpriseId, iccids, handler, device, targetEnterpriseId, replacements, imei);
        }
    }

    record Reason(String reason) {}

    record CardItem(String iccid, String replaces, CardState state) {

        static CardItem of(OrderCardView card) {
            return new CardItem(card.iccid(), card.replaces(), card.state());
        }
    }

    record DocumentItem(long id, OrderDocumentKind kind, Instant uploadedAt) {}

    record Verification(Long caseId, String status) {}

    record Rejection(String code, String iccid, String reason) {}

    record OrderResponse(
            long id,
            String number,
            OrderType type,
            OrderStatus status,
            long agentId,
            long enterpriseId,
            Long targetEnterpriseId,
            OrderView.HandlerView handler,
            OrderView.DeviceView device,
            String imei,
            int cardCount,
            List<CardItem> cards,
            String cardsNextCursor,
            List<String> pending,
            List<DocumentItem> documents,
            Verification verification,
            OrderView.DecisionView decision,
            Rejection rejection,
            String createdBy,
            Instant createdAt,
            String closedBy,
            Instant closedAt) {}

    record OrderListItem(
            long id,
            String number,
            OrderType type,
            OrderStatus status,
            long agentId,
            long enterpriseId,
            int cardCount,
            List<String> pending,
            String createdBy,
            Instant createdAt,
            Instant closedAt) {

        static OrderListItem of(OrderView order) {
            return Projection.of(order, OrderListItem.class);
        }
    }

    record Attachment(long id, String kind, OrderStatus orderStatus, List<String> pending) {

        static Attachment of(OrderService.Attached attached) {
            DocumentSummary document = attached.document();
            return new Attachment(
                    document.id(),
                    document.kind(),
                    attached.order().status(),
                    attached.order().pending());
        }
    }

    @PostMapping
    @PreAuthorize("hasRole('AGENT')")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<OrderResponse> createOrder(@RequestBody OrderRequest request) {
        OrderView created = orders.create(request.input());
        return ResponseEntity.created(URI.create("/api/v1/orders/" + created.id()))
                .body(response(created));
    }

    @PostMapping(path = "/{id}/handler-photo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('AGENT')")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Attachment> uploadHandlerPhoto(@PathVariable long id, @RequestParam MultipartFile file)
            throws IOException {
        OrderService.Attached attached = orders.attachHandlerPhoto(id, file.getBytes());
        return ResponseEntity.created(URI.create(attached.document().path())).body(Attachment.of(attached));
    }

    @PostMapping(path = "/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('AGENT')")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Attachment> attachOrderDocument(
            @PathVariable long id, @RequestParam OrderDocumentKind kind, @RequestParam MultipartFile file)
            throws IOException {
        OrderService.Attached attached = orders.attach(id, kind, file.getBytes());
        return ResponseEntity.created(URI.create(attached.document().path())).body(Attachment.of(attached));
    }

    @GetMapping("/{id}")
    OrderResponse getOrder(@PathVariable long id) {
        return response(orders.get(id));
    }

    @GetMapping
    CursorPage<OrderListItem> listOrders(
            @RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) OrderType type,
            @RequestParam(required = false) Long enterpriseId,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String cursor) {
        return orders.list(status, type, enterpriseId, cursor, size).map(OrderListItem::of);
    }

    /** The order's cards with their states now, a page at a time, in the order given. */
    @GetMapping("/{id}/cards")
    CursorPage<CardItem> listOrderCards(
            @PathVariable long id,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String cursor) {
        return orders.cards(id, cursor, size).map(CardItem::of);
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasRole('AGENT')")
    OrderResponse cancelOrder(@PathVariable long id) {
        return response(orders.cancel(id));
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('OPS')")
    OrderResponse approveOrder(@PathVariable long id, @RequestBody(required = false) Reason body) {
        return response(orders.approve(id, body == null ? null : body.reason()));
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasRole('OPS')")
    OrderResponse rejectOrder(@PathVariable long id, @RequestBody(required = false) Reason body) {
        return response(orders.reject(id, body == null ? null : body.reason()));
    }

    private OrderResponse response(OrderView order) {
        CursorPage<OrderCardView> cards = orders.cards(order.id(), null, CARDS_IN_ANSWER);
        return new OrderResponse(
                order.id(),
                order.number(),
                order.type(),
                order.status(),
                order.agentId(),
                order.enterpriseId(),
                order.targetEnterpriseId(),
                order.handler(),
                order.device(),
                order.imei(),
                order.cardCount(),
                cards.items().stream().map(CardItem::of).toList(),
                cards.nextCursor(),
                order.pending(),
                order.documents().stream()
                        .map(d -> new DocumentItem(d.documentId(), d.kind(), d.uploadedAt()))
                        .toList(),
                order.type().needsComparison()
                        ? new Verification(order.verificationCaseId(), order.verificationStatus())
                        : null,
                order.decision(),
                order.rejection() == null
                        ? null
                        : new Rejection(
                                order.rejection().code(),
                                order.rejection().iccid(),
                                messages.getMessage(
                                        order.rejection().messageKey(),
                                        order.rejection().arguments().toArray(),
                                        order.rejection().code(),
                                        LocaleContextHolder.getLocale())),
                order.createdBy(),
                order.createdAt(),
                order.closedBy(),
                order.closedAt());
    }
}
