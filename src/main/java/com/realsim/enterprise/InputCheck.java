package com.realsim.enterprise;

import com.realsim.identity.IdDocument;
import com.realsim.identity.Uscc;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Checks typed input field by field and collects every problem, so that a form shows them all at once. */
final class InputCheck {

    private final List<FieldProblem> problems = new ArrayList<>();

    String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, ErrorCode.VALIDATION_FAILED, "NotBlank"));
            return null;
        }
        String clean = value.strip();
        if (clean.length() > max) {
            problems.add(new FieldProblem(field, ErrorCode.VALIDATION_FAILED, "enterprise.tooLong", max));
            return null;
        }
        return clean;
    }

    <T> T present(String field, T value) {
        if (value == null) {
            problems.add(new FieldProblem(field, ErrorCode.VALIDATION_FAILED, "NotNull"));
        }
        return value;
    }

    <T> T parse(Supplier<T> parser) {
        try {
            return parser.get();
        } catch (ValidationException e) {
            problems.addAll(e.fieldProblems());
            return null;
        }
    }

    void add(FieldProblem problem) {
        problems.add(problem);
    }

    void orThrow() {
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    /** A checked registration: the enterprise's details and its responsible person. */
    record Registration(EnterpriseDetails details, ResponsiblePersonDetails person) {}

    /** The checked registration, or every problem of the input at once. */
    static Registration registration(EnterpriseInput input, LocalDate today) {
        InputCheck check = new InputCheck();
        EnterpriseDetails details = check.details(input);
        ResponsiblePersonDetails person =
                check.person(input.responsiblePerson(), input.legalRepresentative(), "responsiblePerson", today);
        check.orThrow();
        return new Registration(details, person);
    }

    /** A checked responsible person alone (for a change of responsible person). */
    static ResponsiblePersonDetails person(
            EnterpriseInput.PersonInput input, String legalRepresentative, LocalDate today) {
        InputCheck check = new InputCheck();
        ResponsiblePersonDetails person = check.person(input, legalRepresentative, "responsiblePerson", today);
        check.orThrow();
        return person;
    }

    private EnterpriseDetails details(EnterpriseInput input) {
        String name = text("name", input.name(), 200);
        CertificateType type = present("certificateType", input.certificateType());
        Uscc code = null;
        if (type != null && type.carriesCode()) {
            code = parse(() -> Uscc.parse(input.certificateNumber(), "certificateNumber"));
        }
        String address = text("certificateAddress", input.certificateAddress(), 500);
        String legalRepresentative = text("legalRepresentative", input.legalRepresentative(), 100);
        return new EnterpriseDetails(name, type, code, address, legalRepresentative);
    }

    /**
     * The legal representative must bear the enterprise's legal representative's name; anyone else needs an
     * authorisation with valid-from and valid-to dates.
     */
    private ResponsiblePersonDetails person(
            EnterpriseInput.PersonInput input, String legalRepresentativeName, String prefix, LocalDate today) {
        if (input == null) {
            add(new FieldProblem(prefix, ErrorCode.VALIDATION_FAILED, "NotNull"));
            return null;
        }
        String name = text(prefix + ".name", input.name(), 100);
        present(prefix + ".idType", input.idType());
        IdDocument document = input.idType() == null
                ? null
                : parse(() -> IdDocument.of(input.idType(), input.idNumber(), prefix + ".idNumber", today));
        String address = text(prefix + ".idAddress", input.idAddress(), 500);
        boolean legal = Boolean.TRUE.equals(present(prefix + ".legalRepresentative", input.legalRepresentative()));
        if (legal && name != null && legalRepresentativeName != null && !name.equals(legalRepresentativeName.strip())) {
            add(new FieldProblem(prefix + ".name", ErrorCode.VALIDATION_FAILED, "enterprise.person.notLegalRep"));
        }
        if (!legal && input.legalRepresentative() != null) {
            present(prefix + ".authorizationValidFrom", input.authorizationValidFrom());
            present(prefix + ".authorizationValidTo", input.authorizationValidTo());
            if (input.authorizationValidFrom() != null
                    && input.authorizationValidTo() != null
                    && input.authorizationValidTo().isBefore(input.authorizationValidFrom())) {
                add(new FieldProblem(
                        prefix + ".authorizationValidTo",
                        ErrorCode.VALIDATION_FAILED,
                        "enterprise.person.validToBeforeFrom"));
            }
        }
        return new ResponsiblePersonDetails(
                name, document, address, legal, input.authorizationValidFrom(), input.authorizationValidTo());
    }
}
