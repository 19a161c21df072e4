package com.realsim.enterprise;

import com.realsim.identity.IdType;
import java.time.LocalDate;

/** A responsible person as pages and the API show it: masked. */
public record ResponsiblePersonView(
        long id,
        String name,
        IdType idType,
        String idNumber,
        String idAddress,
        boolean legalRepresentative,
        LocalDate authorizationValidFrom,
        LocalDate authorizationValidTo,
        String status) {}
