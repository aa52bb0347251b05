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
package io.tickwire.feed.ingest.mdp3;

import io.tickwire.feed.book.BookBuilder;
import io.tickwire.feed.book.BookResult;
import io.tickwire.feed.book.OrderBook;
import io.tickwire.feed.ingest.MalformedReason;
import io.tickwire.feed.ring.MessageSink;
import io.tickwire.sbe.md.MessageHeaderEncoder;
import io.tickwire.sbe.mdp3.MDEntryTypeBook;
import io.tickwire.sbe.mdp3.MDUpdateAction;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Market by order through {@link Mdp3Normaliser#marketByOrder}: hand-built packets of templates 46 (with order
 * entries), 47 and 53 turned into OrderUpdate messages and decoded back; a late join held until the order book
 * snapshot and restated from it; order entries naming no MD entry reported with their position; an unknown order
 * deleted counted by the subscriber's book with its context.
 */
@Timeout(30)
class Mdp3MarketByOrderTest
{
    private static final long POSITION = 2_000;
    private static final int ES = 13950;
    private static final long ES_ID = (1L << 24) + ES;
    private static final long BID = 5_000_250_000_000L;
    private static final long OFFER = 5_000_500_000_000L;

    private final Mdp3Recorder reports = new Mdp3Recorder();
    private final Mdp3NormaliserCounters counters = new Mdp3NormaliserCounters(null, "test");
    private final Mdp3Normaliser normaliser =
        new Mdp3Normaliser(() -> 77L, reports, "test", counters).marketByOrder(16);
    private final FeedText sink = new FeedText();

    @Test
    void shouldPublishOrderUpdatesFromTheOrderEntriesOf46And47()
    {
        assertTrue(normaliser.isMarketByOrder());
        assertEquals(Mdp3Normaliser.MAX_MESSAGES_PER_PACKET + 16, normaliser.maxMessagesPerInput());
        final Mdp3TestPackets packet = new Mdp3TestPackets(1, 1)
            .future(ES, "ESZ5")
            .bookWithOrders(ES, 100, BID, OFFER, 1, 2, 2)
            .orderBook(ES, 555, OFFER, 7);

        assertEquals(5, normalise(POSITION, packet));

        assertTrue(sink.messages().get(0).startsWith("definition " + ES_ID + " XCME " + ES + " CME_MDP3 FUTURE " +
            "ORDER_BOOK e-9"), sink.messages().get(0));
        assertEquals(List.of(
            "order " + ES_ID + " NEW BUY #1000 p50 " + BID + " x5 r100",
            "order " + ES_ID + " CHANGE SELL #1001 p51 " + OFFER + " x6 r101",
            "order " + ES_ID + " DELETE SELL #1002 p52 " + OFFER + " x7 r101",
            "order " + ES_ID + " CHANGE SELL #555 p5 " + OFFER + " x7 r0"), sink.messages().subList(1, 5));
        assertEquals(List.of(), reports.reports);
        assertEquals(4, counters.orderUpdates());
        assertEquals(4, counters.orderEntries());
        // The levels of an order-book channel vouch for the order entries; they are not published.
        assertEquals(0, counters.levelUpdates());
        assertEquals(0, counters.rptSeqGaps());
    }

    @Test
    void shouldReportAnOrderEntryNamingNoOutrightEntryOfItsMessageAndPublishTheRest()
    {
        final Mdp3TestPackets packet = new Mdp3TestPackets(1, 1)
            .bookWithOrders(ES, 100, BID, OFFER, 3, 1, 0)
            .book(ES, 102, BID, 10);

        assertEquals(2, normalise(POSITION, packet));

        // book(): its one order entry names the outright bid; its implied level is checked, not published.
        assertEquals(List.of(
            "order " + ES_ID + " CHANGE BUY #1001 p51 " + BID + " x6 r100",
            "order " + ES_ID + " NEW BUY #777 p12 " + BID + " x10 r102"), sink.messages());
        assertEquals(2, reports.reports.size(), reports.reports.toString());
        for (final Mdp3Recorder.Report report : reports.reports)
        {
            assertEquals(MalformedReason.BAD_FIELD_VALUE, report.reason());
            assertEquals(POSITION, report.position());
            assertTrue(report.detail().startsWith("MsgSeqNum 1 template 46 "), report.detail());
        }
        assertTrue(reports.reports.get(0).detail().contains("OrderID 1000 ReferenceID 3 names none of the " +
            "message's 2 MD entries"), reports.reports.get(0).detail());
        assertTrue(reports.reports.get(1).detail().contains("OrderID 1002 ReferenceID 0 names none"),
            reports.reports.get(1).detail());
    }

    @Test
    void shouldHoldALateJoinUntilTheOrderBookSnapshotThenReplayWhatCameAfterIt()
    {
        // Joined at MsgSeqNum 10: nothing is published for the instrument until its order book is restated.
        assertEquals(0, normalise(POSITION, new Mdp3TestPackets(10, 1).bookWithOrders(ES, 100, BID, OFFER, 1)));
        assertEquals(0, normalise(POSITION, new Mdp3TestPackets(11, 1).bookWithOrders(ES, 102, BID, OFFER, 2)));
        assertEquals(2, counters.orderUpdatesHeld());

        // A snapshot as of packet 8 leaves packet 9 in a hole: stale, the next pass is waited for.
        assertEquals(0, normalise(Mdp3LiveSource.SNAPSHOT | 1, new Mdp3TestPackets(1, 1)
            .snapshotOrders(ES, 8, 1, 1, 70)));
        assertEquals(1, counters.snapshotsStale());
        // A snapshot not tagged as a snapshot unit restates nothing.
        assertEquals(0, normalise(POSITION, new Mdp3TestPackets(12, 1).snapshotOrders(ES, 10, 2, 1, 80)));
        assertEquals(0, counters.orderBooksRestated());

        // As of packet 10, in two chunks: reset, its orders, then the held update of packet 11 only.
        assertEquals(3, normalise(Mdp3LiveSource.SNAPSHOT | 2, new Mdp3TestPackets(2, 1)
            .snapshotOrders(ES, 10, 2, 1, 80)));
        assertEquals(3, normalise(Mdp3LiveSource.SNAPSHOT | 3, new Mdp3TestPackets(3, 1)
            .snapshotOrders(ES, 10, 2, 2, 90)));
        assertEquals(List.of(
            "reset " + ES_ID + " XCME RECOVERY r10",
            "order " + ES_ID + " NEW BUY #80 p800 12067000000000 x3 r0",
            "order " + ES_ID + " NEW SELL #81 p801 12068000000000 x4 r0",
            "order " + ES_ID + " NEW BUY #90 p900 12067000000000 x3 r0",
            "order " + ES_ID + " NEW SELL #91 p901 12068000000000 x4 r0",
            "order " + ES_ID + " NEW SELL #1000 p50 " + OFFER + " x5 r103"), sink.messages());
        assertEquals(1, counters.orderBooksRestated());

        // TotNumReports instruments restated: the late join is over and updates flow.
        assertEquals(1, normalise(POSITION, new Mdp3TestPackets(13, 1).bookWithOrders(ES, 104, BID, OFFER, 1)));
        assertEquals(2, counters.orderUpdatesHeld());
        assertEquals(List.of(), reports.reports);
    }

    @Test
    void shouldHoldAnEmptyBookEntryOfAWaitingOrderBookInOrderWithItsUpdates()
    {
        // Joined at MsgSeqNum 10; packet 11 empties the book (J), packet 12 adds an order after it: all held.
        assertEquals(0, normalise(POSITION, new Mdp3TestPackets(10, 1).bookWithOrders(ES, 100, BID, OFFER, 1)));
        assertEquals(0, normalise(POSITION, new Mdp3TestPackets(11, 1)
            .bookEntry(ES, 102, MDUpdateAction.New, MDEntryTypeBook.BookReset, 0, 0, 0)));
        assertEquals(0, normalise(POSITION, new Mdp3TestPackets(12, 1).bookWithOrders(ES, 103, BID, OFFER, 2)));

        // A snapshot as of packet 10: its orders, then the held reset of packet 11, then the order of packet 12.
        assertEquals(5, normalise(Mdp3LiveSource.SNAPSHOT | 1, new Mdp3TestPackets(1, 1)
            .snapshotOrders(ES, 10, 1, 1, 80)));
        assertEquals(List.of(
            "reset " + ES_ID + " XCME RECOVERY r10",
            "order " + ES_ID + " NEW BUY #80 p800 12067000000000 x3 r0",
            "order " + ES_ID + " NEW SELL #81 p801 12068000000000 x4 r0",
            "reset " + ES_ID + " XCME RECOVERY r102",
            "order " + ES_ID + " NEW SELL #1000 p50 " + OFFER + " x5 r104"), sink.messages());
        assertEquals(List.of(), reports.reports);
    }

    @Test
    void shouldCountAnUnknownOrderDeletedInTheSubscribersBookWithItsContext()
    {
        final BookBuilder builder = new BookBuilder(null);
        final List<String> errors = new ArrayList<>();
        builder.bookErrorListener((sequence, instrumentId, orderId, result) ->
            errors.add(sequence + " " + instrumentId + " " + orderId + " " + result));
        final UnsafeBuffer message = new UnsafeBuffer(new byte[Mdp3Normaliser.MAX_ENCODED_LENGTH]);
        final int[] applied = new int[1];
        final MessageSink toBook = new MessageSink()
        {
            public MutableDirectBuffer buffer()
            {
                return message;
            }

            public void write(final int length)
            {
                message.putLong(MessageHeaderEncoder.ENCODED_LENGTH, ++applied[0], ByteOrder.LITTLE_ENDIAN);
                builder.apply(message, 0, length);
            }
        };

        final Mdp3TestPackets packet = new Mdp3TestPackets(1, 1)
            .future(ES, "ESZ5")
            .bookWithOrders(ES, 100, BID, OFFER, 1, 2, 2);
        normaliser.normalise(POSITION, packet.buffer(), 0, packet.length(), toBook);

        // 1000 was added; 1001 changed and 1002 deleted name orders the book never had.
        final OrderBook book = builder.book(ES_ID);
        assertEquals(1, book.orderCount());
        assertEquals(BID, book.bestBidPrice());
        assertEquals(5, book.bestBidQuantity());
        assertEquals(2, builder.bookErrors(BookResult.UNKNOWN_ORDER));
        assertEquals(List.of("3 " + ES_ID + " 1001 UNKNOWN_ORDER", "4 " + ES_ID + " 1002 UNKNOWN_ORDER"), errors);
    }

    @Test
    void shouldRefuseMarketByOrderWithoutAHoldOnALiveChannelNormaliser()
    {
        final Mdp3SequenceTracker tracker = new Mdp3SequenceTracker();
        final Mdp3Recovery recovery = new Mdp3Recovery(tracker, 64);
        final Mdp3Normaliser live = new Mdp3Normaliser(() -> 1L, reports, "live",
            new Mdp3NormaliserCounters(null, "live"), tracker, recovery);

        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> live.marketByOrder(0));

        assertEquals("a live channel's order books need a hold: 0", e.getMessage());
        assertFalse(live.isMarketByOrder());
        assertTrue(live.marketByOrder(16).isMarketByOrder());
        // A gap lost on both lines: the order books need the MBO loop until the normaliser has them wait.
        recovery.onPacketGap(5, 7);
        assertTrue(recovery.isOrderBookActive());
    }

    private int normalise(final long position, final Mdp3TestPackets packet)
    {
        return normaliser.normalise(position, packet.buffer(), 0, packet.length(), sink);
    }
}
