package com.realsim.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.EmbeddedColumnNaming;

/**
 * Test only: an entity keeping persons the way other modules' entities do — one with the default columns, one under
 * a prefix, one without an address (see docs/identity.md).
 */
@Entity
@Table(name = "identity_test_sealed_person")
class SealedPersonSample {

    static final String TABLE = "identity_test_sealed_person";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "seal_key", nullable = false, updatable = false)
    UUID sealKey = UUID.randomUUID();

    @Embedded
    SealedPerson person;

    @Embedded
    @EmbeddedColumnNaming("handler_%s")
    SealedPerson handler;

    @Embedded
    @EmbeddedColumnNaming("witness_%s")
    SealedIdentity witness;

    protected SealedPersonSample() {}

    SealedPersonSample(PersonalData personalData, IdDocument document, IdDocument handlerDocument) {
        this.person = SealedPerson.seal(personalData, "王小明", document, "北京市朝阳区建国路88号", row());
        this.handler = SealedPerson.seal(personalData, "李四", handlerDocument, "湖北省武汉市江岸区解放大道1号", handlerRow());
        this.witness = SealedIdentity.seal(personalData, "张三", handlerDocument, witnessRow());
    }

    SealedIdentity.Row row() {
        return SealedIdentity.Row.of(TABLE, sealKey);
    }

    SealedIdentity.Row handlerRow() {
        return SealedIdentity.Row.of(TABLE, "handler_", sealKey);
    }

    SealedIdentity.Row witnessRow() {
        return SealedIdentity.Row.of(TABLE, "witness_", sealKey);
    }
}
