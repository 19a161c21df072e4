package com.realsim.account;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.Repository;

/**
 * The administration API's lists of agents, users and API clients: newest first, a page at a time after the last id
 * the client saw (keyset pagination).
 */
@NoRepositoryBean
interface NewestFirst<T> extends Repository<T, Long> {

    List<T> findByIdLessThanOrderByIdDesc(long id, Limit limit);

    /** Up to {@code limit} rows with an id below {@code afterId} (from the newest when null), newest first. */
    default List<T> newestAfter(Long afterId, int limit) {
        return findByIdLessThanOrderByIdDesc(afterId == null ? Long.MAX_VALUE : afterId, Limit.of(limit));
    }
}
