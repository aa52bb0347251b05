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
package io.tickwire.perf.report;

import io.tickwire.feed.FeedStages;
import io.tickwire.feed.client.ClientStages;
import io.tickwire.latency.HlogWriterAgent;
import io.tickwire.latency.LatencyRegistry;
import io.tickwire.latency.StageRecorder;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.CachedEpochClock;

import java.nio.file.Path;
import java.util.Random;

/**
 * Interval logs with known contents, and the histograms they should produce, for report tests.
 */
final class ReportFixtures
{
    static final String[] STAGES =
        { FeedStages.INGEST_TO_RING, FeedStages.RING_TO_PUBLISH, ClientStages.PUBLISH_TO_RECEIVE };
    static final int INTERVALS = 10;

    final Histogram[] expected = new Histogram[STAGES.length];

    /**
     * Write {@link #INTERVALS} one-second intervals of three stages with different shapes and rates.
     */
    Path writeLog(final Path dir) throws Exception
    {
        final CachedEpochClock clock = new CachedEpochClock();
        clock.update(1_790_000_000_000L);
        final LatencyRegistry registry = new LatencyRegistry();
        final StageRecorder[] recorders = new StageRecorder[STAGES.length];
        for (int i = 0; i < STAGES.length; i++)
        {
            recorders[i] = registry.recorder(STAGES[i], "fixture");
            expected[i] = new Histogram(1, registry.highestTrackableValueNs(), 3);
        }
        final Path file = dir.resolve("fixture.hlog");
        final HlogWriterAgent agent = new HlogWriterAgent(registry, file, "fixture", 1000, clock);
        final Random random = new Random(42);
        for (int interval = 0; interval < INTERVALS; interval++)
        {
            for (int stage = 0; stage < STAGES.length; stage++)
            {
                final int count = 1000 * (stage + 1) + interval * 100;
                for (int i = 0; i < count; i++)
                {
                    // Log-normal-ish: a body around (stage+1) us and a rare tail up to a few ms.
                    final double body = (stage + 1) * 1000.0 * Math.exp(random.nextGaussian() * 0.3);
                    final long value = (random.nextInt(1000) == 0) ? (long)(body * 500) : (long)body;
                    recorders[stage].recordValue(value);
                    expected[stage].recordValue(value);
                }
            }
            clock.advance(1000);
            agent.doWork();
        }
        agent.onClose();

        return file;
    }
}
