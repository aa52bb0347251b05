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
package io.tickwire.feed;

import io.aeron.Aeron;
import io.aeron.Subscription;
import io.tickwire.agent.ThreadingProfile;
import io.tickwire.agent.metrics.CncValues;
import io.tickwire.agent.metrics.MetricsServer;
import io.tickwire.agent.metrics.Scrape;
import io.tickwire.feed.book.BookBuilder;
import io.tickwire.feed.book.BookResult;
import io.tickwire.feed.cli.StatCommand;
import io.tickwire.feed.client.ClientCounterTypes;
import io.tickwire.feed.client.FeedClient;
import io.tickwire.feed.client.FeedClientContext;
import io.tickwire.feed.ingest.itch.sim.SimulatorSource;
import io.tickwire.feed.snapshot.SnapshotServer;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A feed handler with its snapshot server and a late-joining feed client on the same media driver: every counter
 * of the client, its books, the snapshot server and the server's books is read from the driver's CnC file by a
 * reader of its own (as {@code tickwire stat} reads it) and equals the component's getter, {@code stat} prints them,
 * and the metrics endpoint exports them by type with the same values.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FeedCountersCncTest
{
    private static final int STREAM_ID = 1001;
    private static final long MESSAGES = 20_000;

    private final String channel = TestChannels.randomMulticastChannel();
    private final String requestChannel = TestChannels.randomUnicastChannel();
    private final String responseChannel = TestChannels.randomMulticastChannel();
    private FeedHandler feed;
    private Aeron aeron;
    private FeedClient client;
    private MetricsServer metrics;
    private Subscription subscription;

    @AfterEach
    void after()
    {
        CloseHelper.closeAll(metrics, client, aeron, feed);
    }

    @Test
    void shouldShowTheClientTheSnapshotServerAndTheirBooksInTheCncFileAsTheirGettersCountThem() throws Exception
    {
        feed = new FeedHandler(new FeedHandlerContext()
            .addSource(FeedSource.replay("simulator", listener -> new SimulatorSource(5, 10, MESSAGES)))
            .channel(channel)
            .streamId(STREAM_ID)
            .threadingProfile(ThreadingProfile.COMPACT)
            .ratePerSecond(20_000)
            .snapshotRequest(requestChannel, STREAM_ID + 1)
            .snapshotResponse(responseChannel, STREAM_ID + 2)
            .errorStream(null)).start();
        metrics = FeedMetrics.export(MetricsServer.builder().port(0), feed, null).start();
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(feed.aeronDirectoryName()));
        // A subscriber from the start: without one the publisher holds the flow back.
        subscription = aeron.addSubscription(channel, STREAM_ID);

        // Joins late, so that it recovers from a snapshot: the recovery and snapshot counters move too.
        final SnapshotServer server = feed.snapshotServer();
        pollUntil(() -> server.messagesApplied() > MESSAGES / 4, "a quarter of the flow");
        client = FeedClient.connect(new FeedClientContext()
            .aeron(aeron)
            .channel(channel)
            .streamId(STREAM_ID)
            .snapshotRequest(requestChannel, STREAM_ID + 1)
            .snapshotResponse(responseChannel, STREAM_ID + 2));
        pollUntil(() -> feed.isComplete() && !client.isRecovering() &&
            client.expectedSequence() == feed.snapshot().published() + 1 &&
            server.lastAppliedSequence() == feed.snapshot().published(), "the client and the server at the end");

        final String instance = channel + " stream " + STREAM_ID;
        final CncValues clientCounters = CncValues.read(feed.aeronDirectoryName(), "tickwire-feed-client ");
        assertEquals(14, clientCounters.values().size(), clientCounters.toString());
        assertClientCounter(clientCounters, "messages-received", instance, client.messagesReceived());
        assertClientCounter(clientCounters, "heartbeats", instance, client.heartbeats());
        assertClientCounter(clientCounters, "messages-applied", instance, client.messagesApplied());
        assertClientCounter(clientCounters, "gaps", instance, client.gaps());
        assertClientCounter(clientCounters, "duplicates", instance, client.duplicates());
        assertClientCounter(clientCounters, "publisher-restarts", instance, client.publisherRestarts());
        assertClientCounter(clientCounters, "publisher-changes", instance, client.publisherChanges());
        assertClientCounter(clientCounters, "stale-session-messages", instance, client.staleSessionMessages());
        assertClientCounter(clientCounters, "skipped-covered-by-snapshot", instance,
            client.skippedCoveredBySnapshot());
        assertClientCounter(clientCounters, "silences", instance, client.silences());
        assertClientCounter(clientCounters, "recoveries-started", instance, client.recoveriesStarted());
        assertClientCounter(clientCounters, "recoveries-completed", instance, client.recoveriesCompleted());
        assertClientCounter(clientCounters, "snapshot-requests", instance, client.snapshotRequests());
        assertClientCounter(clientCounters, "snapshot-errors", instance, client.snapshotErrors());
        assertEquals(ClientCounterTypes.GAPS, clientCounters.typeId("tickwire-feed-client gaps: " + instance));
        assertTrue(client.messagesReceived() > 0 && client.recoveriesCompleted() == 1, clientCounters.toString());

        final CncValues books = CncValues.read(feed.aeronDirectoryName(), "tickwire-book ");
        for (final BookResult result : BookResult.values())
        {
            if (BookResult.APPLIED != result)
            {
                assertEquals(client.bookErrors(result),
                    books.value("tickwire-book book-errors " + result + ": feed-client " + instance));
            }
        }

        final String serverInstance = "aeron-spy:" + channel + " stream " + STREAM_ID;
        final CncValues serverCounters = CncValues.read(feed.aeronDirectoryName(), "tickwire-snapshot-server ");
        assertEquals(5, serverCounters.values().size(), serverCounters.toString());
        assertEquals(server.messagesApplied(),
            serverCounters.value("tickwire-snapshot-server messages-applied: " + serverInstance));
        assertEquals(server.gaps(), serverCounters.value("tickwire-snapshot-server gaps: " + serverInstance));
        assertEquals(server.snapshotsServed(),
            serverCounters.value("tickwire-snapshot-server snapshots-served: " + serverInstance));
        assertEquals(server.requestsRefused(),
            serverCounters.value("tickwire-snapshot-server requests-refused: " + serverInstance));
        assertEquals(server.snapshotsAbandoned(),
            serverCounters.value("tickwire-snapshot-server snapshots-abandoned: " + serverInstance));
        assertEquals(1, server.snapshotsServed());

        final BookBuilder serverBooks = server.books();
        final String owner = "snapshot-server " + serverInstance;
        assertEquals(serverBooks.messagesApplied(), books.value("tickwire-book messages-applied: " + owner));
        assertEquals(feed.snapshot().published(), serverBooks.messagesApplied());
        assertEquals(serverBooks.malformedMessages(), books.value("tickwire-book malformed-messages: " + owner));
        assertEquals(serverBooks.unknownTemplateMessages(),
            books.value("tickwire-book unknown-template-messages: " + owner));
        assertEquals(serverBooks.undefinedInstrumentMessages(),
            books.value("tickwire-book undefined-instrument-messages: " + owner));
        assertEquals(serverBooks.totalBookErrors(), books.values().entrySet().stream()
            .filter((entry) -> entry.getKey().startsWith("tickwire-book book-errors ") &&
                entry.getKey().endsWith(owner))
            .mapToLong((entry) -> entry.getValue()).sum());

        // The endpoint: one family per type, labels from the label text, the same values.
        final Scrape scrape = Scrape.get(metrics.url());
        final String stream = Integer.toString(STREAM_ID);
        assertEquals("counter", scrape.type("tickwire_feed_client_messages_received_total"), scrape.text());
        assertEquals(client.messagesReceived(), (long)scrape.value("tickwire_feed_client_messages_received_total",
            "channel", channel, "stream", stream));
        assertEquals(client.recoveriesCompleted(), (long)scrape.value(
            "tickwire_feed_client_recoveries_completed_total", "channel", channel, "stream", stream));
        assertEquals(server.snapshotsServed(), (long)scrape.value("tickwire_snapshot_server_snapshots_served_total",
            "channel", "aeron-spy:" + channel, "stream", stream));
        assertEquals(serverBooks.messagesApplied(), (long)scrape.value("tickwire_book_messages_applied_total",
            "owner", owner));
        assertEquals(client.bookErrors(BookResult.UNKNOWN_ORDER), (long)scrape.value("tickwire_book_errors_total",
            "reason", BookResult.UNKNOWN_ORDER.name(), "owner", "feed-client " + instance));
        for (final Scrape.Sample sample : scrape.samples())
        {
            final String label = sample.label("label");
            assertFalse(null != label && label.startsWith("tickwire-"), "every Tickwire counter has a kind: " + sample);
        }

        // stat lists them, with their labels, from the same file.
        final StringWriter out = new StringWriter();
        final CommandLine stat = new CommandLine(new StatCommand());
        stat.setOut(new PrintWriter(out));
        stat.setErr(new PrintWriter(new StringWriter()));
        assertEquals(0, stat.execute("--aeron-dir", feed.aeronDirectoryName(), "--filter", "tickwire-feed-client"));
        assertTrue(out.toString().contains(String.format("%,20d - tickwire-feed-client messages-received: %s",
            client.messagesReceived(), instance)), out.toString());

        // Closed with the client: the getters keep the last values, and the driver frees the counters (Aeron removes
        // a client's counter asynchronously, so stat stops listing them a moment later).
        final long received = client.messagesReceived();
        client.close();
        assertEquals(received, client.messagesReceived());
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!CncValues.read(feed.aeronDirectoryName(), "tickwire-feed-client ").values().isEmpty() ||
            CncValues.read(feed.aeronDirectoryName(), "tickwire-book ").values().keySet().stream()
                .anyMatch((label) -> label.endsWith("feed-client " + instance)))
        {
            assertTrue(System.nanoTime() < deadlineNs, "the closed client's counters are still in the CnC file");
            Thread.sleep(10);
        }
    }

    private static void assertClientCounter(
        final CncValues counters, final String name, final String instance, final long expected)
    {
        assertEquals(expected, counters.value("tickwire-feed-client " + name + ": " + instance), name);
    }

    private void pollUntil(final BooleanSupplier condition, final String what)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                fail("timed out waiting for " + what);
            }
            int work = subscription.poll((buffer, offset, length, header) ->
            {
            }, 100);
            if (null != client)
            {
                work += client.poll();
            }
            if (0 == work)
            {
                Thread.yield();
            }
        }
    }
}
