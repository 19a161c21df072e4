package com.realsim.identity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Test only: an entity holding sealed values the way other modules' entities do (see docs/identity.md). */
@Entity
@Table(name = "identity_test_sealed_sample")
class SealedSample {

    static final String TABLE = "identity_test_sealed_sample";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "seal_key", nullable = false, updatable = false)
    UUID sealKey = UUID.randomUUID();

    @Embedded
    SealedIdNumber idNumber;

    @Embedded
    @AttributeOverride(name = "ciphertext", column = @Column(name = "address_enc"))
    @AttributeOverride(name = "masked", column = @Column(name = "address_masked"))
    SealedText address;

    protected SealedSample() {}

    SealedSample(PersonalData personalData, IdDocument document, String address) {
        this.idNumber = personalData.seal(document, SealContext.of(TABLE, "id_number", sealKey));
        this.address = personalData.sealAddress(address, SealContext.of(TABLE, "address", sealKey));
    }

    IdDocument idDocument(PersonalData personalData) {
        return personalData.open(idNumber, SealContext.of(TABLE, "id_number", sealKey));
    }

    String address(PersonalData personalData) {
        return personalData.open(address, SealContext.of(TABLE, "address", sealKey));
    }
}
