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
import io.tickwire.feed.ingest.MessageHandler;
import io.tickwire.feed.ingest.arbitration.LineArbiter;
import io.tickwire.feed.ingest.mdp3.sim.Mdp3BookCheck;
import io.tickwire.feed.ingest.mdp3.sim.Mdp3Simulator;
import io.tickwire.feed.ingest.mdp3.sim.Mdp3SnapshotLoop;
import io.tickwire.feed.ring.MessageSink;
import io.tickwire.sbe.md.MessageHeaderDecoder;
import io.tickwire.sbe.md.PriceLevelUpdateDecoder;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live channel's recovery rules that need no loss on the lines, packet by packet through
 * {@link Mdp3ChannelInput} and the live normaliser ({@link Mdp3RefusalWatch} around {@link Mdp3Normaliser}) into
 * the subscriber's books: a PriceLevelUpdate the ring refuses puts its instrument into recovery and its snapshot
 * makes the book right again; a line whose MsgSeqNum starts again begins a new session (a CHANNEL_RESET, the other
 * line's old-session packets dropped) whose books are built from empty.
 */
@Timeout(30)
class Mdp3RecoveryRulesTest
{
    private static final int INSTRUMENTS = 4;

    private final List<String> malformed = new ArrayList<>();
    private final Mdp3SequenceTracker tracker = new Mdp3SequenceTracker();
    private final Mdp3Recovery recovery = new Mdp3Recovery(tracker, 4096);
    private final Mdp3ChannelInput input = new Mdp3ChannelInput("rules",
        (reason, source, position, detail) -> malformed.add(reason + " " + detail), recovery, 0, 1024, () -> 1L);
    private final Mdp3RefusalWatch normaliser = new Mdp3RefusalWatch(new Mdp3Normaliser(() -> 1L,
        (reason, source, position, detail) -> malformed.add(reason + " " + detail), "rules",
        new Mdp3NormaliserCounters(null, "rules"), tracker, recovery), recovery);
    private final BookBuilder books = new BookBuilder(null);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final PriceLevelUpdateDecoder level = new PriceLevelUpdateDecoder();
    private long refuseLevelUpdate = -1;
    private long levelUpdates;
    private final MessageSink ring = new MessageSink()
    {
        private final UnsafeBuffer message = new UnsafeBuffer(new byte[Mdp3Normaliser.MAX_ENCODED_LENGTH]);
        private boolean accepted = true;

        public MutableDirectBuffer buffer()
        {
            return message;
        }

        public void write(final int length)
        {
            header.wrap(message, 0);
            accepted = PriceLevelUpdateDecoder.TEMPLATE_ID != header.templateId() ||
                levelUpdates++ != refuseLevelUpdate;
            if (accepted)
            {
                books.apply(message, 0, length);
            }
            else
            {
                refusedInstrument = level.wrapAndApplyHeader(message, 0, header).instrumentId();
            }
        }

        public boolean lastWriteAccepted()
        {
            return accepted;
        }
    };
    private final MessageHandler handler =
        (sequence, buffer, offset, length) -> normaliser.normalise(sequence, buffer, offset, length, ring);
    private final UnsafeBuffer packet = new UnsafeBuffer(new byte[Mdp3Simulator.MAX_PACKET]);
    private long refusedInstrument;

    @Test
    void shouldRecoverAnInstrumentWhoseUpdateTheRingRefused()
    {
        final Mdp3Simulator simulator = new Mdp3Simulator(5, INSTRUMENTS);
        final Mdp3SnapshotLoop loop = new Mdp3SnapshotLoop(simulator);
        for (int i = 0; i < 1_000; i++)
        {
            both(simulator);
        }
        refuseLevelUpdate = levelUpdates;
        both(simulator);
        assertTrue(refusedInstrument > 0, "a PriceLevelUpdate was refused");
        assertTrue(recovery.isActive());
        assertEquals(1, recovery.counts().refusedRecoveries());
        assertNotNull(Mdp3BookCheck.firstDifference(simulator, books::priceLevelBook), "the refused level is missing");

        // The snapshot loop is read while the instrument recovers; the feed goes on meanwhile.
        for (int i = 0; i < 50 * INSTRUMENTS && recovery.isActive(); i++)
        {
            both(simulator);
            input.onLoopPacket(Mdp3LiveSource.SNAPSHOT, 0, packet, 0, loop.next(packet, 0), handler);
        }
        assertFalse(recovery.isActive());
        assertEquals(1, recovery.counts().instrumentsRecovered());
        assertNull(Mdp3BookCheck.firstDifference(simulator, books::priceLevelBook));
        assertEquals(List.of(), malformed);
    }

    @Test
    void shouldStartANewSessionWhenALinesMsgSeqNumStartsAgain()
    {
        final Mdp3Simulator old = new Mdp3Simulator(5, INSTRUMENTS);
        for (int i = 0; i < 2_000; i++)
        {
            both(old);
        }
        final long resetsBefore = books.venueResets();

        // Line A starts the new session; line B sends three more packets of the old one before it follows.
        final Mdp3Simulator session = new Mdp3Simulator(6, INSTRUMENTS);
        final UnsafeBuffer[] newPackets = new UnsafeBuffer[3];
        for (int i = 0; i < newPackets.length; i++)
        {
            newPackets[i] = new UnsafeBuffer(new byte[Mdp3Simulator.MAX_PACKET]);
        }
        final int[] lengths = new int[newPackets.length];
        for (int i = 0; i < newPackets.length; i++)
        {
            lengths[i] = session.next(newPackets[i], 0);
            input.onIncremental(LineArbiter.LINE_A, newPackets[i], 0, lengths[i], handler, Integer.MAX_VALUE);
            input.onIncremental(LineArbiter.LINE_B, packet, 0, old.next(packet, 0), handler, Integer.MAX_VALUE);
        }
        for (int i = 0; i < newPackets.length; i++)
        {
            input.onIncremental(LineArbiter.LINE_B, newPackets[i], 0, lengths[i], handler, Integer.MAX_VALUE);
        }
        for (int i = 0; i < 2_000; i++)
        {
            both(session);
        }

        assertEquals(1, recovery.counts().sessionRestarts());
        assertEquals(3, input.oldSessionPackets());
        assertEquals(resetsBefore + 1, books.venueResets(), "a CHANNEL_RESET");
        assertEquals(0, input.arbiter().gapsOnBoth());
        assertFalse(recovery.isActive());
        assertNull(Mdp3BookCheck.firstDifference(session, books::priceLevelBook));
        assertEquals(List.of(), malformed);
    }

    private void both(final Mdp3Simulator simulator)
    {
        final int length = simulator.next(packet, 0);
        input.onIncremental(LineArbiter.LINE_A, packet, 0, length, handler, Integer.MAX_VALUE);
        input.onIncremental(LineArbiter.LINE_B, packet, 0, length, handler, Integer.MAX_VALUE);
    }
}
