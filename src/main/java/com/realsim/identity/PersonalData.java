package com.realsim.identity;

import com.realsim.platform.crypto.KeyRing;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * Seals personal data for storage and opens it again: AES-256-GCM (Tink AEAD, the {@code personal-data} key) with
 * the value's {@link SealContext} as associated data, plus the display form and, for ID documents, the blind index.
 * The clear value exists only in memory, between the request and this call, or between this call and the screen of
 * someone who unmasked it.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PersonalData {

    private final KeyRing keys;
    private final BlindIndex blindIndex;

    public SealedIdNumber seal(IdDocument document, SealContext place) {
        return new SealedIdNumber(
                document.type(),
                encrypt(document.number(), place, document.type().name()),
                blindIndex.of(document),
                document.masked());
    }

    public IdDocument open(SealedIdNumber sealed, SealContext place) {
        return IdDocument.trusted(
                sealed.type(), decrypt(sealed.ciphertext(), place, sealed.type().name()));
    }

    /**
     * The blind index a sealed ID number has today, recomputed from its ciphertext (for {@link BlindIndexMigration},
     * when the way an identity is keyed changes). The clear number exists only inside this call.
     */
    String blindIndexOf(IdType type, byte[] ciphertext, SealContext place) {
        return blindIndex.of(IdDocument.trusted(type, decrypt(ciphertext, place, type.name())));
    }

    /** A person's name, shown as {@code 张*三}. */
    public SealedText sealName(String name, SealContext place) {
        String clean = Objects.requireNonNull(name).strip();
        return seal(clean, Masking.name(clean), place);
    }

    /** An address, shown up to its city. */
    public SealedText sealAddress(String address, SealContext place) {
        String clean = Objects.requireNonNull(address).strip();
        return seal(clean, Masking.address(clean), place);
    }

    /**
     * The blind index of an ID address ({@link BlindIndex#ofAddress}): kept next to the sealed address wherever
     * equal addresses must be found without opening them.
     */
    public String addressIndex(String address) {
        return blindIndex.ofAddress(Objects.requireNonNull(address).strip());
    }

    /**
     * The blind index of a sealed address, computed from its ciphertext (for {@link AddressIndexMigration}, which
     * indexes addresses sealed before there was an index). The clear address exists only inside this call.
     */
    String addressIndexOf(byte[] ciphertext, SealContext place) {
        return blindIndex.ofAddress(decrypt(ciphertext, place, "text"));
    }

    /** A phone number, shown as {@code 138****5678}. */
    public SealedText sealPhone(String phone, SealContext place) {
        String clean = Objects.requireNonNull(phone).strip();
        return seal(clean, Masking.phone(clean), place);
    }

    /** Any other personal text, with the display form the caller chose. */
    public SealedText seal(String clear, String masked, SealContext place) {
        return new SealedText(encrypt(clear, place, "text"), masked);
    }

    public String open(SealedText sealed, SealContext place) {
        return decrypt(sealed.ciphertext(), place, "text");
    }

    /**
     * A sealed text read straight from its {@code <field>_enc} column (read-only SQL of a report that shows clear
     * values to an authorised reader, who is audited): the same as {@link #open(SealedText, SealContext)}.
     */
    public String openText(byte[] ciphertext, SealContext place) {
        return decrypt(ciphertext, place, "text");
    }

    /** A sealed ID number read straight from its {@code <field>_enc} column, as {@link #openText} does for text. */
    public String openIdNumber(IdType type, byte[] ciphertext, SealContext place) {
        return decrypt(ciphertext, place, type.name());
    }

    private byte[] encrypt(String clear, SealContext place, String purpose) {
        try {
            return keys.personalData().encrypt(clear.getBytes(StandardCharsets.UTF_8), place.associatedData(purpose));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a value for " + place.table() + "." + place.column(), e);
        }
    }

    private String decrypt(byte[] ciphertext, SealContext place, String purpose) {
        try {
            return new String(
                    keys.personalData().decrypt(ciphertext, place.associatedData(purpose)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // Wrong key, a tampered value, or a ciphertext that belongs to another row or column.
            throw new IllegalStateException(
                    "A sealed value of " + place.table() + "." + place.column() + " does not open in this place");
        }
    }
}
