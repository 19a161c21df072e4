package com.realsim.card.domain;

import com.realsim.card.EndUserDetails;
import com.realsim.card.EndUserPhoto;
import com.realsim.card.EndUserStatus;
import com.realsim.card.EndUserView;
import com.realsim.identity.IdDocument;
import com.realsim.identity.IdType;
import com.realsim.identity.PersonalData;
import com.realsim.identity.SealContext;
import com.realsim.identity.SealedIdNumber;
import com.realsim.identity.SealedText;
import com.realsim.platform.Tenanted;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * The end user (使用人) bound to a card: name, ID document and ID address sealed at rest (the document's blind index
 * is the key of the one-ID-N-cards quota), the three photos and the verification case that decides the binding. A
 * binding ends when another end user is bound to the card or the card changes owner; it is never deleted.
 */
@Entity
@Table(name = "card_end_user")
@Tenanted(agent = "agentId", enterprise = "enterpriseId")
public class CardEndUser {

    static final String TABLE = "card_end_user";

    enum EndReason {
        /** Another end user (or the same one again) was bound to the card. */
        REPLACED,
        /** The card changed owner (过户). */
        TRANSFERRED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private long cardId;

    @Column(nullable = false, updatable = false)
    private long agentId;

    @Column(nullable = false, updatable = false)
    private long enterpriseId;

    @Column(nullable = false, updatable = false)
    private UUID sealKey = UUID.randomUUID();

    @Embedded
    @AttributeOverride(name = "ciphertext", column = @Column(name = "name_enc", updatable = false))
    @AttributeOverride(name = "masked", column = @Column(name = "name_masked", updatable = false))
    private SealedText name;

    @Embedded // id_type, id_number_enc, id_number_bidx, id_number_masked
    private SealedIdNumber idNumber;

    @Embedded
    @AttributeOverride(name = "ciphertext", column = @Column(name = "id_address_enc", updatable = false))
    @AttributeOverride(name = "masked", column = @Column(name = "id_address_masked", updatable = false))
    private SealedText idAddress;

    /** The blind index of the ID address (equal addresses, never the address): what SHARED_ADDRESS counts by. */
    @Column(updatable = false)
    private String idAddressBidx;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EndUserStatus status;

    private Long verificationCaseId;

    private Long idFrontDocumentId;

    private Long idBackDocumentId;

    private Long livePhotoDocumentId;

    @Column(nullable = false, updatable = false)
    private Instant boundAt;

    @Column(nullable = false, updatable = false)
    private String boundBy;

    private Instant decidedAt;

    private Instant endedAt;

    @Enumerated(EnumType.STRING)
    private EndReason endReason;

    @Column(updatable = false)
    private Long copiedFromId;

    @Version
    private long version;

    protected CardEndUser() {}

    CardEndUser(Card card, EndUserDetails details, PersonalData personalData, String boundBy, Instant now) {
        this.cardId = card.id();
        this.agentId = card.agentId();
        this.enterpriseId = card.enterpriseId();
        this.name = personalData.sealName(details.name(), place("name"));
        this.idNumber = personalData.seal(details.idDocument(), place("id_number"));
        this.idAddress = personalData.sealAddress(details.idAddress(), place("id_address"));
        this.idAddressBidx = personalData.addressIndex(details.idAddress());
        this.status = EndUserStatus.BOUND;
        this.boundAt = now;
        this.boundBy = boundBy;
    }

    /**
     * The same end user on a replacement card (补换卡): re-sealed under the new row's key, with the status, the
     * verification case and the photos of the original.
     */
    CardEndUser copyTo(Card replacement, PersonalData personalData, Instant now) {
        CardEndUser copy = new CardEndUser(replacement, details(personalData), personalData, boundBy, now);
        copy.status = status;
        copy.verificationCaseId = verificationCaseId;
        copy.decidedAt = decidedAt;
        copy.idFrontDocumentId = idFrontDocumentId;
        copy.idBackDocumentId = idBackDocumentId;
        copy.livePhotoDocumentId = livePhotoDocumentId;
        copy.copiedFromId = id;
        return copy;
    }

    // --- lifecycle ------------------------------------------------------------------------------------------------

    void end(EndReason reason, Instant now) {
        if (endedAt == null) {
            this.endedAt = now;
            this.endReason = reason;
        }
    }

    /**
     * A photo for the verification; a later one of the same kind replaces the earlier. Only while no case is open:
     * a decided or pending binding is started again by binding the end user anew.
     */
    public void photo(EndUserPhoto kind, long documentId) {
        if (!awaitsPhotos()) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "card.endUser.photosClosed")
                    .with("status", status.name());
        }
        switch (kind) {
            case ID_FRONT -> this.idFrontDocumentId = documentId;
            case ID_BACK -> this.idBackDocumentId = documentId;
            case LIVE_PHOTO -> this.livePhotoDocumentId = documentId;
        }
    }

    public boolean photosComplete() {
        return idFrontDocumentId != null && livePhotoDocumentId != null && (idBackDocumentId != null || !backNeeded());
    }

    public void verificationOpened(long caseId) {
        this.verificationCaseId = caseId;
    }

    /**
     * The verification case of this binding was decided. Answers false (and changes nothing) for another case or a
     * binding already decided: decisions may arrive twice.
     */
    boolean decided(long caseId, boolean approved, Instant now) {
        if (verificationCaseId == null || verificationCaseId != caseId || status != EndUserStatus.BOUND) {
            return false;
        }
        this.status = approved ? EndUserStatus.VERIFIED : EndUserStatus.REJECTED;
        this.decidedAt = now;
        return true;
    }

    // --- reading --------------------------------------------------------------------------------------------------

    public boolean awaitsPhotos() {
        return status == EndUserStatus.BOUND && verificationCaseId == null;
    }

    /** A passport has no back to photograph; every other document has. */
    boolean backNeeded() {
        return backNeeded(idNumber.type());
    }

    static boolean backNeeded(IdType type) {
        return type != IdType.PASSPORT;
    }

    /** The key of the one-ID-N-cards quota: the blind index of the ID document. */
    String quotaKey() {
        return idNumber.blindIndex();
    }

    public EndUserDetails details(PersonalData personalData) {
        return new EndUserDetails(name(personalData), idDocument(personalData), idAddress(personalData));
    }

    public String name(PersonalData personalData) {
        return personalData.open(name, place("name"));
    }

    public IdDocument idDocument(PersonalData personalData) {
        return personalData.open(idNumber, place("id_number"));
    }

    public String idAddress(PersonalData personalData) {
        return personalData.open(idAddress, place("id_address"));
    }

    public EndUserView view() {
        return new EndUserView(
                name.masked(),
                idNumber.type(),
                idNumber.masked(),
                idAddress.masked(),
                status,
                verificationCaseId,
                idFrontDocumentId,
                idBackDocumentId,
                livePhotoDocumentId,
                backNeeded(),
                boundAt,
                boundBy);
    }

    Long id() {
        return id;
    }

    long cardId() {
        return cardId;
    }

    long agentId() {
        return agentId;
    }

    long enterpriseId() {
        return enterpriseId;
    }

    public EndUserStatus status() {
        return status;
    }

    public Long verificationCaseId() {
        return verificationCaseId;
    }

    public Long idFrontDocumentId() {
        return idFrontDocumentId;
    }

    public Long idBackDocumentId() {
        return idBackDocumentId;
    }

    public Long livePhotoDocumentId() {
        return livePhotoDocumentId;
    }

    String maskedName() {
        return name.masked();
    }

    String maskedIdNumber() {
        return idNumber.masked();
    }

    private SealContext place(String column) {
        return SealContext.of(TABLE, column, sealKey);
    }
}
