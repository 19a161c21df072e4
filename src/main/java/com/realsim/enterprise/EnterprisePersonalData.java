package com.realsim.enterprise;

import com.realsim.identity.PersonalDataSource;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enterprise's sealed fields that an authorised person may unmask (with a reason, audited by the identity
 * module): {@code legalRepresentative}, {@code responsiblePerson.name}, {@code responsiblePerson.idNumber},
 * {@code responsiblePerson.idAddress}.
 */
@Component
@RequiredArgsConstructor
class EnterprisePersonalData implements PersonalDataSource {

    static final Set<String> FIELDS = Set.of(
            "legalRepresentative",
            "responsiblePerson.name",
            "responsiblePerson.idNumber",
            "responsiblePerson.idAddress");

    private final EnterpriseService enterprises;

    @Override
    public String targetType() {
        return "ENTERPRISE";
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> reveal(long targetId, String field) {
        if (!FIELDS.contains(field)) {
            return Optional.empty();
        }
        return Optional.ofNullable(enterprises.reveal(targetId, field));
    }
}
