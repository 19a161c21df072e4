package com.realsim.order;

import com.realsim.platform.Labelled;
import com.realsim.platform.Role;
import java.util.Set;

/**
 * The photos an order carries: fresh photos of the enterprise's certificate original ({@code CERTIFICATE}) and of its
 * responsible person's ID original ({@code RESPONSIBLE_ID}), the enterprise's authorisation of the handler
 * ({@code HANDLER_AUTHORIZATION}), and for the four comparison types the handler's ID ({@code HANDLER_ID}, an addition
 * the contract allows) and their on-site photo ({@code HANDLER_PHOTO}, uploaded through its own endpoint).
 */
public enum OrderDocumentKind implements Labelled {
    CERTIFICATE,
    RESPONSIBLE_ID,
    HANDLER_AUTHORIZATION,
    HANDLER_ID,
    HANDLER_PHOTO;

    @Override
    public String messageKey() {
        return "order.document." + name();
    }

    /** Who may open the file: ID photos and photos of persons OPS and the agent; the rest also the enterprise. */
    public Set<Role> readers() {
        return switch (this) {
            case CERTIFICATE, HANDLER_AUTHORIZATION -> Set.of(Role.OPS, Role.AGENT, Role.ENTERPRISE_ADMIN);
            case RESPONSIBLE_ID, HANDLER_ID, HANDLER_PHOTO -> Set.of(Role.OPS, Role.AGENT);
        };
    }

    /** Part of the person-to-ID comparison: cannot be replaced once the comparison started. */
    public boolean forComparison() {
        return this == HANDLER_ID || this == HANDLER_PHOTO;
    }

    /** The pending item an order shows while this document is missing. */
    public String pendingItem() {
        return this == HANDLER_PHOTO ? OrderView.PENDING_HANDLER_PHOTO : OrderView.DOCUMENT_PREFIX + name();
    }
}
