package com.realsim.verification.web;

import com.realsim.identity.IdType;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.multipart.MultipartFile;

/** The end user's self-service form: who they are, their ID, the photos, and their consent to the notice. */
public class SelfServiceForm {

    @NotBlank
    @Size(max = 100)
    private String name;

    @NotNull
    private IdType idType = IdType.RESIDENT_ID;

    @NotBlank
    @Size(max = 40)
    private String idNumber;

    @NotBlank
    @Size(max = 500)
    private String idAddress;

    private MultipartFile idFront;
    private MultipartFile idBack;
    private MultipartFile livePhoto;

    @AssertTrue
    private boolean consent;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public IdType getIdType() {
        return idType;
    }

    public void setIdType(IdType idType) {
        this.idType = idType;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
    }

    public String getIdAddress() {
        return idAddress;
    }

    public void setIdAddress(String idAddress) {
        this.idAddress = idAddress;
    }

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
