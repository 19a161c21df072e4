package com.realsim.platform;

import com.realsim.platform.error.NotFoundException;
import java.util.Optional;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.NoRepositoryBean;

/**
 * A repository of {@link Tenanted} aggregates whose look-ups go through the current actor's {@link TenantScope}.
 * Use cases load with {@link #getVisible}; {@code findById} is for system work (event listeners, jobs) that acts
 * for nobody in particular.
 */
@NoRepositoryBean
public interface ScopedRepository<T> extends JpaRepository<T, Long>, JpaSpecificationExecutor<T> {

    default Specification<T> visible() {
        return CurrentActor.scope().specification();
    }

    default Optional<T> findVisible(long id) {
        return findOne(visible().and((root, query, cb) -> cb.equal(root.get("id"), id)));
    }

    default Optional<T> findVisible(Specification<T> condition) {
        return findOne(visible().and(condition));
    }

    /** The record with this id if the current actor may see it; otherwise 404, whether it exists or not. */
    default T getVisible(long id) {
        return findVisible(id).orElseThrow(NotFoundException::new);
    }
}
