package com.realsim.enterprise;

/** The documents of an enterprise registration, as the Partner API names them. */
public enum EnterpriseDocumentKind {
    CERTIFICATE,
    INTRODUCTION_LETTER,
    RESPONSIBLE_ID_FRONT,
    RESPONSIBLE_ID_BACK,
    RESPONSIBLE_AUTHORIZATION
}
