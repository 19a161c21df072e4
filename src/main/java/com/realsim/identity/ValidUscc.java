package com.realsim.identity;

import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.ReportedAs;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A string field that holds a unified social credit code (GB 32100), in any case and full- or half-width. An empty
 * value passes: combine with {@code @NotBlank} where the code is required. Reported as {@code INVALID_USCC}; the
 * text is the bundle's {@code ValidUscc}.
 */
@Documented
@Constraint(validatedBy = UsccValidator.class)
@ReportedAs(ErrorCode.INVALID_USCC)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidUscc {

    String message() default "{ValidUscc}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
