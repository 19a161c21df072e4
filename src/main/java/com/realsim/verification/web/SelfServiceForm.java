package com.realsim.verification.web;

import com.realsim.identity.PersonFields;
import jakarta.validation.constraints.AssertTrue;
import org.springframework.web.multipart.MultipartFile;

/**
 * The end user's self-service form: who they are and their ID (the person's fields, with their presence and length
 * rules), the photos, and their consent to the notice.
 */
public class SelfServiceForm extends PersonFields {

    private MultipartFile idFront;
    private MultipartFile idBack;
    private MultipartFile livePhoto;

    @AssertTrue
    private boolean consent;

    public MultipartFile getIdFront() {
        return idFront;
    }

    public void setIdFront(MultipartFile idFront) {
        this.idFront = idFront;
    }

    public MultipartFile getIdBack() {
        return idBack;
    }

    public void setIdBack(MultipartFile idBack) {
        this.idBack = idBack;
    }

    public MultipartFile getLivePhoto() {
        return livePhoto;
    }

    public void setLivePhoto(MultipartFile livePhoto) {
        this.livePhoto = livePhoto;
    }

    public boolean isConsent() {
        return consent;
    }

    public void setConsent(boolean consent) {
        this.consent = consent;
    }
}
