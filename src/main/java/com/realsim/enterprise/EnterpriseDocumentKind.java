package com.realsim.enterprise;

import com.realsim.platform.Labelled;

/** The documents of an enterprise registration, as the Partner API names them. */
public enum EnterpriseDocumentKind implements Labelled {
    CERTIFICATE,
    INTRODUCTION_LETTER,
    RESPONSIBLE_ID_FRONT,
    RESPONSIBLE_ID_BACK,
    RESPONSIBLE_AUTHORIZATION;

    @Override
    public String messageKey() {
        return "enterprise.document." + name();
    }
}
