package com.realsim.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public class AgentForm {

    @NotBlank
    @Size(max = 200)
    private String name;

    @Size(max = 40)
    private String uscc;

    public String getUscc() {
        return uscc;
    }

    public void setUscc(String uscc) {
        this.uscc = uscc;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
