package com.realsim.order;

import com.realsim.platform.ScopedRepository;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface BusinessOrders extends ScopedRepository<BusinessOrder> {

    /** System work: the order under a row lock, so that two completions or decisions never interleave. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from BusinessOrder o where o.id = :id")
    Optional<BusinessOrder> lockById(long id);

    Optional<BusinessOrder> findByVerificationCaseId(long verificationCaseId);

    @Query("select o.id from BusinessOrder o where o.status = com.realsim.order.OrderStatus.AWAITING_VERIFICATION")
    List<Long> findOpenIds();
}
