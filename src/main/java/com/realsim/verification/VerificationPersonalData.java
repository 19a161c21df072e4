package com.realsim.verification;

import com.realsim.identity.PersonalDataSource;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case's sealed fields an authorised person may unmask (with a reason, audited by the identity module): {@code
 * name} and {@code idNumber} of target type {@code VERIFICATION}.
 */
@Component
@RequiredArgsConstructor
class VerificationPersonalData implements PersonalDataSource {

    static final Set<String> FIELDS = Set.of("name", "idNumber");

    private final VerificationService verifications;

    @Override
    public String targetType() {
        return "VERIFICATION";
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> reveal(long targetId, String field) {
        if (!FIELDS.contains(field)) {
            return Optional.empty();
        }
        return Optional.ofNullable(verifications.reveal(targetId, field));
    }
}
