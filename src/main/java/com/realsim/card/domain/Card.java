package com.realsim.card.domain;

import com.realsim.card.BlockingReason;
import com.realsim.card.BlockingReasonView;
import com.realsim.card.CardState;
import com.realsim.card.Iccid;
import com.realsim.card.Imei;
import com.realsim.card.Msisdn;
import com.realsim.card.RealNameAssessment;
import com.realsim.card.events.CardActivated;
import com.realsim.card.events.CardBlockingReasonCleared;
import com.realsim.card.events.CardCancelled;
import com.realsim.card.events.CardEndUserBound;
import com.realsim.card.events.CardHandedOver;
import com.realsim.card.events.CardImeiBound;
import com.realsim.card.events.CardPreCancelled;
import com.realsim.card.events.CardReplaced;
import com.realsim.card.events.CardRestored;
import com.realsim.card.events.CardResumed;
import com.realsim.card.events.CardSuspended;
import com.realsim.card.events.CardTestPeriodEnded;
import com.realsim.card.events.CardTransferred;
import com.realsim.catalogue.Operator;
import com.realsim.platform.Actor;
import com.realsim.platform.Tenanted;
import com.realsim.platform.error.DomainException;
import com.realsim.platform.error.ErrorCode;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.annotations.Formula;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * An IoT SIM card: its identifiers, plan and operator, where it is in its lifecycle, the stack of reasons blocking
 * it, and its machine-card binding. Every rule about moving between states lives here; a refused move throws a
 * {@link DomainException} with a stable code and changes nothing.
 *
 * <p>While the card is in the operator's inventory it belongs to no tenant; the hand-over to an enterprise gives it
 * its agent and enterprise.
 *
 * <p><b>A card works only while its real-name requirement is met.</b> Every move into ACTIVE — activation, the last
 * blocking reason cleared (a resume, the bound device back, a rebind, a real-name completed), a pre-cancelled card
 * used again — takes the card's {@link RealNameAssessment} as it stands: activation is refused without it ({@code
 * REAL_NAME_INCOMPLETE}); any other move leaves or puts the card SUSPENDED with {@code UNVERIFIED}, which only a
 * complete real-name clears. The assessment is asked for lazily ({@code Supplier}), only when a move needs it.
 */
@Entity
@Table(name = "card")
@Tenanted(agent = "agentId", enterprise = "enterpriseId")
public class Card extends AbstractAggregateRoot<Card> {

    /** Business months (for the monthly rebind limit) are China's calendar months. */
    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String iccid;

    @Column(nullable = false, updatable = false)
    private String msisdn;

    @Column(nullable = false, updatable = false)
    private String imsi;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Operator operator;

    @Column(nullable = false)
    private long planId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CardState state;

    private Long agentId;

    private Long enterpriseId;

    @Column(nullable = false)
    private boolean imeiBinding;

    private String boundImei;

    private LocalDate rebindMonth;

    @Column(nullable = false)
    private int rebindsInMonth;

    private Instant activatedAt;

    private Instant cancelledAt;

    /** The order through which the card came to its current enterprise: its handler is part of the real-name. */
    private Long handledByOrderId;

    /**
     * The last day with usage (China time), or null while the card was never used: kept in the card's usage summary
     * ({@code card_usage_summary}, written by {@link DailyUsage}), read here, never written through the card.
     */
    @Formula("(SELECT s.last_usage_on FROM card_usage_summary s WHERE s.card_id = id)")
    private LocalDate lastUsageOn;

    private Instant preCancelledAt;

    /** When the card's test period began (its hand-over): it ends after the plan's test period. */
    private Instant testStartedAt;

    /** When the card began waiting for activation: its silent period (沉默期) ends after the operator's limit. */
    private Instant pendingSince;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "card_id", nullable = false, updatable = false)
    @OrderBy("since ASC, id ASC")
    private List<CardBlock> blocks = new ArrayList<>();

    protected Card() {}

    /** A card in the operator's inventory (the bulk import inserts these with SQL). */
    Card(Iccid iccid, Msisdn msisdn, String imsi, Operator operator, long planId, boolean imeiBinding, Instant now) {
        this.iccid = iccid.value();
        this.msisdn = msisdn.value();
        this.imsi = imsi;
        this.operator = operator;
        this.planId = planId;
        this.imeiBinding = imeiBinding;
        this.state = CardState.INVENTORY;
        this.createdAt = now;
        this.updatedAt = now;
    }

    // --- lifecycle ------------------------------------------------------------------------------------------------

    /**
     * The card leaves the inventory for an enterprise through a completed order: to its test period, or straight to
     * waiting for activation. The order's handler is recorded (a fact of the card's real-name).
     */
    public void handOver(long agentId, long enterpriseId, boolean testPeriod, long orderId, Actor actor, Instant now) {
        moveTo(testPeriod ? CardState.TEST : CardState.PENDING_ACTIVATION, now);
        if (testPeriod) {
            this.testStartedAt = now;
        } else {
            this.pendingSince = now;
        }
        this.agentId = agentId;
        this.enterpriseId = enterpriseId;
        this.handledByOrderId = orderId;
        registerEvent(new CardHandedOver(id, iccid, agentId, enterpriseId, state, actor));
    }

    /** A completed order with a handler concerned this card (a real-name supplement, 实名制补录). */
    public void handledThrough(long orderId, Instant now) {
        requireWithCustomer();
        this.handledByOrderId = orderId;
        this.updatedAt = now;
    }

    /**
     * Transfer of ownership (过户) to another enterprise of the same agent through a completed order, whose handler
     * is recorded. The card keeps its state and blocking reasons.
     */
    public void transferTo(long toEnterpriseId, long orderId, Instant now) {
        requireWithCustomer();
        if (enterpriseId == toEnterpriseId) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "card.transfer.sameEnterprise", iccid)
                    .with("iccid", iccid);
        }
        long from = enterpriseId;
        this.enterpriseId = toEnterpriseId;
        this.handledByOrderId = orderId;
        this.updatedAt = now;
        registerEvent(new CardTransferred(id, iccid, agentId, from, toEnterpriseId, orderId));
    }

    /**
     * Card replacement (补换卡): this inventory card takes the place of {@code old} — its agent, enterprise, state,
     * activation, last usage, device and active blocking reasons. The caller cancels the old card and moves its end
     * user.
     */
    public void replace(Card old, long orderId, Instant now) {
        requireState(CardState.INVENTORY);
        old.requireWithCustomer();
        if (old.operator != operator) {
            throw new DomainException(
                            ErrorCode.ILLEGAL_STATE_TRANSITION, "card.replace.otherOperator", iccid, old.iccid)
                    .with("iccid", iccid)
                    .with("operator", operator.name());
        }
        this.state = old.state;
        this.agentId = old.agentId;
        this.enterpriseId = old.enterpriseId;
        this.handledByOrderId = orderId;
        this.activatedAt = old.activatedAt;
        this.lastUsageOn = old.lastUsageOn; // the summary's last day is carried over by DailyUsage#carryOver
        this.preCancelledAt = old.preCancelledAt;
        this.testStartedAt = old.testStartedAt;
        this.pendingSince = old.pendingSince;
        if (imeiBinding) {
            this.boundImei = old.boundImei;
        }
        for (CardBlock block : old.blocks) {
            if (block.isActive()) {
                blocks.add(block.carriedOver());
            }
        }
        this.updatedAt = now;
        registerEvent(new CardReplaced(id, iccid, old.iccid, agentId, enterpriseId, state, orderId));
    }

    /**
     * The test period ends — the plan's test period is over ({@code LifecycleTimers}) or the card is activated: the
     * card waits for activation, and its silent period begins.
     */
    void endTestPeriod(Instant now) {
        requireState(CardState.TEST);
        moveTo(CardState.PENDING_ACTIVATION, now);
        this.pendingSince = now;
        registerEvent(new CardTestPeriodEnded(id, iccid, agentId, enterpriseId));
    }

    /**
     * The silent period (沉默期) is over: the operator switches the card on. It is ACTIVE when its real-name is
     * complete; otherwise it is switched on stopped — SUSPENDED with {@code UNVERIFIED}, which completing the real-name
     * clears. Either way its service began now ({@code activatedAt}: the cancellation cycle and the risk rules count
     * from it). {@code LifecycleTimers} makes the same move for many cards in SQL.
     */
    void silentPeriodEnded(RealNameAssessment assessment, Instant now) {
        requireState(CardState.PENDING_ACTIVATION);
        this.activatedAt = now;
        if (assessment.satisfied()) {
            moveTo(CardState.ACTIVE, now);
            registerEvent(new CardActivated(
                    id, iccid, agentId, enterpriseId, assessment.requirement().code(), null));
        } else {
            moveTo(CardState.SUSPENDED, now);
            stack(BlockingReason.UNVERIFIED, SILENT_PERIOD_ENDED_INCOMPLETE, null, now);
        }
    }

    /** The note on {@code UNVERIFIED} put on a card switched on at the end of its silent period. */
    static final String SILENT_PERIOD_ENDED_INCOMPLETE = "card.note.silentPeriodEnded";

    /**
     * Activates the card if its real-name is complete; otherwise {@code REAL_NAME_INCOMPLETE} with {@code missing} and
     * nothing changes. A card in its test period may be activated too: that ends the test period.
     */
    public void activate(RealNameAssessment assessment, Actor actor, Instant now) {
        if (!state.canBeActivated()) {
            requireState(CardState.PENDING_ACTIVATION);
        }
        if (!assessment.satisfied()) {
            throw new DomainException(ErrorCode.REAL_NAME_INCOMPLETE).with("missing", assessment.missingCodes());
        }
        if (state == CardState.TEST) {
            endTestPeriod(now);
        }
        moveTo(CardState.ACTIVE, now);
        this.activatedAt = now;
        registerEvent(new CardActivated(
                id, iccid, agentId, enterpriseId, assessment.requirement().code(), actor));
    }

    /**
     * Puts a reason on the stack; a working card is suspended by it. A reason already on the stack stays as it is
     * (answers false): a card is not stopped twice for the same thing.
     */
    public boolean block(BlockingReason reason, String note, Actor actor, Instant now) {
        requireNotFinal();
        if (!state.canBeBlocked()) {
            throw illegal(state, CardState.SUSPENDED);
        }
        if (isBlockedBy(reason)) {
            return false;
        }
        if (state == CardState.ACTIVE) {
            moveTo(CardState.SUSPENDED, now);
        }
        stack(reason, note, actor, now);
        return true;
    }

    private void stack(BlockingReason reason, String note, Actor actor, Instant now) {
        blocks.add(new CardBlock(reason, now, by(actor), note));
        this.updatedAt = now;
        registerEvent(new CardSuspended(id, iccid, agentId, enterpriseId, reason, note, actor));
    }

    /**
     * Clears a reason because its own event happened (payment, passed re-verification, a completed real-name, a
     * rebind …). Clearing a reason the card does not carry changes nothing (events may arrive twice) and answers false.
     * {@code UNVERIFIED} is cleared only while the real-name is complete (else false). When the last reason goes, the
     * card works again if its real-name is complete; otherwise it stays SUSPENDED, now with {@code UNVERIFIED}.
     */
    boolean clear(BlockingReason reason, String note, Actor actor, Instant now, Supplier<RealNameAssessment> realName) {
        requireNotFinal();
        CardBlock block = activeBlock(reason);
        if (block == null) {
            return false;
        }
        boolean last = activeReasons().size() == 1;
        boolean needsRealName = reason == BlockingReason.UNVERIFIED || (last && state == CardState.SUSPENDED);
        boolean complete = needsRealName && realName.get().satisfied();
        if (reason == BlockingReason.UNVERIFIED && !complete) {
            return false;
        }
        block.clear(now, by(actor), note);
        this.updatedAt = now;
        boolean resumes = last && state == CardState.SUSPENDED && complete;
        registerEvent(new CardBlockingReasonCleared(id, iccid, agentId, enterpriseId, reason, note, resumes, actor));
        if (resumes) {
            moveTo(CardState.ACTIVE, now);
            registerEvent(new CardResumed(id, iccid, agentId, enterpriseId, actor));
        } else if (last && state == CardState.SUSPENDED) {
            stack(BlockingReason.UNVERIFIED, "card.note.realNameIncomplete", null, now);
        }
        return true;
    }

    /**
     * OPS granted the customer's appeal (申诉) against a risk suspension: the contested reason is cleared as if its own
     * event had happened, and the card works again only when nothing else blocks it and its real-name is complete.
     * Only {@code MACHINE_CARD_SEPARATION} and {@code RISK_REVERIFICATION_OVERDUE} can be appealed (a real-name gap,
     * a customer's or an operator's own stop, arrears and the data limit have their own ways out). Answers false when
     * the card no longer carries the reason.
     */
    public boolean clearOnAppeal(
            BlockingReason reason, String note, Actor actor, Instant now, Supplier<RealNameAssessment> realName) {
        if (reason != BlockingReason.MACHINE_CARD_SEPARATION && reason != BlockingReason.RISK_REVERIFICATION_OVERDUE) {
            throw new IllegalArgumentException("Not an appealable blocking reason: " + reason);
        }
        return clear(reason, note, actor, now, realName);
    }

    /**
     * A person resumes the card by clearing the reason their role may clear (if the card carries it). Answers the
     * reasons that still block it: while any remain the card stays SUSPENDED, and the caller is told so ({@code
     * BLOCKED}) — {@code UNVERIFIED} among them when the real-name is incomplete. {@code ILLEGAL_STATE_TRANSITION}
     * unless the card is suspended.
     */
    public List<BlockingReason> resume(
            BlockingReason callersReason,
            String note,
            Actor actor,
            Instant now,
            Supplier<RealNameAssessment> realName) {
        requireNotFinal();
        if (state != CardState.SUSPENDED) {
            throw illegal(state, CardState.ACTIVE);
        }
        clear(callersReason, note, actor, now, realName);
        return activeReasons();
    }

    /** No usage for the configured period: the card enters the cancellation cycle (预销户). */
    void preCancel(Actor actor, Instant now) {
        CardState from = state;
        moveTo(CardState.PRE_CANCELLED, now);
        this.preCancelledAt = now;
        registerEvent(new CardPreCancelled(id, iccid, agentId, enterpriseId, from, actor));
    }

    /**
     * Takes a pre-cancelled card back, judged on its real-name as it stands: ACTIVE when it is complete and no reason
     * blocks the card; otherwise SUSPENDED, with {@code UNVERIFIED} when the real-name is incomplete.
     */
    void restore(Actor actor, Instant now, Supplier<RealNameAssessment> realName) {
        requireState(CardState.PRE_CANCELLED);
        boolean complete = realName.get().satisfied();
        moveTo(CardState.SUSPENDED, now);
        this.preCancelledAt = null;
        CardBlock unverified = activeBlock(BlockingReason.UNVERIFIED);
        if (complete && unverified != null) {
            unverified.clear(now, by(actor), "card.note.realNameComplete");
            registerEvent(new CardBlockingReasonCleared(
                    id,
                    iccid,
                    agentId,
                    enterpriseId,
                    BlockingReason.UNVERIFIED,
                    "card.note.realNameComplete",
                    false,
                    actor));
        } else if (!complete && unverified == null) {
            stack(BlockingReason.UNVERIFIED, "card.note.realNameIncomplete", null, now);
        }
        if (activeReasons().isEmpty()) {
            moveTo(CardState.ACTIVE, now);
        }
        registerEvent(new CardRestored(id, iccid, agentId, enterpriseId, state, actor));
    }

    /** Cancels the card at once (销户): final. Possible from every state but CANCELLED. */
    public void cancel(String note, Actor actor, Instant now) {
        CardState from = state;
        moveTo(CardState.CANCELLED, now);
        this.cancelledAt = now;
        registerEvent(new CardCancelled(id, iccid, operator, agentId, enterpriseId, from, note, actor));
    }

    /**
     * Usage was reported for a day (its start in China time): the last sign of life moves forward, never back, and a
     * pre-cancelled card that was working before comes back.
     */
    public void usageSeen(Instant dayStart, Instant now, Supplier<RealNameAssessment> realName) {
        requireNotFinal();
        LocalDate day = LocalDate.ofInstant(dayStart, BUSINESS_ZONE);
        if (lastUsageOn == null || day.isAfter(lastUsageOn)) {
            this.lastUsageOn = day;
            this.updatedAt = now;
        }
        if (state == CardState.PRE_CANCELLED && activatedAt != null) {
            restore(null, now, realName);
        }
    }

    // --- machine-card binding -------------------------------------------------------------------------------------

    /**
     * Usage was seen from a device. A card bound to devices takes the first IMEI it sees; another IMEI suspends it
     * with MACHINE_CARD_SEPARATION, and the bound device returning clears that reason.
     */
    public void deviceSeen(Imei imei, Instant now, Supplier<RealNameAssessment> realName) {
        requireNotFinal();
        if (!imeiBinding) {
            return;
        }
        if (boundImei == null) {
            this.boundImei = imei.value();
            this.updatedAt = now;
            registerEvent(new CardImeiBound(id, iccid, agentId, enterpriseId, Imei.mask(boundImei), false, null));
        } else if (boundImei.equals(imei.value())) {
            clear(BlockingReason.MACHINE_CARD_SEPARATION, "card.note.boundDeviceReturned", null, now, realName);
        } else if (state.canBeBlocked()) {
            block(BlockingReason.MACHINE_CARD_SEPARATION, "card.note.otherDevice", null, now);
        }
    }

    /**
     * An approved rebind order binds the card to another device, at most {@code monthlyLimit} times per calendar
     * month; it clears MACHINE_CARD_SEPARATION.
     */
    public void rebind(Imei imei, int monthlyLimit, Actor actor, Instant now, Supplier<RealNameAssessment> realName) {
        requireNotFinal();
        if (!imeiBinding) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "card.rebind.notBound");
        }
        LocalDate month = YearMonth.from(now.atZone(BUSINESS_ZONE)).atDay(1);
        if (!month.equals(rebindMonth)) {
            this.rebindMonth = month;
            this.rebindsInMonth = 0;
        }
        if (rebindsInMonth >= monthlyLimit) {
            throw new DomainException(ErrorCode.QUOTA_EXCEEDED, "card.rebind.limit", monthlyLimit)
                    .with("quota", "REBINDS_PER_MONTH")
                    .with("limit", monthlyLimit);
        }
        this.rebindsInMonth++;
        this.boundImei = imei.value();
        this.updatedAt = now;
        registerEvent(new CardImeiBound(id, iccid, agentId, enterpriseId, Imei.mask(boundImei), true, actor));
        clear(BlockingReason.MACHINE_CARD_SEPARATION, "card.note.rebound", actor, now, realName);
    }

    // --- rules ----------------------------------------------------------------------------------------------------

    private void moveTo(CardState target, Instant now) {
        if (!state.canMoveTo(target)) {
            throw illegal(state, target);
        }
        this.state = target;
        this.updatedAt = now;
    }

    private void requireState(CardState expected) {
        if (state != expected) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "card.state.expected", expected)
                    .with("iccid", iccid)
                    .with("state", state.name());
        }
    }

    /** An end user was bound to the card (the binding lives in its own table; the card records the event). */
    void endUserBound(CardEndUser binding, boolean replaced, String channel, Actor actor, Instant now) {
        this.updatedAt = now;
        registerEvent(new CardEndUserBound(
                id,
                iccid,
                agentId,
                enterpriseId,
                binding.maskedName(),
                binding.view().idType(),
                binding.maskedIdNumber(),
                channel,
                replaced,
                actor,
                now));
    }

    /** An end user is bound to a card that is with a customer: not in the inventory, not cancelled. */
    public void requireBindable() {
        requireWithCustomer();
    }

    private void requireWithCustomer() {
        if (!state.isWithCustomer()) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "card.state.notWithCustomer", iccid)
                    .with("iccid", iccid)
                    .with("state", state.name());
        }
    }

    private void requireNotFinal() {
        if (state.isFinal()) {
            throw new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "card.state.cancelled")
                    .with("iccid", iccid)
                    .with("state", state.name());
        }
    }

    private DomainException illegal(CardState from, CardState to) {
        return new DomainException(ErrorCode.ILLEGAL_STATE_TRANSITION, "card.state.illegal", from, to)
                .with("iccid", iccid)
                .with("state", from.name())
                .with("target", to.name());
    }

    private CardBlock activeBlock(BlockingReason reason) {
        return blocks.stream().filter(b -> b.isActive(reason)).findFirst().orElse(null);
    }

    private static String by(Actor actor) {
        return actor == null ? "system" : actor.name();
    }

    // --- reading --------------------------------------------------------------------------------------------------

    boolean isBlockedBy(BlockingReason reason) {
        return activeBlock(reason) != null;
    }

    /** The reasons blocking the card now, oldest first. */
    List<BlockingReason> activeReasons() {
        return blocks.stream()
                .filter(CardBlock::isActive)
                .map(CardBlock::reason)
                .toList();
    }

    public List<BlockingReasonView> blockingHistory() {
        return blocks.stream()
                .map(CardBlock::view)
                .sorted(Comparator.comparing(BlockingReasonView::since))
                .toList();
    }

    /** The events registered since the card was last saved (saving publishes and forgets them). */
    List<Object> pendingEvents() {
        return List.copyOf(domainEvents());
    }

    void forgetEvents() {
        clearDomainEvents();
    }

    public Long id() {
        return id;
    }

    public String iccid() {
        return iccid;
    }

    public String msisdn() {
        return msisdn;
    }

    public String imsi() {
        return imsi;
    }

    public Operator operator() {
        return operator;
    }

    public long planId() {
        return planId;
    }

    public CardState state() {
        return state;
    }

    public Long agentId() {
        return agentId;
    }

    public Long enterpriseId() {
        return enterpriseId;
    }

    public boolean imeiBinding() {
        return imeiBinding;
    }

    public String boundImei() {
        return boundImei;
    }

    public int rebindsInMonth() {
        return rebindsInMonth;
    }

    public Instant activatedAt() {
        return activatedAt;
    }

    public Long handledByOrderId() {
        return handledByOrderId;
    }

    public Instant lastUsageAt() {
        return lastUsageOn == null
                ? null
                : lastUsageOn.atStartOfDay(BUSINESS_ZONE).toInstant();
    }

    public Instant preCancelledAt() {
        return preCancelledAt;
    }

    public Instant testStartedAt() {
        return testStartedAt;
    }

    public Instant pendingSince() {
        return pendingSince;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
