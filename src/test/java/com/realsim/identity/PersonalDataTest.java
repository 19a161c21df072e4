package com.realsim.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Sealing at rest with the real key ring and PostgreSQL: encrypted, bound to its place, indexed, masked. */
@SpringBootTest
@AutoConfigureMockMvc
class PersonalDataTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final String NUMBER = "110105199809181031";

    @Autowired
    PersonalData personalData;

    @Autowired
    BlindIndex blindIndex;

    @Autowired
    EntityManager entities;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    final IdDocument document = IdDocument.of(IdType.RESIDENT_ID, NUMBER, "idNumber", TODAY);
    final SealContext here = SealContext.of("enterprise", "responsible_id_number", UUID.randomUUID());

    @Test
    void aSealedIdNumberOpensInItsPlaceAndCarriesMaskAndIndex() {
        SealedIdNumber sealed = personalData.seal(document, here);

        assertThat(personalData.open(sealed, here)).isEqualTo(document);
        assertThat(sealed.type()).isEqualTo(IdType.RESIDENT_ID);
        assertThat(sealed.masked()).isEqualTo("110105********1031");
        assertThat(sealed.blindIndex()).isEqualTo(blindIndex.of(document)).matches("[0-9a-f]{64}");
        assertThat(sealed.toString()).isEqualTo("RESIDENT_ID 110105********1031");
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain(NUMBER);
    }

    @Test
    void theSameValueSealsDifferentlyEachTime() {
        assertThat(personalData.seal(document, here).ciphertext())
                .isNotEqualTo(personalData.seal(document, here).ciphertext());
    }

    @Test
    void aCiphertextDoesNotOpenInAnotherRowOrColumn() {
        SealedIdNumber sealed = personalData.seal(document, here);
        SealContext otherRow = SealContext.of(here.table(), here.column(), UUID.randomUUID());
        SealContext otherColumn = SealContext.of(here.table(), "handler_id_number", here.rowKey());

        for (SealContext elsewhere : new SealContext[] {otherRow, otherColumn}) {
            assertThatThrownBy(() -> personalData.open(sealed, elsewhere))
                    .isInstanceOf(IllegalStateException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(NUMBER));
        }
    }

    @Test
    void textIsSealedWithItsDisplayForm() {
        SealedText name = personalData.sealName(" 张三丰 ", here);
        SealedText address = personalData.sealAddress("广东省深圳市南山区科技园路1号", here);
        SealedText phone = personalData.sealPhone("13812345678", here);

        assertThat(name.masked()).isEqualTo("张*丰");
        assertThat(address.masked()).isEqualTo("广东省深圳市****");
        assertThat(phone.masked()).isEqualTo("138****5678");
        assertThat(personalData.open(name, here)).isEqualTo("张三丰");
        assertThat(personalData.open(address, here)).isEqualTo("广东省深圳市南山区科技园路1号");
        assertThat(name.toString()).isEqualTo("张*丰");
    }

    @Test
    void theBlindIndexIsOverTypeAndNormalisedNumber() {
        IdDocument typedLowerCase = IdDocument.of(IdType.RESIDENT_ID, "33010619880520397x", "idNumber", TODAY);
        IdDocument typedUpperCase = IdDocument.of(IdType.RESIDENT_ID, "３３０１０６１９８８０５２０３９７Ｘ", "idNumber", TODAY);
        assertThat(blindIndex.of(typedLowerCase)).isEqualTo(blindIndex.of(typedUpperCase));

        IdDocument taiwan = IdDocument.of(IdType.TAIWAN_PERMIT, "12345678", "idNumber", TODAY);
        IdDocument hongKong = IdDocument.of(IdType.PASSPORT, "12345678", "idNumber", TODAY);
        assertThat(blindIndex.of(taiwan)).isNotEqualTo(blindIndex.of(hongKong));
        assertThat(blindIndex.of("phone", "12345678")).isNotEqualTo(blindIndex.of(taiwan));
    }

    @Test
    void oneTravelPermitHolderHasOneBlindIndexWhateverTheRenewalCountOrIssueLetter() {
        String hongKong = blindIndex.of(IdDocument.of(IdType.HK_MACAU_PERMIT, "H12345678", "idNumber", TODAY));
        for (String renewed : new String[] {"H1234567801", "H1234567802"}) {
            SealedIdNumber sealed =
                    personalData.seal(IdDocument.of(IdType.HK_MACAU_PERMIT, renewed, "idNumber", TODAY), here);
            assertThat(sealed.blindIndex()).isEqualTo(hongKong);
            assertThat(sealed.masked())
                    .as("the printed number is shown, masked")
                    .isEqualTo(Masking.idNumber(renewed));
            assertThat(personalData.open(sealed, here).number()).isEqualTo(renewed);
        }
        String taiwan = blindIndex.of(IdDocument.of(IdType.TAIWAN_PERMIT, "12345678", "idNumber", TODAY));
        assertThat(blindIndex.of(IdDocument.of(IdType.TAIWAN_PERMIT, "12345678(B)", "idNumber", TODAY)))
                .isEqualTo(blindIndex.of(IdDocument.of(IdType.TAIWAN_PERMIT, "1234567801", "idNumber", TODAY)))
                .isEqualTo(taiwan);
        assertThat(blindIndex.of(IdDocument.of(IdType.HK_MACAU_PERMIT, "H12345679", "idNumber", TODAY)))
                .isNotEqualTo(hongKong);
    }

    @Test
    void anEntityKeepsOnlyCiphertextIndexAndMaskInItsColumns() {
        Long id = transactions.execute(status -> {
            SealedSample sample = new SealedSample(personalData, document, "北京市朝阳区建国路88号");
            entities.persist(sample);
            return sample.id;
        });

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM identity_test_sealed_sample WHERE id = ?", id);
        assertThat(row.get("id_type")).isEqualTo("RESIDENT_ID");
        assertThat(row.get("id_number_masked")).isEqualTo("110105********1031");
        assertThat(row.get("id_number_bidx")).isEqualTo(blindIndex.of(document));
        assertThat(row.get("address_masked")).isEqualTo("北京市****");
        assertThat(new String((byte[]) row.get("id_number_enc"), StandardCharsets.ISO_8859_1))
                .doesNotContain(NUMBER);
        assertThat(new String((byte[]) row.get("address_enc"), StandardCharsets.UTF_8))
                .doesNotContain("建国路");

        transactions.executeWithoutResult(status -> {
            SealedSample loaded = entities.find(SealedSample.class, id);
            assertThat(loaded.idDocument(personalData)).isEqualTo(document);
            assertThat(loaded.address(personalData)).isEqualTo("北京市朝阳区建国路88号");
        });

        assertThat(jdbc.queryForList(
                        "SELECT id FROM identity_test_sealed_sample WHERE id_number_bidx = ?",
                        Long.class,
                        blindIndex.of(document)))
                .contains(id);
    }

    @Test
    void aCiphertextCopiedToAnotherRowDoesNotOpenThere() {
        IdDocument other = IdDocument.of(IdType.PASSPORT, "E12345678", "idNumber", TODAY);
        Long[] ids = transactions.execute(status -> {
            SealedSample first = new SealedSample(personalData, document, "北京市朝阳区建国路88号");
            SealedSample second = new SealedSample(personalData, other, "上海市浦东新区世纪大道1号");
            entities.persist(first);
            entities.persist(second);
            return new Long[] {first.id, second.id};
        });
        jdbc.update(
                "UPDATE identity_test_sealed_sample SET id_number_enc = (SELECT id_number_enc FROM"
                        + " identity_test_sealed_sample WHERE id = ?), id_type = 'RESIDENT_ID' WHERE id = ?",
                ids[0],
                ids[1]);

        transactions.executeWithoutResult(status -> {
            SealedSample tampered = entities.find(SealedSample.class, ids[1]);
            assertThatThrownBy(() -> tampered.idDocument(personalData)).isInstanceOf(IllegalStateException.class);
        });
    }

    @Test
    void aSealedPersonKeepsItsThreeValuesInItsColumnsUnderItsPrefixAndOpensOnlyThere() {
        IdDocument handlerDocument = IdDocument.of(IdType.PASSPORT, "E12345678", "idNumber", TODAY);
        SealedPersonSample saved = transactions.execute(status -> {
            SealedPersonSample sample = new SealedPersonSample(personalData, document, handlerDocument);
            entities.persist(sample);
            return sample;
        });

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM identity_test_sealed_person WHERE id = ?", saved.id);
        assertThat(row.get("name_masked")).isEqualTo(Masking.name("王小明"));
        assertThat(row.get("id_type")).isEqualTo("RESIDENT_ID");
        assertThat(row.get("id_number_masked")).isEqualTo("110105********1031");
        assertThat(row.get("id_number_bidx")).isEqualTo(blindIndex.of(document));
        assertThat(row.get("id_address_masked")).isEqualTo("北京市****");
        assertThat(row.get("handler_name_masked")).isEqualTo(Masking.name("李四"));
        assertThat(row.get("handler_id_type")).isEqualTo("PASSPORT");
        assertThat(row.get("handler_id_number_bidx")).isEqualTo(blindIndex.of(handlerDocument));
        assertThat(row.get("handler_id_address_masked")).isEqualTo(Masking.address("湖北省武汉市江岸区解放大道1号"));
        assertThat(row.get("witness_name_masked")).isEqualTo(Masking.name("张三"));
        assertThat(row.get("witness_id_number_masked")).isEqualTo(handlerDocument.masked());
        for (String column : List.of("name_enc", "id_address_enc", "handler_name_enc", "witness_name_enc")) {
            assertThat(new String((byte[]) row.get(column), StandardCharsets.UTF_8))
                    .doesNotContain("王小明", "建国路", "李四", "张三");
        }
        assertThat(new String((byte[]) row.get("id_number_enc"), StandardCharsets.ISO_8859_1))
                .doesNotContain(NUMBER);

        transactions.executeWithoutResult(status -> {
            SealedPersonSample loaded = entities.find(SealedPersonSample.class, saved.id);
            assertThat(loaded.person.name(personalData, loaded.row())).isEqualTo("王小明");
            assertThat(loaded.person.idDocument(personalData, loaded.row())).isEqualTo(document);
            assertThat(loaded.person.idAddress(personalData, loaded.row())).isEqualTo("北京市朝阳区建国路88号");
            assertThat(loaded.person.maskedName()).isEqualTo(Masking.name("王小明"));
            assertThat(loaded.person.maskedIdAddress()).isEqualTo("北京市****");
            assertThat(loaded.person.idNumber().blindIndex()).isEqualTo(blindIndex.of(document));
            assertThat(loaded.handler.reveal("name", personalData, loaded.handlerRow()))
                    .isEqualTo("李四");
            assertThat(loaded.handler.reveal("idNumber", personalData, loaded.handlerRow()))
                    .isEqualTo("E12345678");
            assertThat(loaded.handler.reveal("idAddress", personalData, loaded.handlerRow()))
                    .isEqualTo("湖北省武汉市江岸区解放大道1号");
            assertThat(loaded.handler.reveal("phone", personalData, loaded.handlerRow()))
                    .isNull();
            assertThat(loaded.witness.reveal("idNumber", personalData, loaded.witnessRow()))
                    .isEqualTo("E12345678");
            assertThat(loaded.witness.reveal("idAddress", personalData, loaded.witnessRow()))
                    .as("the two-field form keeps no address")
                    .isNull();
            assertThatThrownBy(() -> loaded.handler.name(personalData, loaded.row()))
                    .as("the handler's name does not open as the person's: the prefix is part of its place")
                    .isInstanceOf(IllegalStateException.class);
        });
    }
}
