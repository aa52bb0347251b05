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
package io.tickwire.feed.cli;

import io.aeron.Aeron;
import io.aeron.driver.MediaDriver;
import io.tickwire.feed.client.TestFeedPublisher;
import io.tickwire.feed.client.TestMedia;
import io.tickwire.feed.sim.MarketDataFlowGenerator;
import io.tickwire.feed.sim.PriceLevelFlowGenerator;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class FeedSubscribeCommandTest
{
    @Test
    void shouldPrintBboStatusAndSummary() throws Exception
    {
        final String channel = TestMedia.multicastChannel();
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        try (MediaDriver driver = TestMedia.launchDriver();
            Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName())))
        {
            final CommandLine commandLine = new CommandLine(new FeedSubscribeCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
            final CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute(
                "--aeron-dir", driver.aeronDirectoryName(),
                "--channel", channel,
                "--stream", "77",
                "--symbols", "SYM1,SYM2",
                "--snapshot-request", "none",
                "--print", "bbo",
                "--duration", "3s"));

            final TestFeedPublisher publisher = new TestFeedPublisher(aeron, channel, 77, Thread::yield);
            final MarketDataFlowGenerator generator = new MarketDataFlowGenerator(9, 4, 30);
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
            for (int i = 0; i < 2_000; i++)
            {
                publisher.publish(buffer, 0, generator.next(buffer, 0));
            }

            assertEquals(0, exit.get(30, TimeUnit.SECONDS));
            CloseHelper.close(publisher);
        }

        final String stdout = out.toString();
        final String stderr = err.toString();
        assertTrue(stdout.contains("SYM1 ") && stdout.contains("SYM2 "), stdout);
        assertTrue(!stdout.contains("SYM3 "), "symbol filter: " + stdout);
        assertTrue(stderr.contains("msgs/s"), stderr);
        assertTrue(stderr.contains("summary: 2,000 messages received, 2,000 applied"), stderr);
        assertTrue(stderr.contains("gaps 0, duplicates 0"), stderr);
    }

    @Test
    void shouldPrintPriceLevelBooksAndTradeSummariesOfAMarketByPriceVenue() throws Exception
    {
        final String books = subscribeToPriceLevels("book");
        final String trades = subscribeToPriceLevels("trades");

        // CME prices (exponent -9, tick 0.25) with their significant decimals; implied levels apart.
        assertTrue(books.matches("(?s).*ESF6 bids( [0-9]+@[0-9]+\\.[0-9]{2})+ \\| asks.*"), books);
        assertTrue(books.contains(" | implied bids"), books);
        assertTrue(trades.matches("(?s).*ESF6 trade [0-9]+@[0-9]+\\.[0-9]{2} aggressor=(BUY|SELL|NONE) orders=.*"),
            trades);
    }

    private static String subscribeToPriceLevels(final String print) throws Exception
    {
        final String channel = TestMedia.multicastChannel();
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        try (MediaDriver driver = TestMedia.launchDriver();
            Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName())))
        {
            final CommandLine commandLine = new CommandLine(new FeedSubscribeCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
            final CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute(
                "--aeron-dir", driver.aeronDirectoryName(),
                "--channel", channel,
                "--stream", "78",
                "--snapshot-request", "none",
                "--print", print,
                "--duration", "2s"));

            final TestFeedPublisher publisher = new TestFeedPublisher(aeron, channel, 78, Thread::yield);
            final PriceLevelFlowGenerator generator = new PriceLevelFlowGenerator(4, 3, false);
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
            for (int i = 0; i < 2_000; i++)
            {
                publisher.publish(buffer, 0, generator.next(buffer, 0));
            }

            assertEquals(0, exit.get(30, TimeUnit.SECONDS), err.toString());
            CloseHelper.close(publisher);
        }
        assertTrue(err.toString().contains("summary: 2,000 messages received, 2,000 applied"), err.toString());
        return out.toString();
    }

    @Test
    void shouldShowBooksStaleWhenThePublisherFallsSilent() throws Exception
    {
        final String channel = TestMedia.multicastChannel();
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        try (MediaDriver driver = TestMedia.launchDriver();
            Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName())))
        {
            final CommandLine commandLine = new CommandLine(new FeedSubscribeCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
            final CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute(
                "--aeron-dir", driver.aeronDirectoryName(),
                "--channel", channel,
                "--stream", "78",
                "--snapshot-request", "none",
                "--print", "none",
                "--silence-ms", "300",
                "--duration", "3s"));

            // This publisher sends no heartbeats: after its messages, the subscriber hears nothing.
            final TestFeedPublisher publisher = new TestFeedPublisher(aeron, channel, 78, Thread::yield);
            final MarketDataFlowGenerator generator = new MarketDataFlowGenerator(9, 4, 30);
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
            for (int i = 0; i < 200; i++)
            {
                publisher.publish(buffer, 0, generator.next(buffer, 0));
            }

            assertEquals(0, exit.get(30, TimeUnit.SECONDS));
            CloseHelper.close(publisher);
        }

        final String stderr = err.toString();
        assertTrue(stderr.matches("(?s).*publisher silent for [0-9]+ ms: books stale.*"), stderr);
        assertTrue(stderr.matches("(?s).*stale books [1-9][0-9]* \\(publisher silent\\).*"), stderr);
        assertTrue(stderr.contains("silences 1, stale books"), stderr);
    }

    @Test
    void shouldFailAndSayWhereItListenedWhenNothingArrives()
    {
        final String channel = TestMedia.multicastChannel();
        final StringWriter err = new StringWriter();
        final int exit = new CommandLine(new FeedSubscribeCommand())
            .setOut(new PrintWriter(new StringWriter(), true))
            .setErr(new PrintWriter(err, true))
            .execute("--channel", channel, "--stream", "79", "--snapshot-request", "none", "--print", "none",
                "--duration", "1s");

        assertEquals(1, exit, err::toString);
        assertTrue(err.toString().contains("nothing received: is a publisher running on " + channel + " stream 79?"),
            err::toString);
    }

    @Test
    void shouldRejectUnknownPrintMode()
    {
        final StringWriter err = new StringWriter();
        final int exit = new CommandLine(new FeedSubscribeCommand())
            .setErr(new PrintWriter(err, true))
            .execute("--print", "everything");
        assertEquals(2, exit);
    }
}
