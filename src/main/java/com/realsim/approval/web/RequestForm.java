package com.realsim.approval.web;

import com.realsim.approval.ExceptionKind;

/** The agent's request form: which card, which kind of approval, and why. */
public class RequestForm {

    private String iccid;
    private ExceptionKind kind;
    private String reason;

    public String getIccid() {
        return iccid;
    }

    public void setIccid(String iccid) {
        this.iccid = iccid;
    }

    public ExceptionKind getKind() {
        return kind;
    }

    public void setKind(ExceptionKind kind) {
        this.kind = kind;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
