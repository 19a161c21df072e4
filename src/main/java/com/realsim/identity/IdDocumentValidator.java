package com.realsim.identity;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.beans.DirectFieldAccessor;
import org.springframework.beans.factory.annotation.Autowired;

/** Checks {@link ValidIdDocument} classes; today's date comes from the application's {@code Clock}. */
public class IdDocumentValidator implements ConstraintValidator<ValidIdDocument, Object> {

    private final Clock clock;
    private String typeField;
    private String numberField;

    /** For a validator outside Spring (plain Bean Validation): the system clock. */
    public IdDocumentValidator() {
        this(Clock.systemUTC());
    }

    @Autowired
    public IdDocumentValidator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void initialize(ValidIdDocument annotation) {
        this.typeField = annotation.typeField();
        this.numberField = annotation.numberField();
    }

    @Override
    public boolean isValid(Object value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        DirectFieldAccessor fields = new DirectFieldAccessor(value);
        Object type = fields.getPropertyValue(typeField);
        Object number = fields.getPropertyValue(numberField);
        if (type == null
                || type.toString().isBlank()
                || number == null
                || number.toString().isBlank()) {
            return true;
        }
        IdType idType = type instanceof IdType t ? t : parse(type.toString());
        String field = idType == null ? typeField : numberField;
        if (idType != null
                && IdDocument.problem(idType, number.toString(), LocalDate.now(clock))
                        .isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                .addPropertyNode(field)
                .addConstraintViolation();
        return false;
    }

    private static IdType parse(String type) {
        try {
            return IdType.valueOf(type.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
