package com.realsim.card;

import com.realsim.identity.IdDocument;
import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.FieldProblem;
import com.realsim.platform.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
        List<FieldProblem> problems = new ArrayList<>();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            problems.add(new FieldProblem("name", ErrorCode.VALIDATION_FAILED, "card.endUser.name.invalid", MAX_NAME));
        }
        if (idAddress.isEmpty() || idAddress.length() > MAX_ADDRESS) {
            problems.add(new FieldProblem(
                    "idAddress", ErrorCode.VALIDATION_FAILED, "card.endUser.idAddress.invalid", MAX_ADDRESS));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    @Override
    public String toString() {
        return "EndUserDetails[" + idDocument + "]";
    }
}
