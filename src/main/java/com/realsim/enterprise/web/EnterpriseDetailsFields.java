package com.realsim.enterprise.web;

/**
 * The enterprise's details a registration sets and a change request of a verified enterprise proposes: its name,
 * certificate address and legal representative.
 */
public class EnterpriseDetailsFields {

    private String name;
    private String certificateAddress;
    private String legalRepresentative;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCertificateAddress() {
        return certificateAddress;
    }

    public void setCertificateAddress(String certificateAddress) {
        this.certificateAddress = certificateAddress;
    }

    public String getLegalRepresentative() {
        return legalRepresentative;
    }

    public void setLegalRepresentative(String legalRepresentative) {
        this.legalRepresentative = legalRepresentative;
    }
}
