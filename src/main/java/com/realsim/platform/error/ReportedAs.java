package com.realsim.platform.error;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put on a Bean Validation constraint annotation to say which {@link ErrorCode} its violations answer with
 * (for example {@code INVALID_USCC}). Constraints without it answer {@code VALIDATION_FAILED}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface ReportedAs {

    ErrorCode value();
}
