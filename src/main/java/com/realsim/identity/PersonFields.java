package com.realsim.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The fields every form about a person shares — name, ID document type (resident ID by default), ID number and ID
 * address — as typed, for page forms to extend. The values are checked where the form becomes a domain input
 * ({@link IdDocument#of}); a form is never prefilled with sealed values. A form that is bound with {@code @Valid}
 * (the end user's self-service form) also gets the presence and length rules below; forms whose controllers check
 * the input in the service (an enterprise's correction keeps what is left blank) do not ask for them.
 */
public class PersonFields {

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
}
