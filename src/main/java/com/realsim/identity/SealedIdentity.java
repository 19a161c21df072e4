package com.realsim.identity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import java.util.Objects;
import java.util.UUID;

/**
 * A person's name and ID document as a row keeps them, each sealed under the row's seal key and masked, the document
 * also with its blind index: the two-field form of {@link SealedPerson}, for a row that keeps no address (a
 * verification case). Columns {@code name_enc}, {@code name_masked}, {@code id_type}, {@code id_number_enc},
 * {@code id_number_bidx}, {@code id_number_masked}; a table that names them with a prefix says so on the attribute
 * with Hibernate's {@code @EmbeddedColumnNaming("handler_%s")}.
 */
@Embeddable
public class SealedIdentity {

    @Embedded
    @AttributeOverride(name = "ciphertext", column = @Column(name = "name_enc"))
    @AttributeOverride(name = "masked", column = @Column(name = "name_masked"))
    private SealedText name;

    @Embedded
    private SealedIdNumber idNumber;

    protected SealedIdentity() {}

    private SealedIdentity(SealedText name, SealedIdNumber idNumber) {
        this.name = Objects.requireNonNull(name);
        this.idNumber = Objects.requireNonNull(idNumber);
    }

    public static SealedIdentity seal(PersonalData personalData, String name, IdDocument idDocument, Row row) {
        return new SealedIdentity(
                personalData.sealName(name, row.column("name")),
                personalData.seal(idDocument, row.column("id_number")));
    }

    public String name(PersonalData personalData, Row row) {
        return personalData.open(name, row.column("name"));
    }

    public IdDocument idDocument(PersonalData personalData, Row row) {
        return personalData.open(idNumber, row.column("id_number"));
    }

    /** The display form of the name, e.g. {@code 张*三}. */
    public String maskedName() {
        return name.masked();
    }

    /** The sealed document: its type, masked number and blind index. */
    public SealedIdNumber idNumber() {
        return idNumber;
    }

    /**
     * The clear value of {@code name} or {@code idNumber} (the number only), for audited unmasking; null for any
     * other field.
     */
    public String reveal(String field, PersonalData personalData, Row row) {
        return switch (field) {
            case "name" -> name(personalData, row);
            case "idNumber" -> idDocument(personalData, row).number();
            default -> null;
        };
    }

    @Override
    public String toString() {
        return name + " " + idNumber;
    }

    /**
     * Where a row's sealed person lives: the table, the prefix of the person's columns ({@code handler_} for
     * {@code handler_name_enc} …, empty for none) and the row's seal key. Each value's {@link SealContext} is the
     * column it is stored in, so a ciphertext moved to another column or row does not open.
     */
    public record Row(String table, String prefix, UUID rowKey) {

        public Row {
            Objects.requireNonNull(prefix, "prefix");
            SealContext.of(table, prefix + "name", rowKey); // the same rules for the names
        }

        public static Row of(String table, UUID rowKey) {
            return new Row(table, "", rowKey);
        }

        public static Row of(String table, String prefix, UUID rowKey) {
            return new Row(table, prefix, rowKey);
        }

        /** The place of one of the person's values, by its column's name without {@code _enc}. */
        public SealContext column(String column) {
            return SealContext.of(table, prefix + column, rowKey);
        }
    }
}
