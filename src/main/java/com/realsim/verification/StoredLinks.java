package com.realsim.verification;

import com.realsim.platform.ScopedRepository;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/**
 * Self-service links. Looked up by token hash without a tenant scope: the end user has no account, and holding the
 * token is what entitles them to the one subject it names.
 */
interface StoredLinks extends ScopedRepository<SelfServiceLink> {

    Optional<SelfServiceLink> findByTokenHash(String tokenHash);

    /** The same, locked until the transaction ends, so that one link serves one submission. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from SelfServiceLink l where l.tokenHash = :tokenHash")
    Optional<SelfServiceLink> lockByTokenHash(String tokenHash);
}
