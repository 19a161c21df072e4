package com.realsim.catalogue.web;

import com.realsim.catalogue.ExceptionKind;
import com.realsim.catalogue.RealNameRuleDefinition;
import com.realsim.catalogue.ServiceDirection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

/** A rule on the policy page. Tri-state match fields: empty means "any", otherwise true/false or a direction. */
@Getter
@Setter
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
}
