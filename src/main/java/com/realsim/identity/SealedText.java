package com.realsim.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Arrays;
import java.util.Objects;

/**
 * A piece of personal text (a name, an address, a phone number) as a row keeps it: the AEAD ciphertext and the
 * display form. Made by {@link PersonalData}; an entity holds it as an {@code @Embedded} attribute and names its
 * columns {@code <field>_enc} and {@code <field>_masked} with {@code @AttributeOverride}s on {@code ciphertext} and
 * {@code masked}. {@link #toString()} is the masked form.
 */
@Embeddable
public class SealedText {

    @Column(name = "value_enc")
    private byte[] ciphertext;

    @Column(name = "value_masked")
    private String masked;

    protected SealedText() {}

    SealedText(byte[] ciphertext, String masked) {
        this.ciphertext = ciphertext.clone();
        this.masked = Objects.requireNonNull(masked);
    }

    /** The display form, e.g. {@code 张*三}. */
    public String masked() {
        return masked;
    }

    byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedText that
                && Arrays.equals(that.ciphertext, ciphertext)
                && Objects.equals(that.masked, masked);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return masked;
    }
}
