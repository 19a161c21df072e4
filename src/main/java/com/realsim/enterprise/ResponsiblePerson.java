package com.realsim.enterprise;

import com.realsim.identity.IdDocument;
import com.realsim.identity.PersonalData;
import com.realsim.identity.SealContext;
import com.realsim.identity.SealedIdNumber;
import com.realsim.identity.SealedText;
import com.realsim.platform.Labelled;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The person answerable for the enterprise's cards (责任人): name, ID document and ID address sealed, the legal
 * representative or someone holding the unit's authorisation letter for a period. Part of the {@link Enterprise}
 * aggregate; rows are never deleted, a replaced person is SUPERSEDED and stays as history.
 */
@Entity
@Table(name = "responsible_person")
class ResponsiblePerson {

    enum Status implements Labelled {
        CURRENT,
        PROPOSED,
        SUPERSEDED,
        WITHDRAWN;

        @Override
        public String messageKey() {

            return "enterprise.person.status." + name();
        }
    }

    static final String TABLE = "responsible_person";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Long agentId;

    @Column(nullable = false, updatable = false)
    private UUID sealKey;

    @Embedded
    @AttributeOverride(name = "ciphertext", column = @Column(name = "name_enc"))
    @AttributeOverride(name = "masked", column = @Column(name = "name_masked"))
    private SealedText name;

    @Embedded
    private SealedIdNumber idNumber;

    @Embedded
    @AttributeOverride(name = "ciphertext", column = @Column(name = "id_address_enc"))
    @AttributeOverride(name = "masked", column = @Column(name = "id_address_masked"))
    private SealedText idAddress;

    @Column(nullable = false)
    private boolean legalRepresentative;

    private LocalDate authorizationValidFrom;

    private LocalDate authorizationValidTo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    private Instant endedAt;

    protected ResponsiblePerson() {}

    ResponsiblePerson(
            long agentId, ResponsiblePersonDetails details, Status status, PersonalData personalData, Instant now) {
        this.agentId = agentId;
        this.sealKey = UUID.randomUUID();
        this.status = status;
        this.createdAt = now;
        write(details, personalData);
    }

    /** Corrects the record in place; only while the enterprise is a draft or was rejected. */
    void correct(ResponsiblePersonDetails details, PersonalData personalData) {
        write(details, personalData);
    }

    private void write(ResponsiblePersonDetails details, PersonalData personalData) {
        this.name = personalData.sealName(details.name(), place("name"));
        this.idNumber = personalData.seal(details.idDocument(), place("id_number"));
        this.idAddress = personalData.sealAddress(details.idAddress(), place("id_address"));
        this.legalRepresentative = details.legalRepresentative();
        this.authorizationValidFrom = details.legalRepresentative() ? null : details.authorizationValidFrom();
        this.authorizationValidTo = details.legalRepresentative() ? null : details.authorizationValidTo();
    }

    private SealContext place(String column) {
        return SealContext.of(TABLE, column, sealKey);
    }

    /** Whether the person may act for the unit on this day: the legal representative, or a valid authorisation. */
    boolean authorisedOn(LocalDate day) {
        return authorisedOn(legalRepresentative, authorizationValidFrom, authorizationValidTo, day);
    }

    /** The same rule on the columns alone, for {@link StandingFacts} read without loading the person. */
    static boolean authorisedOn(boolean legalRepresentative, LocalDate validFrom, LocalDate validTo, LocalDate day) {
        return legalRepresentative
                || (validFrom != null && validTo != null && !day.isBefore(validFrom) && !day.isAfter(validTo));
    }

    void becomeCurrent() {
        status = Status.CURRENT;
    }

    void supersede(Instant now) {
        status = Status.SUPERSEDED;
        endedAt = now;
    }

    void withdraw(Instant now) {
        status = Status.WITHDRAWN;
        endedAt = now;
    }

    /** The person's name and ID document in clear, for a check that seals them again (a re-verification case). */
    PersonOnRecord onRecord(PersonalData personalData, long idFrontDocumentId, Long idBackDocumentId) {
        return new PersonOnRecord(
                personalData.open(name, place("name")),
                personalData.open(idNumber, place("id_number")),
                idFrontDocumentId,
                idBackDocumentId);
    }

    String reveal(String field, PersonalData personalData) {
        return switch (field) {
            case "name" -> personalData.open(name, place("name"));
            case "idNumber" -> personalData.open(idNumber, place("id_number")).number();
            case "idAddress" -> personalData.open(idAddress, place("id_address"));
            default -> null;
        };
    }

    EnterpriseInput.PersonInput asInput(PersonalData personalData) {
        return new EnterpriseInput.PersonInput(
                personalData.open(name, place("name")),
                idNumber.type(),
                personalData.open(idNumber, place("id_number")).number(),
                personalData.open(idAddress, place("id_address")),
                legalRepresentative,
                authorizationValidFrom,
                authorizationValidTo);
    }

    IdDocument idDocument(PersonalData personalData) {
        return personalData.open(idNumber, place("id_number"));
    }

    Long id() {
        return id;
    }

    Status status() {
        return status;
    }

    boolean legalRepresentative() {
        return legalRepresentative;
    }

    ResponsiblePersonView view() {
        return new ResponsiblePersonView(
                id,
                name.masked(),
                idNumber.type(),
                idNumber.masked(),
                idAddress.masked(),
                legalRepresentative,
                authorizationValidFrom,
                authorizationValidTo,
                status.name());
    }
}
