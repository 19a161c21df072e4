package com.realsim.enterprise;

import com.realsim.identity.Uscc;

/** An enterprise's real-name fields as entered, already checked; no code for an introduction letter. */
public record EnterpriseDetails(
        String name,
        CertificateType certificateType,
        Uscc certificateNumber,
        String certificateAddress,
        String legalRepresentative) {

    @Override
    public String toString() {
        return "EnterpriseDetails[" + name + ", " + certificateType + "]";
    }
}
