package com.realsim.enterprise.web;

import com.realsim.enterprise.CertificateType;
import com.realsim.enterprise.EnterpriseInput;
import com.realsim.enterprise.EnterpriseView;
import com.realsim.identity.PersonFields;
import java.time.LocalDate;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The registration form. Personal fields are never filled back in clear: when correcting, a blank one keeps its
 * current value.
 */
@Getter
@Setter
public class RegistrationForm extends EnterpriseDetailsFields {

    private CertificateType certificateType = CertificateType.USCC;
    private String certificateNumber;
    private PersonForm responsiblePerson = new PersonForm();

    static RegistrationForm of(EnterpriseView view) {
        RegistrationForm form = new RegistrationForm();
        form.setName(view.name());
        form.certificateType = view.certificateType();
        form.certificateNumber = view.certificateNumber();
        form.setCertificateAddress(view.certificateAddress());
        if (view.responsiblePerson() != null) {
            form.responsiblePerson.setIdType(view.responsiblePerson().idType());
            form.responsiblePerson.legalRepresentative =
                    view.responsiblePerson().legalRepresentative();
            form.responsiblePerson.authorizationValidFrom =
                    view.responsiblePerson().authorizationValidFrom();
            form.responsiblePerson.authorizationValidTo =
                    view.responsiblePerson().authorizationValidTo();
        }
        return form;
    }

    EnterpriseInput toInput() {
        return new EnterpriseInput(
                getName(),
                certificateType,
                certificateType == CertificateType.INTRODUCTION_LETTER ? null : certificateNumber,
                getCertificateAddress(),
                getLegalRepresentative(),
                responsiblePerson.toInput());
    }

    /** The responsible person part of the form. */
    public static class PersonForm extends PersonFields {

        private boolean legalRepresentative = true;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate authorizationValidFrom;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate authorizationValidTo;

        EnterpriseInput.PersonInput toInput() {
            return new EnterpriseInput.PersonInput(
                    getName(),
                    getIdType(),
                    getIdNumber(),
                    getIdAddress(),
                    legalRepresentative,
                    legalRepresentative ? null : authorizationValidFrom,
                    legalRepresentative ? null : authorizationValidTo);
        }

        public boolean isLegalRepresentative() {
            return legalRepresentative;
        }

        public void setLegalRepresentative(boolean legalRepresentative) {
            this.legalRepresentative = legalRepresentative;
        }

        public LocalDate getAuthorizationValidFrom() {
            return authorizationValidFrom;
        }

        public void setAuthorizationValidFrom(LocalDate authorizationValidFrom) {
            this.authorizationValidFrom = authorizationValidFrom;
        }

        public LocalDate getAuthorizationValidTo() {
            return authorizationValidTo;
        }

        public void setAuthorizationValidTo(LocalDate authorizationValidTo) {
            this.authorizationValidTo = authorizationValidTo;
        }
    }
}
