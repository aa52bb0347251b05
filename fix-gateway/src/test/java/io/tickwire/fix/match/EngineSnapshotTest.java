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
package io.tickwire.fix.match;

import io.tickwire.sbe.internal.CancelOrderCommandEncoder;
import io.tickwire.sbe.internal.MessageHeaderEncoder;
import io.tickwire.sbe.internal.NewOrderCommandEncoder;
import io.tickwire.sbe.internal.OrderType;
import io.tickwire.sbe.internal.RejectReason;
import io.tickwire.sbe.internal.ReplaceOrderCommandEncoder;
import io.tickwire.sbe.internal.SessionCancelCommandEncoder;
import io.tickwire.sbe.internal.Side;
import io.tickwire.sbe.internal.TimeInForce;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A snapshot restores the engine exactly: an engine loaded from a snapshot taken after some commands, then given
 * the rest, emits the same events and ends in the same state as one given every command. This is what a cluster
 * member restarting from its snapshot and the log after it relies on.
 */
class EngineSnapshotTest
{
    private static final int[] INSTRUMENTS = { 1, 2 };

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = { 1, 2, 3 })
    void shouldEmitTheSameEventsAfterLoadingASnapshotAsAReplayOfEveryCommand(final long seed)
    {
        final List<byte[]> commands = commands(new Random(seed), 5_000);
        final int cut = commands.size() / 2;

        final Recorder whole = new Recorder();
        final MatchingEngine replayed = engine(whole);
        apply(replayed, whole, commands, 0, commands.size());

        final Recorder firstEvents = new Recorder();
        final MatchingEngine first = engine(firstEvents);
        apply(first, firstEvents, commands, 0, cut);
        final List<byte[]> snapshot = snapshot(first);
        assertTrue(snapshot.size() > 2, "resting orders in the snapshot");

        final Recorder rest = new Recorder();
        final MatchingEngine loaded = engine(rest);
        final EngineSnapshotCodec.Loader loader = loaded.snapshotLoader();
        for (final byte[] message : snapshot)
        {
            loader.onMessage(new UnsafeBuffer(message), 0, message.length);
        }
        assertTrue(loader.isComplete());
        apply(loaded, rest, commands, cut, commands.size());

        final byte[] expected = Arrays.copyOfRange(whole.bytes(), whole.offsetAfter(cut), whole.bytes().length);
        assertArrayEquals(expected, rest.bytes(), "events after the cut");
        assertEquals(toBytes(snapshot(replayed)), toBytes(snapshot(loaded)), "state at the end");
    }

    @Test
    void shouldRefuseASnapshotThatEndsEarly()
    {
        final Recorder events = new Recorder();
        final MatchingEngine first = engine(events);
        apply(first, events, commands(new Random(9), 500), 0, 500);
        final List<byte[]> snapshot = snapshot(first);
        final EngineSnapshotCodec.Loader loader = engine(new Recorder()).snapshotLoader();
        for (final byte[] message : snapshot.subList(0, snapshot.size() - 2))
        {
            loader.onMessage(new UnsafeBuffer(message), 0, message.length);
        }
        final byte[] end = snapshot.get(snapshot.size() - 1);
        assertThrows(IllegalStateException.class,
            () -> loader.onMessage(new UnsafeBuffer(end), 0, end.length));
    }

    private static MatchingEngine engine(final Recorder recorder)
    {
        return new MatchingEngine(INSTRUMENTS, null, null, recorder, new ReferencePrices(2), BookListener.NO_OP,
            256, () -> 0);
    }

    private static void apply(
        final MatchingEngine engine, final Recorder recorder, final List<byte[]> commands, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            engine.apply(new UnsafeBuffer(commands.get(i)), 0);
            recorder.mark();
        }
    }

    private static List<byte[]> snapshot(final MatchingEngine engine)
    {
        final List<byte[]> messages = new ArrayList<>();
        engine.takeSnapshot((buffer, offset, length) ->
        {
            final byte[] copy = new byte[length];
            buffer.getBytes(offset, copy);
            messages.add(copy);
        });
        return messages;
    }

    private static String toBytes(final List<byte[]> messages)
    {
        final StringBuilder text = new StringBuilder();
        for (final byte[] message : messages)
        {
            text.append(Arrays.toString(message)).append('\n');
        }
        return text.toString();
    }

    /**
     * A mixed flow: limit and market orders on two instruments around a mid price, IOC and FOK among them, cancels
     * and replaces of earlier orders (some unknown by now), and a session-wide cancel now and then.
     */
    private static List<byte[]> commands(final Random random, final int count)
    {
        final List<byte[]> commands = new ArrayList<>();
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(256);
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        final NewOrderCommandEncoder newOrder = new NewOrderCommandEncoder();
        final CancelOrderCommandEncoder cancel = new CancelOrderCommandEncoder();
        final ReplaceOrderCommandEncoder replace = new ReplaceOrderCommandEncoder();
        final SessionCancelCommandEncoder sessionCancel = new SessionCancelCommandEncoder();
        long orderId = 1000;
        for (int i = 1; i <= count; i++)
        {
            final int kind = random.nextInt(100);
            final int length;
            final int session = random.nextInt(3);
            if (kind < 70)
            {
                final boolean buy = random.nextBoolean();
                final boolean market = random.nextInt(20) == 0;
                final int tif = random.nextInt(10);
                newOrder.wrapAndApplyHeader(buffer, 0, header)
                    .correlationId(i)
                    .receiveNanos(0)
                    .sessionIndex(session)
                    .instrumentId(INSTRUMENTS[random.nextInt(2)])
                    .side(buy ? Side.BUY : Side.SELL)
                    .orderType(market ? OrderType.MARKET : OrderType.LIMIT)
                    .timeInForce(tif == 0 ? TimeInForce.IOC : tif == 1 ? TimeInForce.FOK : TimeInForce.DAY)
                    .quantity(1 + random.nextInt(20))
                    .price(market ? 0 : (1000 + random.nextInt(11) - 5) * 100)
                    .clOrdId("C" + i)
                    .orderId(++orderId)
                    .rejectReason(RejectReason.NONE)
                    .limitValue(0)
                    .actualValue(0)
                    .riskNanos(0)
                    .symbol("")
                    .fixSide((byte)(buy ? '1' : '2'));
                length = newOrder.encodedLength();
            }
            else if (kind < 85)
            {
                cancel.wrapAndApplyHeader(buffer, 0, header)
                    .correlationId(i)
                    .receiveNanos(0)
                    .sessionIndex(session)
                    .instrumentId(0)
                    .orderId(orderId - random.nextInt(50))
                    .clOrdId("X" + i)
                    .origClOrdId("");
                length = cancel.encodedLength();
            }
            else if (kind < 99)
            {
                replace.wrapAndApplyHeader(buffer, 0, header)
                    .correlationId(i)
                    .receiveNanos(0)
                    .sessionIndex(session)
                    .instrumentId(INSTRUMENTS[random.nextInt(2)])
                    .orderId(orderId - random.nextInt(50))
                    .quantity(1 + random.nextInt(30))
                    .price((1000 + random.nextInt(11) - 5) * 100)
                    .clOrdId("R" + i)
                    .origClOrdId("")
                    .rejectReason(RejectReason.NONE)
                    .limitValue(0)
                    .actualValue(0)
                    .riskNanos(0)
                    .fixSide((byte)(random.nextBoolean() ? '1' : '2'))
                    .orderType(OrderType.LIMIT);
                length = replace.encodedLength();
            }
            else
            {
                sessionCancel.wrapAndApplyHeader(buffer, 0, header)
                    .correlationId(i)
                    .receiveNanos(0)
                    .sessionIndex(session);
                length = sessionCancel.encodedLength();
            }
            final byte[] command = new byte[MessageHeaderEncoder.ENCODED_LENGTH + length];
            buffer.getBytes(0, command);
            commands.add(command);
        }
        return commands;
    }

    /**
     * Every event's bytes, in order, with the offset at which each command's events start.
     */
    private static final class Recorder implements EventSink
    {
        private final ByteArrayOutputStream events = new ByteArrayOutputStream();
        private final List<Integer> marks = new ArrayList<>(List.of(0));

        public void onEvent(final int templateId, final DirectBuffer buffer, final int offset,
            final int length)
        {
            final byte[] copy = new byte[length];
            buffer.getBytes(offset, copy);
            events.writeBytes(copy);
        }

        void mark()
        {
            marks.add(events.size());
        }

        int offsetAfter(final int commands)
        {
            return marks.get(commands);
        }

        byte[] bytes()
        {
            return events.toByteArray();
        }
    }
}
