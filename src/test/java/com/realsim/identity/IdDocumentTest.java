package com.realsim.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.platform.error.ErrorCode;
import com.realsim.platform.error.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdDocumentTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final String FIELD = "responsiblePerson.idNumber";

    @Test
    void theIdTypesAreExactlyThoseOfTheContract() {
        assertThat(IdType.values())
                .extracting(Enum::name)
                .containsExactly(
                        "RESIDENT_ID", "PASSPORT", "HK_MACAU_PERMIT", "TAIWAN_PERMIT", "FOREIGN_PERMANENT_RESIDENT");
    }

    @Test
    void aResidentIdDocumentIsNormalisedAndCheckedLikeAResidentIdNumber() {
        IdDocument document = IdDocument.of(IdType.RESIDENT_ID, " 11010119491207288x ", FIELD, TODAY);
        assertThat(document.type()).isEqualTo(IdType.RESIDENT_ID);
        assertThat(document.number()).isEqualTo("11010119491207288X");
        assertRule(IdType.RESIDENT_ID, "11010119491207288Y", "identity.idNumber.characters");
    }

    @Test
    void passportsAreFiveToTwentyLettersAndDigits() {
        assertAccepted(IdType.PASSPORT, "E12345678", "E12345678");
        assertAccepted(IdType.PASSPORT, "ea1234567", "EA1234567");
        assertAccepted(IdType.PASSPORT, "G1234567８", "G12345678");
        assertAccepted(IdType.PASSPORT, "123456789", "123456789");
        assertAccepted(IdType.PASSPORT, "X1234", "X1234");
        assertAccepted(IdType.PASSPORT, "AB1234567890CDEFGHIJ", "AB1234567890CDEFGHIJ");
        assertRule(IdType.PASSPORT, "E123", "identity.idNumber.format.PASSPORT");
        assertRule(IdType.PASSPORT, "AB1234567890CDEFGHIJK", "identity.idNumber.format.PASSPORT");
        assertRule(IdType.PASSPORT, "E1234-5678", "identity.idNumber.format.PASSPORT");
        assertRule(IdType.PASSPORT, "ZHANGSAN", "identity.idNumber.format.PASSPORT");
        assertRule(IdType.PASSPORT, "  ", "identity.idNumber.required");
    }

    @Test
    void hongKongAndMacauPermitsAreHOrMWithEightOrTenDigitsOrTheResidencePermit() {
        assertAccepted(IdType.HK_MACAU_PERMIT, "H12345678", "H12345678");
        assertAccepted(IdType.HK_MACAU_PERMIT, "m1234567801", "M1234567801");
        assertAccepted(IdType.HK_MACAU_PERMIT, "H12345678(01)", "H1234567801");
        String hongKongResidence = ResidentIdNumberTest.withCheck("81000019900101123");
        String macauResidence = ResidentIdNumberTest.withCheck("82000019900101123");
        assertAccepted(IdType.HK_MACAU_PERMIT, hongKongResidence, hongKongResidence);
        assertAccepted(IdType.HK_MACAU_PERMIT, macauResidence, macauResidence);
        assertRule(IdType.HK_MACAU_PERMIT, "C12345678", "identity.idNumber.format.HK_MACAU_PERMIT");
        assertRule(IdType.HK_MACAU_PERMIT, "H123456789", "identity.idNumber.format.HK_MACAU_PERMIT");
        assertRule(IdType.HK_MACAU_PERMIT, "H1234567", "identity.idNumber.format.HK_MACAU_PERMIT");
        assertRule(
                IdType.HK_MACAU_PERMIT,
                ResidentIdNumberTest.withCheck("83000019900101123"),
                "identity.idNumber.region.HK_MACAU_PERMIT");
        assertRule(IdType.HK_MACAU_PERMIT, "110105199809181031", "identity.idNumber.region.HK_MACAU_PERMIT");
        assertRule(
                IdType.HK_MACAU_PERMIT,
                hongKongResidence.substring(0, 17) + (hongKongResidence.charAt(17) == '1' ? '2' : '1'),
                "identity.idNumber.checkCharacter");
        assertRule(
                IdType.HK_MACAU_PERMIT,
                ResidentIdNumberTest.withCheck("81000020300101123"),
                "identity.idNumber.birthDateFuture");
    }

    @Test
    void taiwanPermitsAreEightDigitsOrTenWithLettersOrTheResidencePermit() {
        assertAccepted(IdType.TAIWAN_PERMIT, "12345678", "12345678");
        assertAccepted(IdType.TAIWAN_PERMIT, "1234567801", "1234567801");
        assertAccepted(IdType.TAIWAN_PERMIT, "12345678（b）", "12345678B");
        assertAccepted(IdType.TAIWAN_PERMIT, "12345678AB", "12345678AB");
        String residence = ResidentIdNumberTest.withCheck("83000019850615002");
        assertAccepted(IdType.TAIWAN_PERMIT, residence, residence);
        assertRule(IdType.TAIWAN_PERMIT, "1234567", "identity.idNumber.format.TAIWAN_PERMIT");
        assertRule(IdType.TAIWAN_PERMIT, "A1234567", "identity.idNumber.format.TAIWAN_PERMIT");
        assertRule(IdType.TAIWAN_PERMIT, "12345678ABC", "identity.idNumber.format.TAIWAN_PERMIT");
        assertRule(
                IdType.TAIWAN_PERMIT,
                ResidentIdNumberTest.withCheck("81000019850615002"),
                "identity.idNumber.region.TAIWAN_PERMIT");
    }

    @Test
    void foreignPermanentResidenceCardsOfBothEditionsAreAccepted() {
        String edition2023 = ResidentIdNumberTest.withCheck("93115619800101001");
        assertAccepted(IdType.FOREIGN_PERMANENT_RESIDENT, edition2023, edition2023);
        assertAccepted(IdType.FOREIGN_PERMANENT_RESIDENT, "usa110080010012", "USA110080010012");
        assertRule(
                IdType.FOREIGN_PERMANENT_RESIDENT,
                ResidentIdNumberTest.withCheck("13115619800101001"),
                "identity.idNumber.region.FOREIGN_PERMANENT_RESIDENT");
        assertRule(
                IdType.FOREIGN_PERMANENT_RESIDENT,
                edition2023.substring(0, 17) + (edition2023.charAt(17) == '1' ? '2' : '1'),
                "identity.idNumber.checkCharacter");
        assertRule(
                IdType.FOREIGN_PERMANENT_RESIDENT,
                ResidentIdNumberTest.withCheck("93115619801301001"),
                "identity.idNumber.birthDateImpossible");
        assertRule(
                IdType.FOREIGN_PERMANENT_RESIDENT,
                "US1100800100123",
                "identity.idNumber.format.FOREIGN_PERMANENT_RESIDENT");
        assertRule(
                IdType.FOREIGN_PERMANENT_RESIDENT,
                "USA11008001001",
                "identity.idNumber.format.FOREIGN_PERMANENT_RESIDENT");
    }

    @Test
    void aMissingTypeIsItsOwnProblem() {
        assertRule(null, "110105199809181031", "identity.idType.required");
    }

    @Test
    void documentsAreEqualByTypeAndNormalisedNumber() {
        assertThat(IdDocument.of(IdType.PASSPORT, "e12345678", FIELD, TODAY))
                .isEqualTo(IdDocument.of(IdType.PASSPORT, "E12345678 ", FIELD, TODAY))
                .isNotEqualTo(IdDocument.of(IdType.TAIWAN_PERMIT, "12345678", FIELD, TODAY));
    }

    @Test
    void aTravelPermitsRenewalCountOrIssueLetterIsNotPartOfThePersonsIdentityKey() {
        assertThat(List.of("H12345678", "H1234567801", "H12345678(02)", "h1234567802"))
                .map(n -> IdDocument.of(IdType.HK_MACAU_PERMIT, n, FIELD, TODAY).identityKey())
                .containsOnly("H12345678");
        assertThat(IdDocument.of(IdType.HK_MACAU_PERMIT, "M1234567801", FIELD, TODAY)
                        .identityKey())
                .as("Macau's M is part of the identity")
                .isEqualTo("M12345678");
        assertThat(List.of("12345678", "12345678B", "12345678（b）", "1234567801", "12345678AB"))
                .map(n -> IdDocument.of(IdType.TAIWAN_PERMIT, n, FIELD, TODAY).identityKey())
                .containsOnly("12345678");
        String hongKongResidence = ResidentIdNumberTest.withCheck("81000019900101123");
        String taiwanResidence = ResidentIdNumberTest.withCheck("83000019850615002");
        assertThat(IdDocument.of(IdType.HK_MACAU_PERMIT, hongKongResidence, FIELD, TODAY)
                        .identityKey())
                .isEqualTo(hongKongResidence);
        assertThat(IdDocument.of(IdType.TAIWAN_PERMIT, taiwanResidence, FIELD, TODAY)
                        .identityKey())
                .isEqualTo(taiwanResidence);
        assertThat(IdDocument.of(IdType.PASSPORT, "E1234567801", FIELD, TODAY).identityKey())
                .as("other types are their number")
                .isEqualTo("E1234567801");
        assertThat(IdDocument.of(IdType.HK_MACAU_PERMIT, "H1234567801", FIELD, TODAY))
                .as("the documents stay different, and each keeps its printed number")
                .isNotEqualTo(IdDocument.of(IdType.HK_MACAU_PERMIT, "H1234567802", FIELD, TODAY))
                .extracting(IdDocument::number)
                .isEqualTo("H1234567801");
    }

    @Test
    void todayMayComeFromAClock() {
        Clock early = Clock.fixed(LocalDate.of(2029, 1, 30).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        Clock late = Clock.fixed(LocalDate.of(2029, 1, 31).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        String number = ResidentIdNumberTest.withCheck("11010120290131123");
        assertThatThrownBy(() -> IdDocument.of(IdType.RESIDENT_ID, number, FIELD, early))
                .isInstanceOf(ValidationException.class);
        assertThat(IdDocument.of(IdType.RESIDENT_ID, number, FIELD, late).number())
                .isEqualTo(number);
    }

    @Test
    void toStringAndErrorsNeverCarryTheClearNumber() {
        IdDocument document = IdDocument.of(IdType.RESIDENT_ID, "110105199809181031", FIELD, TODAY);
        assertThat(document.toString()).isEqualTo("RESIDENT_ID 110105********1031");
        assertThat(IdDocument.of(IdType.PASSPORT, "E12345678", FIELD, TODAY).toString())
                .isEqualTo("PASSPORT E1*****78");
        assertThatThrownBy(() -> IdDocument.of(IdType.RESIDENT_ID, "110105199809181032", FIELD, TODAY))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("1998"));
    }

    private static void assertAccepted(IdType type, String raw, String normalised) {
        assertThat(IdDocument.of(type, raw, FIELD, TODAY).number()).as(raw).isEqualTo(normalised);
    }

    private static void assertRule(IdType type, String raw, String messageKey) {
        assertThatThrownBy(() -> IdDocument.of(type, raw, FIELD, TODAY))
                .as(type + " " + raw)
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(FieldProblems.of(e))
                                .containsExactly(FIELD + " " + ErrorCode.INVALID_ID_NUMBER + " " + messageKey));
    }
}
