package com.realsim.enterprise.web;

/** The two change-request forms of a verified enterprise. */
final class ChangeForms {

    private ChangeForms() {}

    /** A change of name, certificate address or legal representative. */
    public static class DetailsChange extends EnterpriseDetailsFields {

        private String reason;

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }

    /** A new responsible person. */
    public static class PersonChange {

        private RegistrationForm.PersonForm responsiblePerson = new RegistrationForm.PersonForm();
        private String reason;

        public RegistrationForm.PersonForm getResponsiblePerson() {
            return responsiblePerson;
        }

        public void setResponsiblePerson(RegistrationForm.PersonForm responsiblePerson) {
            this.responsiblePerson = responsiblePerson;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }
}
