package com.realsim.verification.web;

import com.realsim.identity.PersonFields;
import jakarta.validation.constraints.AssertTrue;
import lombok.Getter;
import lombok.Setter;
import org.springframework.web.multipart.MultipartFile;

/**
 * The end user's self-service form: who they are and their ID (the person's fields, with their presence and length
 * rules), the photos, and their consent to the notice.
 */
@Getter
@Setter
public class SelfServiceForm extends PersonFields {

    private MultipartFile idFront;
    private MultipartFile idBack;
    private MultipartFile livePhoto;

    @AssertTrue
    private boolean consent;
}
