package com.realsim.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Which stored document is the order's photo of a kind. Part of the {@link BusinessOrder} aggregate; a kind uploaded
 * again supersedes the earlier row, which stays as history.
 */
@Entity
@Table(name = "business_order_document")
class OrderDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private OrderDocumentKind kind;

    @Column(name = "document_id", nullable = false, updatable = false)
    private long documentId;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    @Column(name = "superseded_at")
    private Instant supersededAt;

    protected OrderDocument() {}

    OrderDocument(OrderDocumentKind kind, long documentId, String uploadedBy, Instant uploadedAt) {
        this.kind = kind;
        this.documentId = documentId;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    boolean current() {
        return supersededAt == null;
    }

    void supersede(Instant now) {
        this.supersededAt = now;
    }

    OrderDocumentKind kind() {
        return kind;
    }

    long documentId() {
        return documentId;
    }

    OrderView.DocumentView view() {
        return new OrderView.DocumentView(kind, documentId, uploadedBy, uploadedAt);
    }
}
