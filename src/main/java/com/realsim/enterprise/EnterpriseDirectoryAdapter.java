package com.realsim.enterprise;

import com.realsim.platform.EnterpriseDirectory;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lets the account module attach ENTERPRISE_ADMIN accounts and API clients to enterprises by id. */
@Component
@RequiredArgsConstructor
class EnterpriseDirectoryAdapter implements EnterpriseDirectory {

    private final Enterprises enterprises;

    @Override
    @Transactional(readOnly = true)
    public boolean exists(long enterpriseId) {
        return enterprises.existsById(enterpriseId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> name(long enterpriseId) {
        return enterprises.findById(enterpriseId).map(Enterprise::name);
    }

    @Override
    @Transactional(readOnly = true)
    public List<EnterpriseOption> options() {
        return enterprises.findAll(Sort.by("name")).stream()
                .map(e -> new EnterpriseOption(e.id(), e.name()))
                .toList();
    }
}
