package com.realsim.card.domain;

import static com.realsim.card.domain.CardBuilder.NOW;
import static com.realsim.card.domain.CardBuilder.OPS;
import static com.realsim.card.domain.CardBuilder.aCard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realsim.card.BlockingReason;
import com.realsim.card.CardState;
import com.realsim.card.Imei;
import com.realsim.card.events.CardImeiBound;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Machine-card binding (机卡绑定): the first device binds, another suspends, a rebind is limited per month. */
class MachineCardBindingTest {

    static final Imei FIRST = new Imei("356938035643809");
    static final Imei OTHER = new Imei("490154203237518");
    static final Imei THIRD = new Imei("353918055555555");

    @Test
    void theFirstDeviceSeenBindsAndAnotherDeviceSuspendsUntilTheBoundOneReturns() {
        Card card = aCard().boundToDevices().inState(CardState.ACTIVE).build();

        card.deviceSeen(FIRST, NOW, CardBuilder::complete);
        assertThat(card.boundImei()).isEqualTo(FIRST.value());
        assertThat(card.state()).isEqualTo(CardState.ACTIVE);

        card.deviceSeen(OTHER, NOW, CardBuilder::complete);
        assertThat(card.state()).isEqualTo(CardState.SUSPENDED);
        assertThat(card.activeReasons()).containsExactly(BlockingReason.MACHINE_CARD_SEPARATION);

        card.deviceSeen(FIRST, NOW.plusSeconds(60), CardBuilder::complete);
        assertThat(card.state()).isEqualTo(CardState.ACTIVE);
        assertThat(card.activeReasons()).isEmpty();
    }

    @Test
    void theBoundDeviceReturningDoesNotLiftOtherReasons() {
        Card card = aCard().boundToDevices().inState(CardState.ACTIVE).build();
        card.deviceSeen(FIRST, NOW, CardBuilder::complete);
        card.deviceSeen(OTHER, NOW, CardBuilder::complete);
        card.block(BlockingReason.ARREARS, "unpaid", null, NOW);
        card.deviceSeen(FIRST, NOW, CardBuilder::complete);
        assertThat(card.state()).isEqualTo(CardState.SUSPENDED);
        assertThat(card.activeReasons()).containsExactly(BlockingReason.ARREARS);
    }

    @Test
    void cardsWithoutBindingIgnoreDevicesAndCannotBeRebound() {
        Card card = aCard().inState(CardState.ACTIVE).build();
        card.deviceSeen(FIRST, NOW, CardBuilder::complete);
        card.deviceSeen(OTHER, NOW, CardBuilder::complete);
        assertThat(card.boundImei()).isNull();
        assertThat(card.state()).isEqualTo(CardState.ACTIVE);
        assertThatThrownBy(() -> card.rebind(OTHER, 2, OPS, NOW, CardBuilder::complete))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_STATE_TRANSITION));
    }

    @Test
    void atMostTheConfiguredRebindsPerCalendarMonthInChinaTime() {
        Card card = aCard().boundToDevices().inState(CardState.ACTIVE).build();
        card.deviceSeen(FIRST, NOW, CardBuilder::complete);
        card.deviceSeen(OTHER, NOW, CardBuilder::complete);

        Instant november = Instant.parse("2026-11-30T10:00:00Z");
        card.rebind(OTHER, 2, OPS, november, CardBuilder::complete);
        assertThat(card.state()).isEqualTo(CardState.ACTIVE);
        card.rebind(THIRD, 2, OPS, november.plusSeconds(60), CardBuilder::complete);
        assertThatThrownBy(() -> card.rebind(FIRST, 2, OPS, november.plusSeconds(120), CardBuilder::complete))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
                    assertThat(e.details())
                            .containsEntry("quota", "REBINDS_PER_MONTH")
                            .containsEntry("limit", 2);
                });
        assertThat(card.boundImei()).isEqualTo(THIRD.value());

        // 2026-11-30T16:00Z is already 1 December in Beijing: a new month
        card.rebind(FIRST, 2, OPS, Instant.parse("2026-11-30T16:00:00Z"), CardBuilder::complete);
        assertThat(card.boundImei()).isEqualTo(FIRST.value());
        assertThat(card.rebindsInMonth()).isEqualTo(1);
    }

    @Test
    void aRebindClearsTheSeparation() {
        Card card = aCard().boundToDevices().inState(CardState.ACTIVE).build();
        card.deviceSeen(FIRST, NOW, CardBuilder::complete);
        card.deviceSeen(OTHER, NOW, CardBuilder::complete);
        card.rebind(OTHER, 2, OPS, NOW, CardBuilder::complete);
        assertThat(card.state()).isEqualTo(CardState.ACTIVE);
        assertThat(card.pendingEvents())
                .anyMatch(e -> e instanceof CardImeiBound bound
                        && bound.rebind()
                        && bound.imeiMasked().contains("****"));
    }
}
