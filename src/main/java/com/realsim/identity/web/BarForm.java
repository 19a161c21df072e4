package com.realsim.identity.web;

import com.realsim.identity.BarSubject;
import com.realsim.identity.IdType;
import com.realsim.identity.NewBar;
import java.time.LocalDate;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

/** The page's form for a new bar. */
@Getter
@Setter
public class BarForm {

    private BarSubject subjectType = BarSubject.PERSON;
    private IdType idType;
    private String idNumber;
    private String uscc;
    private String basis;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate validFrom;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate validTo;

    private String reason;

    NewBar input() {
        return new NewBar(subjectType, idType, idNumber, uscc, basis, validFrom, validTo, reason);
    }

    @Override
    public String toString() {
        return "BarForm[" + subjectType + "]";
    }
}
