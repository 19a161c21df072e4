package com.realsim.approval.web;

import com.realsim.approval.ExceptionKind;
import lombok.Getter;
import lombok.Setter;

/** The agent's request form: which card, which kind of approval, and why. */
@Getter
@Setter
public class RequestForm {

    private String iccid;
    private ExceptionKind kind;
    private String reason;
}
