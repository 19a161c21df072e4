package com.realsim.identity;

/**
 * The fields every form about a person shares — name, ID document type (resident ID by default), ID number and ID
 * address — as typed, for page forms to extend. The values are checked where the form becomes a domain input
 * ({@link IdDocument#of}); a form is never prefilled with sealed values.
 */
public class PersonFields {

    private String name;
    private IdType idType = IdType.RESIDENT_ID;
    private String idNumber;
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
