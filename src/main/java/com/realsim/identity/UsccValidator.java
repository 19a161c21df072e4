package com.realsim.identity;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link ValidUscc} fields. */
public class UsccValidator implements ConstraintValidator<ValidUscc, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value == null || value.toString().isBlank() || Uscc.isValid(value.toString());
    }
}
