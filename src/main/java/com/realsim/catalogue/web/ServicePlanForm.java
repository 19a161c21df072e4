package com.realsim.catalogue.web;

import com.realsim.catalogue.NewServicePlan;
import com.realsim.catalogue.ServiceDirection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

@Getter
@Setter
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

    /** How long a test package's test period lasts (days). */
    @NotNull
    private Integer testPeriodDays = NewServicePlan.DEFAULT_TEST_PERIOD_DAYS;

    /** The month's data allowance (MB); empty when not known. */
    private Integer monthlyDataMb;
}
