package com.realsim.order;

import com.realsim.platform.Actor;
import java.time.Instant;

/** The agent withdrew an open order; its cards are free for another order. */
public record OrderCancelled(long orderId, long agentId, long enterpriseId, OrderType type, Actor by, Instant at)
        implements OrderEvent {}
