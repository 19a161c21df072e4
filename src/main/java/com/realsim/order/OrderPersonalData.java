package com.realsim.order;

import com.realsim.identity.PersonalData;
import com.realsim.identity.PersonalDataSource;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order's sealed fields that an authorised person may unmask (with a reason, audited by the identity module):
 * {@code handler.name}, {@code handler.idNumber}, {@code handler.idAddress} of target type {@code ORDER}.
 */
@Component
@RequiredArgsConstructor
class OrderPersonalData implements PersonalDataSource {

    static final Set<String> FIELDS = Set.of("handler.name", "handler.idNumber", "handler.idAddress");

    private final BusinessOrders orders;
    private final PersonalData personalData;

    @Override
    public String targetType() {
        return "ORDER";
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> reveal(long targetId, String field) {
        if (!FIELDS.contains(field)) {
            return Optional.empty();
        }
        return orders.findVisible(targetId).map(order -> order.reveal(field, personalData));
    }
}
