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
package io.tickwire.feed.client.example;

import io.tickwire.feed.book.PriceLevelBook;
import io.tickwire.feed.client.FeedClient;
import io.tickwire.feed.client.FeedClientContext;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

/**
 * A complete subscriber, shown in the README: prints each instrument's best bid and offer as it changes, for the
 * number of seconds given (default: until killed). It needs only the client artifact and a running media driver.
 */
public final class BboPrinter
{
    public static void main(final String[] args)
    {
        final long runForNs = args.length > 0 ? Long.parseLong(args[0]) * 1_000_000_000L : Long.MAX_VALUE;
        final FeedClientContext ctx = new FeedClientContext().bboListener(BboPrinter::print);

        try (FeedClient client = FeedClient.connect(ctx))
        {
            final IdleStrategy idle = new BackoffIdleStrategy();
            final long start = System.nanoTime();
            while (System.nanoTime() - start < runForNs)
            {
                idle.idle(client.poll());
            }
            System.out.printf("%d messages, %d gaps, %d recoveries%n",
                client.messagesApplied(), client.gaps(), client.recoveriesCompleted());
        }
    }

    private static void print(
        final long instrumentId, final String symbol,
        final long bidPrice, final long bidQuantity, final long askPrice, final long askQuantity)
    {
        if (PriceLevelBook.NULL_PRICE != bidPrice && PriceLevelBook.NULL_PRICE != askPrice)
        {
            // Prices are fixed point with four decimals, as in ITCH.
            System.out.printf("%-8s %6d @ %.4f / %6d @ %.4f%n",
                symbol, bidQuantity, bidPrice / 1e4, askQuantity, askPrice / 1e4);
        }
    }

    private BboPrinter()
    {
    }
}
