package com.realsim.card;

import com.realsim.identity.IdDocument;
import com.realsim.identity.IdType;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who uses a card (使用人): name, checked ID document and ID address, in clear until the binding seals them. Field
 * problems name the fields as the Partner API does ({@code name}, {@code idAddress}); the ID number was checked by
 * {@link IdDocument#of} already.
 */
public record EndUserDetails(String name, IdDocument idDocument, String idAddress) {

    static final int MAX_NAME = 100;
    static final int MAX_ADDRESS = 200;

    public EndUserDetails {
        Objects.requireNonNull(idDocument, "idDocument");
        name = name == null ? "" : name.strip();
        idAddress = idAddress == null ? "" : idAddress.strip();
        List<FieldProblem> problems = textProblems(name, idAddress);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    /**
     * The details as typed in a form or a request, every field checked at once: {@code name}, {@code idType},
     * {@code idNumber} ({@code INVALID_ID_NUMBER} with the rule that broke), {@code idAddress}.
     *
     * @param today from the injected clock: a birth date after it is refused
     */
    public static EndUserDetails of(String name, IdType idType, String idNumber, String idAddress, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>(
                textProblems(name == null ? "" : name.strip(), idAddress == null ? "" : idAddress.strip()));
        if (idType == null) {
            problems.add(new FieldProblem("idType", ErrorCode.VALIDATION_FAILED, "identity.idType.required"));
        } else {
            Optional<String> problem = IdDocument.problem(idType, idNumber, today);
            problem.ifPresent(key -> problems.add(new FieldProblem("idNumber", ErrorCode.INVALID_ID_NUMBER, key)));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new EndUserDetails(name, IdDocument.of(idType, idNumber, "idNumber", today), idAddress);
    }

    private static List<FieldProblem> textProblems(String name, String idAddress) {
        List<FieldProblem> problems = new ArrayList<>();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            problems.add(new FieldProblem("name", ErrorCode.VALIDATION_FAILED, "card.endUser.name.invalid", MAX_NAME));
        }
        if (idAddress.isEmpty() || idAddress.length() > MAX_ADDRESS) {
            problems.add(new FieldProblem(
                    "idAddress", ErrorCode.VALIDATION_FAILED, "card.endUser.idAddress.invalid", MAX_ADDRESS));
        }
        return problems;
    }

    @Override
    public String toString() {
        return "EndUserDetails[" + idDocument + "]";
    }
}
