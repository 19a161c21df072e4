package com.realsim.identity;

import java.util.Optional;

/**
 * Implemented by each module that owns sealed personal data (enterprise, card end users, order handlers …), so that
 * {@link UnmaskService} can show one clear value without knowing the module. A bean per target type.
 */
public interface PersonalDataSource {

    /** The target type this source answers for, as the audit trail names it: {@code ENTERPRISE}, {@code CARD} … */
    String targetType();

    /**
     * The clear value of one field of one record, loaded through the current actor's tenant scope (a
     * {@code ScopedRepository}'s {@code findVisible}); empty when the record is not visible or has no such field,
     * which answers 404.
     *
     * @param field the field's name as the source defines it, e.g. {@code responsiblePerson.idNumber}
     */
    Optional<String> reveal(long targetId, String field);
}
