package com.realsim.order;

import com.realsim.platform.Labelled;
import java.util.EnumSet;
import java.util.Set;

/**
 * The business an order does (业务类型). Four types need the handler photographed on site and compared with their ID
 * (人证比对): new installation (新装), transfer of ownership (过户), real-name supplement (实名制补录) and card
 * replacement (补换卡). A rebind of the machine-card binding needs an OPS decision; the others complete as soon as
 * their documents are in.
 */
public enum OrderType implements Labelled {
    NEW_INSTALL,
    TRANSFER,
    REAL_NAME_SUPPLEMENT,
    CARD_REPLACEMENT,
    REBIND_IMEI,
    SUSPEND,
    RESUME,
    CANCEL;

    @Override
    public String messageKey() {
        return "order.type." + name();
    }

    /** Whether the handler is photographed on site and compared with their ID photo before the order completes. */
    public boolean needsComparison() {
        return this == NEW_INSTALL || this == TRANSFER || this == REAL_NAME_SUPPLEMENT || this == CARD_REPLACEMENT;
    }

    /** Whether OPS approve or reject the order (maker-checker). */
    public boolean needsOpsDecision() {
        return this == REBIND_IMEI;
    }

    /** Whether the order takes cards from the inventory (rather than cards the enterprise already holds). */
    public boolean takesInventoryCards() {
        return this == NEW_INSTALL;
    }

    /** The documents an order of this type must carry before it can complete. */
    public Set<OrderDocumentKind> requiredDocuments() {
        Set<OrderDocumentKind> kinds = EnumSet.of(
                OrderDocumentKind.CERTIFICATE,
                OrderDocumentKind.RESPONSIBLE_ID,
                OrderDocumentKind.HANDLER_AUTHORIZATION);
        if (needsComparison()) {
            kinds.add(OrderDocumentKind.HANDLER_ID);
        }
        return kinds;
    }

    /** The document kinds an agent may upload to an order of this type through the documents endpoint. */
    public Set<OrderDocumentKind> uploadableDocuments() {
        return requiredDocuments();
    }
}
