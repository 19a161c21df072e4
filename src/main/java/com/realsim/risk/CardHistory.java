package com.realsim.risk;

import com.realsim.audit.AuditEntry;
import com.realsim.audit.AuditQuery;
import com.realsim.audit.AuditTrail;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * A card's history for an alert's page: the audit trail's entries about the card (its state changes, blocking reasons
 * put on and cleared, end users, appeals), newest first, as far as the reader may see them — the trail's own scope.
 */
@Service
@RequiredArgsConstructor
public class CardHistory {

    public static final int SIZE = 30;

    private final AuditTrail trail;

    public List<AuditEntry> of(String iccid) {
        return trail.visible(AuditQuery.of("CARD", iccid, null, null, null, null, SIZE, null))
                .items();
    }
}
