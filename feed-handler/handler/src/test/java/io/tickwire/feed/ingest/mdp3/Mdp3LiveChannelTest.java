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

import io.tickwire.feed.ingest.arbitration.LineArbiter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A live MDP 3.0 channel end to end over real loopback multicast and a real Aeron driver: the simulator serves
 * lines A and B with seeded loss each, its snapshot loop and its definition loop; the feed handler arbitrates the
 * lines, recovers what both lost from the snapshot loop, and its published PriceLevelUpdates and BookResets rebuild
 * books equal to the simulator's own.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Mdp3LiveChannelTest
{
    private Mdp3LiveHarness harness;

    @AfterEach
    void after()
    {
        if (null != harness)
        {
            harness.close();
        }
    }

    @Test
    void shouldArbitrateLinesWithIndependentLossAndRebuildTheSimulatorsBooks() throws Exception
    {
        harness = new Mdp3LiveHarness(21, 0.05, 0.05);
        harness.startFeed();
        harness.send(16_000);
        // A clean tail: every active instrument updates again, so a loss in its last update shows as a RptSeq gap.
        harness.server.loss(0, 0);
        harness.send(2_000);

        final Map<Long, String> expected = harness.awaitBooks(10_000);
        assertEquals(expected, harness.books());
        assertEquals(Mdp3LiveHarness.INSTRUMENTS, expected.size());

        final LineArbiter arbiter = harness.source().arbiter();
        // Exactly what both lines lost is a gap: everything one line lost, the other filled.
        assertEquals(harness.server.droppedBoth(), arbiter.messagesMissedOnBoth(), harness.counters().toString());
        assertEquals(harness.server.incrementals() - harness.server.droppedBoth(),
            arbiter.packetsWon(LineArbiter.LINE_A) + arbiter.packetsWon(LineArbiter.LINE_B));
        assertTrue(arbiter.packetsWon(LineArbiter.LINE_A) > 0 && arbiter.packetsWon(LineArbiter.LINE_B) > 0);
        assertTrue(harness.server.droppedA() > 600 && harness.server.droppedB() > 600);

        final Map<String, Long> counters = harness.counters();
        assertEquals(harness.server.droppedBoth(), counters.get("packets-missed-on-both"), counters.toString());
        assertEquals(0L, counters.get("recovering"), counters.toString());
        assertEquals(0L, counters.get("hold-overflows"), counters.toString());
        if (harness.server.droppedBoth() > 0)
        {
            assertTrue(counters.get("recoveries") > 0 && counters.get("instruments-recovered") > 0,
                counters.toString());
        }
        assertTrue(counters.get("line-a-won") > 0 && counters.get("line-b-duplicates") > 0, counters.toString());
    }

    @Test
    void shouldRecoverWhatBothLinesLostFromTheSnapshotLoop() throws Exception
    {
        harness = new Mdp3LiveHarness(33, 0, 0);
        harness.startFeed();
        harness.send(1_000);
        assertEquals(harness.simulatorBooks(), harness.awaitBooks(5_000));

        // A burst both lines lose: the instruments it touched jump in RptSeq and recover from the snapshot loop.
        harness.server.loss(1, 1);
        harness.send(40);
        harness.server.loss(0, 0);
        harness.send(2_000);

        final Map<Long, String> expected = harness.awaitBooks(10_000);
        assertEquals(expected, harness.books());
        final Map<String, Long> counters = harness.counters();
        assertEquals(1L, counters.get("gaps-on-both"), counters.toString());
        assertEquals(40L, counters.get("packets-missed-on-both"), counters.toString());
        assertTrue(counters.get("rpt-seq-gaps") > 0, counters.toString());
        assertTrue(counters.get("recoveries") > 0, counters.toString());
        assertEquals(counters.get("recoveries"), counters.get("instruments-recovered"), counters.toString());
        assertTrue(counters.get("entries-held") > 0 && counters.get("snapshot-packets") > 0, counters.toString());
        assertEquals(0L, counters.get("recovering"), counters.toString());
        assertTrue(counters.get("snapshot-joins") >= 1, counters.toString());
        assertTrue(harness.resets.stream().anyMatch((r) -> r.startsWith("RECOVERY ")), harness.resets.toString());
    }

    @Test
    void shouldJoinLateThroughTheSnapshotAndDefinitionLoops() throws Exception
    {
        harness = new Mdp3LiveHarness(45, 0.02, 0.02);
        // The session runs before the feed handler joins: definitions and the books built so far are missed.
        harness.send(3_000);
        harness.startFeed();
        harness.send(3_000);

        final Map<Long, String> expected = harness.awaitBooks(10_000);
        assertEquals(expected, harness.books());
        final Map<String, Long> counters = harness.counters();
        assertEquals(0L, counters.get("recovering"), counters.toString());
        assertTrue(counters.get("instruments-recovered") >= Mdp3LiveHarness.INSTRUMENTS, counters.toString());
        // Each instrument's book was restated once from the loop (and again only after a gap on both lines).
        assertTrue(harness.resets.stream().filter((r) -> r.startsWith("RECOVERY ")).count() >=
            Mdp3LiveHarness.INSTRUMENTS, harness.resets.toString());
        assertEquals(Mdp3LiveHarness.INSTRUMENTS, harness.definitions.stream().distinct().count(),
            harness.definitions.toString());
        assertEquals(Mdp3LiveHarness.INSTRUMENTS, harness.definitions.size(), harness.definitions.toString());
    }

    @Test
    void shouldClearBooksOnChannelResetAndRebuildThem() throws Exception
    {
        harness = new Mdp3LiveHarness(57, 0.05, 0.05);
        harness.startFeed();
        harness.send(1_500);
        harness.simulator.channelReset();
        harness.send(1_500);
        harness.server.loss(0, 0);
        harness.send(1_000);

        final Map<Long, String> expected = harness.awaitBooks(10_000);
        assertEquals(expected, harness.books());
        assertTrue(harness.resets.contains("CHANNEL_RESET 0 0"), harness.resets.toString());
        final Map<String, Long> counters = harness.counters();
        assertEquals(0L, counters.get("recovering"), counters.toString());
    }
}
