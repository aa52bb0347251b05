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
package io.tickwire.feed.client;

import io.aeron.Aeron;
import io.aeron.driver.MediaDriver;
import io.tickwire.feed.book.InstrumentBook;
import io.tickwire.feed.book.Order;
import io.tickwire.feed.book.OrderBook;
import io.tickwire.feed.book.PriceLevel;
import io.tickwire.sbe.md.Side;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * Subscriber process of {@link MultiHostTest}, run inside a network namespace: {@code channel streamId messages}.
 * Prints {@code READY} once subscribed, then {@code RESULT applied=.. gaps=.. errors=.. digest=..} with a digest of
 * every book at L3 (prices, order ids and quantities in priority order).
 */
public final class NetnsSubscriberMain
{
    private NetnsSubscriberMain()
    {
    }

    /**
     * Entry point.
     *
     * @param args channel, stream id, expected messages.
     */
    public static void main(final String[] args)
    {
        final String channel = args[0];
        final int streamId = Integer.parseInt(args[1]);
        final long messages = Long.parseLong(args[2]);

        try (MediaDriver driver = TestMedia.launchDriver();
            Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
            FeedClient client = FeedClient.connect(new FeedClientContext()
                .aeron(aeron)
                .channel(channel)
                .streamId(streamId)
                .snapshotRequest(null, 0)))
        {
            System.out.println("READY");
            System.out.flush();
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(100);
            while (client.expectedSequence() <= messages && System.nanoTime() < deadline)
            {
                if (0 == client.poll())
                {
                    Thread.yield();
                }
            }
            System.out.println("heartbeats=" + client.heartbeats() + " received=" + client.messagesReceived());
            System.out.println("RESULT applied=" + client.messagesApplied() + " gaps=" + client.gaps() +
                " errors=" + client.totalBookErrors() + " digest=" + digest(client.instruments()));
            System.out.flush();
        }
    }

    /**
     * Digest of every book at L3.
     *
     * @param instruments to digest.
     * @return hex CRC32 over instrument ids, levels and orders.
     */
    public static String digest(final List<InstrumentBook> instruments)
    {
        final CRC32 crc = new CRC32();
        final StringBuilder sb = new StringBuilder();
        for (final InstrumentBook instrument : instruments)
        {
            final OrderBook book = instrument.book();
            sb.setLength(0);
            sb.append(instrument.instrumentId()).append(':');
            for (final Side side : new Side[]{ Side.BUY, Side.SELL })
            {
                for (int i = 0; i < book.depth(side); i++)
                {
                    final PriceLevel level = book.level(side, i);
                    sb.append(side).append(level.price()).append('[');
                    for (Order order = level.firstOrder(); null != order; order = order.next())
                    {
                        sb.append(order.orderId()).append('x').append(order.quantity()).append(',');
                    }
                    sb.append(']');
                }
            }
            crc.update(sb.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        return Long.toHexString(crc.getValue());
    }
}
