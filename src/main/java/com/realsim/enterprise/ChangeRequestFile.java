package com.realsim.enterprise;

import com.realsim.document.DocumentSummary;
import java.util.List;

/** A change request with the enterprise it changes, the proposed person if any, and its documents. */
public record ChangeRequestFile(
        ChangeRequestView request,
        EnterpriseView enterprise,
        ResponsiblePersonView proposedPerson,
        List<DocumentSummary> documents) {}
