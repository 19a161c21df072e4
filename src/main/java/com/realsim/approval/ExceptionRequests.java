package com.realsim.approval;

import com.realsim.platform.ScopedRepository;
import java.util.Optional;

interface ExceptionRequests extends ScopedRepository<ExceptionRequest> {

    /** System look-up, not scoped: whether the card already has a pending or approved request. */
    Optional<ExceptionRequest> findFirstByCardIdAndStatus(long cardId, ExceptionStatus status);
}
