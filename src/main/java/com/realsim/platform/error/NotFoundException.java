package com.realsim.platform.error;

/** The record does not exist, or belongs to another tenant: both answer 404, so that ids reveal nothing. */
public class NotFoundException extends DomainException {

    public NotFoundException() {
        super(ErrorCode.NOT_FOUND);
    }
}
