package com.realsim.identity;

import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.ReportedAs;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A form or request whose ID number must fit its ID type: put it on the class (record) holding both fields, e.g.
 * {@code @ValidIdDocument(typeField = "idType", numberField = "idNumber")}. A violation is reported on the number
 * field as {@code INVALID_ID_NUMBER} with the bundle's {@code ValidIdDocument} text; a type that names no
 * {@link IdType} is reported on the type field. Empty values pass: combine with {@code @NotNull}/{@code @NotBlank}.
 * The type field may be an {@link IdType} or its name as a string. Repeat it for a class with several documents.
 */
@Documented
@Constraint(validatedBy = IdDocumentValidator.class)
@ReportedAs(ErrorCode.INVALID_ID_NUMBER)
@Target({ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(ValidIdDocument.List.class)
public @interface ValidIdDocument {

    String typeField() default "idType";

    String numberField() default "idNumber";

    String message() default "{ValidIdDocument}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    @Documented
    @Target({ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @interface List {
        ValidIdDocument[] value();
    }
}
