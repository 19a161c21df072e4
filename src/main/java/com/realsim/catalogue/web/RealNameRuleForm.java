package com.realsim.catalogue.web;

import com.realsim.catalogue.ExceptionKind;
import com.realsim.catalogue.RealNameRuleDefinition;
import com.realsim.catalogue.ServiceDirection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A rule on the policy page. Tri-state match fields: empty means "any", otherwise true/false or a direction. */
public class RealNameRuleForm {

    @NotNull
    @Min(1)
    @Max(100_000)
    private Integer priority;

    @NotBlank
    @Size(max = 60)
    private String code;

    @Size(max = 13)
    private String msisdnPrefix;

    private Boolean testPackage;
    private Boolean dataDirectional;
    private ServiceDirection voiceSms;
    private boolean endUserRequired;

    @NotNull
    private ExceptionKind exceptionKind;

    static RealNameRuleForm of(RealNameRuleDefinition rule) {
        RealNameRuleForm form = new RealNameRuleForm();
        form.priority = rule.priority();
        form.code = rule.code();
        form.msisdnPrefix = rule.msisdnPrefix();
        form.testPackage = rule.testPackage();
        form.dataDirectional = rule.dataDirectional();
        form.voiceSms = rule.voiceSms();
        form.endUserRequired = rule.endUserRequired();
        form.exceptionKind = rule.exceptionKind();
        return form;
    }

    RealNameRuleDefinition definition() {
        return new RealNameRuleDefinition(
                priority, code, msisdnPrefix, testPackage, dataDirectional, voiceSms, endUserRequired, exceptionKind);
    }

    public Integer getPriority() {
        return priority;
    }

    public void setPriority(Integer priority) {
        this.priority = priority;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getMsisdnPrefix() {
        return msisdnPrefix;
    }

    public void setMsisdnPrefix(String msisdnPrefix) {
        this.msisdnPrefix = msisdnPrefix;
    }

    public Boolean getTestPackage() {
        return testPackage;
    }

    public void setTestPackage(Boolean testPackage) {
        this.testPackage = testPackage;
    }

    public Boolean getDataDirectional() {
        return dataDirectional;
    }

    public void setDataDirectional(Boolean dataDirectional) {
        this.dataDirectional = dataDirectional;
    }

    public ServiceDirection getVoiceSms() {
        return voiceSms;
    }

    public void setVoiceSms(ServiceDirection voiceSms) {
        this.voiceSms = voiceSms;
    }

    public boolean isEndUserRequired() {
        return endUserRequired;
    }

    public void setEndUserRequired(boolean endUserRequired) {
        this.endUserRequired = endUserRequired;
    }

    public ExceptionKind getExceptionKind() {
        return exceptionKind;
    }

    public void setExceptionKind(ExceptionKind exceptionKind) {
        this.exceptionKind = exceptionKind;
    }
}
