package com.realsim.card.web;

import com.realsim.identity.IdType;
import lombok.Getter;
import lombok.Setter;

/** The card list's search by an end user's full ID document: posted, never put in a URL, never shown back in clear. */
@Getter
@Setter
public class IdSearchForm {

    private IdType idType = IdType.RESIDENT_ID;

    private String idNumber;
}
