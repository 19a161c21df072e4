package com.realsim.catalogue.web;

import com.realsim.catalogue.ServiceDirection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public class ServicePlanForm {

    @NotBlank
    @Size(max = 40)
    private String code;

    @NotBlank
    @Size(max = 200)
    private String name;

    private boolean dataDirectional;

    @NotNull
    private ServiceDirection voice = ServiceDirection.NONE;

    @NotNull
    private ServiceDirection sms = ServiceDirection.NONE;

    private boolean testPackage;
    private boolean imeiBinding;

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isDataDirectional() {
        return dataDirectional;
    }

    public void setDataDirectional(boolean dataDirectional) {
        this.dataDirectional = dataDirectional;
    }

    public ServiceDirection getVoice() {
        return voice;
    }

    public void setVoice(ServiceDirection voice) {
        this.voice = voice;
    }

    public ServiceDirection getSms() {
        return sms;
    }

    public void setSms(ServiceDirection sms) {
        this.sms = sms;
    }

    public boolean isTestPackage() {
        return testPackage;
    }

    public void setTestPackage(boolean testPackage) {
        this.testPackage = testPackage;
    }

    public boolean isImeiBinding() {
        return imeiBinding;
    }

    public void setImeiBinding(boolean imeiBinding) {
        this.imeiBinding = imeiBinding;
    }
}
