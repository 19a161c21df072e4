package com.realsim.enterprise;

import com.realsim.platform.Labelled;

/**
 * What proves the enterprise exists. Business licences and institution or social-organisation certificates carry a
 * unified social credit code; party, government and military units without a certificate present an introduction
 * letter or official letter with the unit's seal instead, and then no number is required but the letter's scan is.
 */
public enum CertificateType implements Labelled {
    USCC,
    INSTITUTION,
    SOCIAL_ORGANIZATION,
    INTRODUCTION_LETTER;

    @Override
    public String messageKey() {
        return "enterprise.certificateType." + name();
    }

    public boolean carriesCode() {
        return this != INTRODUCTION_LETTER;
    }

    /** The document that shows the certificate: a photo of its original, or the letter's scan. */
    public EnterpriseDocumentKind proofKind() {
        return carriesCode() ? EnterpriseDocumentKind.CERTIFICATE : EnterpriseDocumentKind.INTRODUCTION_LETTER;
    }
}
