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
import io.tickwire.agent.ThreadingProfile;
import io.tickwire.feed.book.BookBuilder;
import io.tickwire.feed.book.BookComparison;
import io.tickwire.feed.book.InstrumentBook;
import io.tickwire.feed.client.FeedClient;
import io.tickwire.feed.client.FeedClientContext;
import io.tickwire.feed.ingest.itch.ItchNormaliser;
import io.tickwire.feed.ingest.itch.sim.ItchSimulator;
import io.tickwire.feed.ingest.itch.sim.SimulatorSource;
import io.tickwire.latency.CalibratedEpochNanoClock;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FeedHandlerSnapshotTest
{
    private static final long SEED = 7;
    private static final int SYMBOLS = 20;
    private static final long MESSAGES = 60_000;

    private final String channel = TestChannels.randomMulticastChannel();
    private final String requestChannel = TestChannels.randomUnicastChannel();
    private final String responseChannel = TestChannels.randomMulticastChannel();
    private FeedHandler feed;
    private Aeron aeron;
    private FeedClient early;
    private FeedClient late;

    @AfterEach
    void after()
    {
        CloseHelper.closeAll(late, early, aeron, feed);
    }

    private FeedHandlerContext context()
    {
        return new FeedHandlerContext()
            .addSource(FeedSource.replay("simulator", listener -> new SimulatorSource(SEED, SYMBOLS, MESSAGES)))
            .channel(channel)
            .streamId(1001)
            .threadingProfile(ThreadingProfile.COMPACT)
            .ratePerSecond(40_000)
            .snapshotRequest(requestChannel, 1002)
            .snapshotResponse(responseChannel, 1003)
            .errorStream(null);
    }

    private FeedClientContext clientContext(final boolean recovery)
    {
        return new FeedClientContext()
            .aeron(aeron)
            .channel(channel)
            .streamId(1001)
            .snapshotRequest(recovery ? requestChannel : null, 1002)
            .snapshotResponse(responseChannel, 1003);
    }

    @Test
    void shouldServeSnapshotSoThatLateJoinerBooksEqualDirectReplay()
    {
        feed = new FeedHandler(context()).start();
        assertTrue(feed.banner().contains("snapshots  requests " + requestChannel), feed.banner());
        assertTrue(feed.banner().contains("snapshot-server"), feed.banner());
        assertNotNull(feed.snapshotServer());

        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(feed.aeronDirectoryName()));
        early = FeedClient.connect(clientContext(false));
        pollUntil(() -> early.expectedSequence() > 15_000, "early subscriber a quarter through");

        late = FeedClient.connect(clientContext(true));
        pollUntil(() -> feed.isComplete() && null != late && !late.isRecovering() &&
            late.expectedSequence() == feed.snapshot().published() + 1 &&
            early.expectedSequence() == feed.snapshot().published() + 1, "both subscribers at the end");

        final long published = feed.snapshot().published();
        assertTrue(published > 50_000, "published " + published);
        assertEquals(1, late.recoveriesCompleted());
        assertTrue(late.skippedCoveredBySnapshot() + late.messagesApplied() < published,
            "the late joiner must have started after sequence 1");
        assertEquals(0, late.gaps());
        assertEquals(0, late.totalBookErrors());
        assertEquals(0, late.staleBooks());
        assertEquals(0, early.gaps());
        assertEquals(0, early.recoveriesStarted());
        assertEquals(1, feed.snapshotServer().snapshotsServed());

        final BookBuilder reference = directReplay(published);
        assertEquals(SYMBOLS, reference.instruments().size());
        for (final InstrumentBook expected : reference.instruments())
        {
            assertNull(BookComparison.firstDifference(expected.book(), late.book(expected.instrumentId())),
                "late joiner " + expected.symbol());
            assertNull(BookComparison.firstDifference(expected.book(), early.book(expected.instrumentId())),
                "early subscriber " + expected.symbol());
        }
    }

    @Test
    void shouldNotRunSnapshotServerWhenDisabled()
    {
        feed = new FeedHandler(context().snapshots(false)).start();

        assertNull(feed.snapshotServer());
        assertTrue(feed.banner().contains("snapshots  off"), feed.banner());
        assertTrue(!feed.banner().contains("snapshot-server"), feed.banner());
    }

    private void pollUntil(final BooleanSupplier condition, final String what)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                fail("timed out waiting for " + what);
            }
            int work = early.poll();
            if (null != late)
            {
                work += late.poll();
            }
            if (0 == work)
            {
                Thread.yield();
            }
        }
    }

    private static BookBuilder directReplay(final long published)
    {
        // The same flow, normalised and applied with no network, ring or thread in between.
        final ItchSimulator simulator = new ItchSimulator(SEED, SYMBOLS);
        final ItchNormaliser normaliser = new ItchNormaliser(CalibratedEpochNanoClock.shared(),
            (reason, source, position, detail) ->
            {
            },
            "reference");
        final BookBuilder builder = new BookBuilder(null);
        final UnsafeBuffer itch = new UnsafeBuffer(new byte[128]);
        final UnsafeBuffer sbe = new UnsafeBuffer(new byte[ItchNormaliser.MAX_ENCODED_LENGTH]);
        long normalised = 0;
        for (long i = 1; normalised < published; i++)
        {
            final int length = normaliser.normalise(i, itch, 0, simulator.next(itch, 0), sbe, 0);
            if (length > 0)
            {
                builder.apply(sbe, 0, length);
                normalised++;
            }
        }
        return builder;
    }
}
