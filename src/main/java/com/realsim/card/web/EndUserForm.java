package com.realsim.card.web;

import com.realsim.card.EndUserDetails;
import com.realsim.identity.IdType;
import java.time.LocalDate;

/** The agent's form binding a card's end user; never prefilled with sealed values. */
public class EndUserForm {

    private String name;
    private IdType idType = IdType.RESIDENT_ID;
    private String idNumber;
    private String idAddress;

    EndUserDetails toDetails(LocalDate today) {
        return EndUserDetails.of(name, idType, idNumber, idAddress, today);
    }

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
