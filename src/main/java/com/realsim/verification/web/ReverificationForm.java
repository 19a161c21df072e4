package com.realsim.verification.web;

import jakarta.validation.constraints.AssertTrue;
import lombok.Getter;
import lombok.Setter;
import org.springframework.web.multipart.MultipartFile;

/** A risk re-verification on the phone: a live photo and the accepted fraud-risk notice (涉诈风险告知书). */
@Getter
@Setter
public class ReverificationForm {

    private MultipartFile livePhoto;

    @AssertTrue
    private boolean noticeAccepted;
}
