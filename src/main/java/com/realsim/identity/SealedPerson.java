package com.realsim.identity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import java.util.Objects;

/**
 * A person as a row keeps them — name, ID document and ID address — each sealed under the row's seal key and masked,
 * the document also with its blind index (the one-ID-N-cards key). One embedded attribute instead of three: columns
 * {@code name_enc}, {@code name_masked}, {@code id_type}, {@code id_number_enc}, {@code id_number_bidx},
 * {@code id_number_masked}, {@code id_address_enc}, {@code id_address_masked}. A table that names them with a prefix
 * (an order's handler: {@code handler_name_enc} …) says so on the attribute:
 *
 * <pre>{@code
 * @Embedded
 * @EmbeddedColumnNaming("handler_%s")
 * private SealedPerson handler;
 * ...
 * handler = SealedPerson.seal(personalData, name, idDocument, idAddress, SealedIdentity.Row.of(TABLE, "handler_", sealKey));
 * }</pre>
 *
 * A row that keeps no address uses the two-field form, {@link SealedIdentity}.
 */
@Embeddable
public class SealedPerson {

    @Embedded
    private SealedIdentity identity;

    @Embedded
    @AttributeOverride(name = "ciphertext", column = @Column(name = "id_address_enc"))
    @AttributeOverride(name = "masked", column = @Column(name = "id_address_masked"))
    private SealedText idAddress;

    protected SealedPerson() {}

    private SealedPerson(SealedIdentity identity, SealedText idAddress) {
        this.identity = Objects.requireNonNull(identity);
        this.idAddress = Objects.requireNonNull(idAddress);
    }

    public static SealedPerson seal(
            PersonalData personalData, String name, IdDocument idDocument, String idAddress, SealedIdentity.Row row) {
        return new SealedPerson(
                SealedIdentity.seal(personalData, name, idDocument, row),
                personalData.sealAddress(idAddress, row.column("id_address")));
    }

    public String name(PersonalData personalData, SealedIdentity.Row row) {
        return identity.name(personalData, row);
    }

    public IdDocument idDocument(PersonalData personalData, SealedIdentity.Row row) {
        return identity.idDocument(personalData, row);
    }

    public String idAddress(PersonalData personalData, SealedIdentity.Row row) {
        return personalData.open(idAddress, row.column("id_address"));
    }

    /** The display form of the name, e.g. {@code 张*三}. */
    public String maskedName() {
        return identity.maskedName();
    }

    /** The sealed document: its type, masked number and blind index. */
    public SealedIdNumber idNumber() {
        return identity.idNumber();
    }

    /** The display form of the address, up to its city. */
    public String maskedIdAddress() {
        return idAddress.masked();
    }

    /**
     * The clear value of {@code name}, {@code idNumber} (the number only) or {@code idAddress}, for audited
     * unmasking; null for any other field.
     */
    public String reveal(String field, PersonalData personalData, SealedIdentity.Row row) {
        return field.equals("idAddress") ? idAddress(personalData, row) : identity.reveal(field, personalData, row);
    }

    @Override
    public String toString() {
        return identity + " " + idAddress;
    }
}
