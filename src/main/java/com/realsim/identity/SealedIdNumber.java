package com.realsim.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Arrays;
import java.util.Objects;

/**
 * An ID document as a row keeps it: its type in clear, the number's AEAD ciphertext, the keyed blind index of type
 * and identity key (for look-ups of the person, such as the one-ID-N-cards quota) and the masked (full, printed)
 * number. Made by
 * {@link PersonalData#seal(IdDocument, SealContext)}. The default columns are {@code id_type}, {@code id_number_enc},
 * {@code id_number_bidx} and {@code id_number_masked}; override them for a table with another name or with two
 * documents. {@link #toString()} is the masked form.
 */
@Embeddable
public class SealedIdNumber {

    @Enumerated(EnumType.STRING)
    @Column(name = "id_type")
    private IdType type;

    @Column(name = "id_number_enc")
    private byte[] ciphertext;

    @Column(name = "id_number_bidx")
    private String blindIndex;

    @Column(name = "id_number_masked")
    private String masked;

    protected SealedIdNumber() {}

    SealedIdNumber(IdType type, byte[] ciphertext, String blindIndex, String masked) {
        this.type = Objects.requireNonNull(type);
        this.ciphertext = ciphertext.clone();
        this.blindIndex = Objects.requireNonNull(blindIndex);
        this.masked = Objects.requireNonNull(masked);
    }

    public IdType type() {
        return type;
    }

    /** The keyed hash of type and identity key, equal to {@link BlindIndex#of(IdDocument)}: the person, not the card. */
    public String blindIndex() {
        return blindIndex;
    }

    /** The display form, e.g. {@code 110101********1234}. */
    public String masked() {
        return masked;
    }

    byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedIdNumber that
                && that.type == type
                && Arrays.equals(that.ciphertext, ciphertext)
                && Objects.equals(that.blindIndex, blindIndex);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, blindIndex);
    }

    @Override
    public String toString() {
        return type + " " + masked;
    }
}
