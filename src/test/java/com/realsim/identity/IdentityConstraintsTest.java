package com.realsim.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The constraint annotations in plain Bean Validation, outside Spring. */
class IdentityConstraintsTest {

    static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
    static final Validator validator = factory.getValidator();

    @ValidIdDocument(typeField = "kind", numberField = "number")
    record Person(String kind, String number, @ValidUscc String employerUscc) {}

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void aNumberThatFitsItsTypePasses() {
        assertThat(validator.validate(new Person("RESIDENT_ID", "11010119491207288x", "91350100M000100Y43")))
                .isEmpty();
        assertThat(validator.validate(new Person("PASSPORT", "E12345678", null)))
                .isEmpty();
    }

    @Test
    void aNumberThatDoesNotFitItsTypeIsReportedOnTheNumberField() {
        Set<ConstraintViolation<Person>> violations =
                validator.validate(new Person("HK_MACAU_PERMIT", "E12345678", null));
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.getPropertyPath().toString()).isEqualTo("number");
            assertThat(v.getConstraintDescriptor().getAnnotation()).isInstanceOf(ValidIdDocument.class);
        });
    }

    @Test
    void anUnknownTypeIsReportedOnTheTypeField() {
        assertThat(validator.validate(new Person("DRIVING_LICENCE", "E12345678", null)))
                .singleElement()
                .satisfies(v -> assertThat(v.getPropertyPath().toString()).isEqualTo("kind"));
    }

    @Test
    void emptyValuesAreLeftToNotBlank() {
        assertThat(validator.validate(new Person(null, "E12345678", " "))).isEmpty();
        assertThat(validator.validate(new Person("PASSPORT", "", ""))).isEmpty();
    }

    @Test
    void aWrongUsccIsReportedOnItsField() {
        assertThat(validator.validate(new Person(null, null, "91350100M000100Y44")))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.getPropertyPath().toString()).isEqualTo("employerUscc");
                    assertThat(v.getConstraintDescriptor().getAnnotation()).isInstanceOf(ValidUscc.class);
                });
    }
}
