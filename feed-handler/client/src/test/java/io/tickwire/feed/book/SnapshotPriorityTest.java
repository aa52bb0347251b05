/*
 * Copyright 2026 The Tickwire Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.tickwire.feed.book;

import io.tickwire.feed.sim.PriceLevelFlowGenerator;
import io.tickwire.feed.sim.PriceLevelMessages;
import io.tickwire.sbe.md.BookType;
import io.tickwire.sbe.md.MessageHeaderEncoder;
import io.tickwire.sbe.md.OrderUpdateAction;
import io.tickwire.sbe.md.OrderUpdateEncoder;
import io.tickwire.sbe.md.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.tickwire.feed.sim.PriceLevelFlowGenerator.CME_BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An order book ranked by venue priority (CME market by order) restored from a snapshot keeps each order's
 * priority, so that the updates after the snapshot rank orders as they would have without it.
 */
class SnapshotPriorityTest
{
    private static final long NQ = CME_BASE + 2;
    private static final long PRICE = 21_000_000_000_000L;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
    private final BookBuilder builder = new BookBuilder(null);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final OrderUpdateEncoder update = new OrderUpdateEncoder();
    private long sequence;

    @Test
    void shouldKeepTheRankOfARestoredOrderWhoseQuantityChangesAtTheSamePriority()
    {
        define();
        builder.applySnapshotOrder(NQ, 11, Side.BUY, PRICE, 5, 100);
        builder.applySnapshotOrder(NQ, 12, Side.BUY, PRICE, 5, 200);
        builder.applySnapshotOrder(NQ, 13, Side.BUY, PRICE, 5, 300);

        apply(OrderUpdateAction.CHANGE, 11, 3, 100);

        assertEquals(List.of(11L, 12L, 13L), ids());
        assertEquals(13, builder.book(NQ).bestBidQuantity());
    }

    @Test
    void shouldRankANewOrderAmongRestoredOnesByItsPriority()
    {
        define();
        builder.applySnapshotOrder(NQ, 11, Side.BUY, PRICE, 5, 100);
        builder.applySnapshotOrder(NQ, 12, Side.BUY, PRICE, 5, 300);

        apply(OrderUpdateAction.NEW, 14, 2, 200);
        apply(OrderUpdateAction.CHANGE, 11, 7, 400);

        assertEquals(List.of(14L, 12L, 11L), ids());
    }

    private void define()
    {
        final int length = new PriceLevelMessages().definition(buffer, 0, ++sequence, NQ, "XCME", 2, "NQZ6",
            BookType.ORDER_BOOK, PriceLevelFlowGenerator.TICK, 10, 2);
        builder.apply(buffer, 0, length);
    }

    private void apply(
        final OrderUpdateAction action, final long orderId, final long quantity, final long priority)
    {
        update.wrapAndApplyHeader(buffer, 0, header)
            .sequence(++sequence)
            .sourceTimestamp(0)
            .ingestTimestamp(0)
            .publishTimestamp(0)
            .instrumentId(NQ)
            .action(action)
            .side(Side.BUY)
            .orderId(orderId)
            .priority(priority)
            .price(PRICE)
            .displayQuantity(quantity)
            .venueSequence(0);
        builder.apply(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + update.encodedLength());
    }

    private List<Long> ids()
    {
        final List<Long> ids = new ArrayList<>();
        for (Order order = builder.book(NQ).level(Side.BUY, 0).firstOrder(); null != order; order = order.next())
        {
            ids.add(order.orderId());
        }
        return ids;
    }
}
