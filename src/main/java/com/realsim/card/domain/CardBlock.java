package com.realsim.card.domain;

import com.realsim.card.BlockingReason;
import com.realsim.card.BlockingReasonView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of a card's stack of blocking reasons: active until cleared; cleared entries stay as history. */
@Entity
@Table(name = "card_blocking_reason")
class CardBlock {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private BlockingReason reason;

    @Column(nullable = false, updatable = false)
    private Instant since;

    @Column(nullable = false, updatable = false)
    private String addedBy;

    @Column(updatable = false)
    private String note;

    private Instant clearedAt;

    private String clearedBy;

    private String clearNote;

    protected CardBlock() {}

    CardBlock(BlockingReason reason, Instant since, String addedBy, String note) {
        this.reason = reason;
        this.since = since;
        this.addedBy = addedBy;
        this.note = note;
    }

    /** The same active reason on a replacement card (补换卡): since, by whom and why as on the old card. */
    CardBlock carriedOver() {
        return new CardBlock(reason, since, addedBy, note);
    }

    boolean isActive() {
        return clearedAt == null;
    }

    boolean isActive(BlockingReason other) {
        return isActive() && reason == other;
    }

    void clear(Instant now, String by, String note) {
        this.clearedAt = now;
        this.clearedBy = by;
        this.clearNote = note;
    }

    BlockingReason reason() {
        return reason;
    }

    BlockingReasonView view() {
        return new BlockingReasonView(reason, since, addedBy, note, clearedAt, clearedBy, clearNote);
    }
}
