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
package io.tickwire.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ThreadPlanTest
{
    private static final List<String> ONE_SOURCE = List.of("ingest-0", "publisher");

    @Test
    void shouldChooseCompactOnTwoCores()
    {
        assertEquals(ThreadingProfile.COMPACT, ThreadPlan.chooseProfile(null, 2, 2, true));
        assertEquals(ThreadingProfile.COMPACT, ThreadPlan.chooseProfile(null, 2, 2, false));
    }

    @Test
    void shouldChooseDedicatedOnlyWhenSpinningThreadsLeaveACoreFree()
    {
        // One source: ingest + publisher + embedded driver sender = 3 spinning threads, so 4 cores are needed.
        assertEquals(ThreadingProfile.COMPACT, ThreadPlan.chooseProfile(null, 3, 2, true));
        assertEquals(ThreadingProfile.DEDICATED, ThreadPlan.chooseProfile(null, 4, 2, true));
        // With an external driver its threads are not ours to count.
        assertEquals(ThreadingProfile.DEDICATED, ThreadPlan.chooseProfile(null, 3, 2, false));
        // Three sources: 3 ingest + publisher + sender = 5, so 6 cores.
        assertEquals(ThreadingProfile.COMPACT, ThreadPlan.chooseProfile(null, 5, 4, true));
        assertEquals(ThreadingProfile.DEDICATED, ThreadPlan.chooseProfile(null, 6, 4, true));
    }

    @Test
    void shouldHonourRequestedProfile()
    {
        assertEquals(ThreadingProfile.DEDICATED, ThreadPlan.chooseProfile(ThreadingProfile.DEDICATED, 2, 2, true));
        assertEquals(ThreadingProfile.COMPACT, ThreadPlan.chooseProfile(ThreadingProfile.COMPACT, 64, 2, true));
    }

    @Test
    void shouldPlaceEveryAgentOnItsOwnPinnedThreadWhenDedicated()
    {
        final ThreadPlan plan = ThreadPlan.plan(null, 8, ONE_SOURCE, new int[]{ 2, 3 }, true,
            "BusySpinIdleStrategy", "embedded DEDICATED");

        assertEquals(ThreadingProfile.DEDICATED, plan.profile());
        assertEquals(new ThreadPlan.Row("ingest-0", "ingest-0", 2, "BusySpinIdleStrategy"), plan.rows().get(0));
        assertEquals(new ThreadPlan.Row("publisher", "publisher", 3, "BusySpinIdleStrategy"), plan.rows().get(1));
        assertEquals("media-driver", plan.rows().get(2).agent());
    }

    @Test
    void shouldLeaveAgentsUnpinnedWhenCpusRunOut()
    {
        final ThreadPlan plan = ThreadPlan.plan(ThreadingProfile.DEDICATED, 8, ONE_SOURCE, new int[]{ 5 }, true,
            "BusySpinIdleStrategy", "embedded DEDICATED");

        assertEquals(5, plan.cpuOf(0));
        assertEquals(ThreadPlan.ANY_CPU, plan.cpuOf(1));
    }

    @Test
    void shouldPutAllAgentsOnOneThreadWhenCompact()
    {
        final ThreadPlan plan = ThreadPlan.plan(null, 2, ONE_SOURCE, new int[0], true,
            "BackoffIdleStrategy", "embedded SHARED: BackoffIdleStrategy");

        assertEquals(ThreadingProfile.COMPACT, plan.profile());
        assertEquals(new ThreadPlan.Row("ingest-0", ThreadPlan.COMPACT_THREAD_NAME, ThreadPlan.ANY_CPU,
            "BackoffIdleStrategy"), plan.rows().get(0));
        assertEquals(new ThreadPlan.Row("publisher", ThreadPlan.COMPACT_THREAD_NAME, ThreadPlan.ANY_CPU,
            "BackoffIdleStrategy"), plan.rows().get(1));
    }

    @Test
    void shouldGiveBackgroundAgentItsOwnBackOffThreadWhenDedicatedWithoutCountingItAsSpinning()
    {
        final ThreadPlan plan = ThreadPlan.plan(null, 4, ONE_SOURCE, List.of("snapshot-server"), new int[]{ 2, 3 },
            true, "BusySpinIdleStrategy", "BackoffIdleStrategy", "embedded DEDICATED");

        assertEquals(ThreadingProfile.DEDICATED, plan.profile());
        assertEquals(new ThreadPlan.Row("publisher", "publisher", 3, "BusySpinIdleStrategy"), plan.rows().get(1));
        assertEquals(new ThreadPlan.Row("snapshot-server", "snapshot-server", ThreadPlan.ANY_CPU,
            "BackoffIdleStrategy"), plan.rows().get(2));
        assertEquals("media-driver", plan.rows().get(3).agent());
        assertTrue(plan.reason().contains("needs 3 busy-spinning threads"), plan.reason());
    }

    @Test
    void shouldComposeBackgroundAgentOntoTheSharedThreadWhenCompact()
    {
        final ThreadPlan plan = ThreadPlan.plan(null, 2, ONE_SOURCE, List.of("snapshot-server"), new int[]{ 1 },
            true, "BackoffIdleStrategy", "BackoffIdleStrategy", "embedded SHARED: BackoffIdleStrategy");

        assertEquals(ThreadingProfile.COMPACT, plan.profile());
        assertEquals(new ThreadPlan.Row("snapshot-server", ThreadPlan.COMPACT_THREAD_NAME, 1,
            "BackoffIdleStrategy"), plan.rows().get(2));
        assertTrue(plan.describe().contains("snapshot-server"));
    }

    @Test
    void shouldDescribePlanAndReasonInBanner()
    {
        final String text = ThreadPlan.plan(null, 2, ONE_SOURCE, new int[0], true,
            "BackoffIdleStrategy", "embedded SHARED: BackoffIdleStrategy").describe();

        assertTrue(text.startsWith("profile compact (auto: 2 CPUs, dedicated needs 3 busy-spinning threads"), text);
        assertTrue(text.matches("(?s).*agent +thread +cpu +idle strategy.*"), text);
        assertTrue(text.matches("(?s).*ingest-0 +feed-agents +any +BackoffIdleStrategy.*"), text);
        assertTrue(text.matches("(?s).*publisher +feed-agents +any +BackoffIdleStrategy.*"), text);
        assertTrue(text.matches("(?s).*media-driver +driver threads +any +embedded SHARED: BackoffIdleStrategy.*"),
            text);
    }

    @Test
    void shouldWarnWhenDedicatedIsForcedOnTooFewCores()
    {
        final ThreadPlan plan = ThreadPlan.plan(ThreadingProfile.DEDICATED, 2, ONE_SOURCE, new int[0], true,
            "BusySpinIdleStrategy", "embedded DEDICATED");

        assertTrue(plan.reason().contains("WARNING: 3 busy-spinning threads on 2 CPUs"), plan.reason());
    }

    @Test
    void shouldParseCpuLists()
    {
        assertArrayEquals(new int[0], ThreadPlan.parseCpus(null));
        assertArrayEquals(new int[]{ 2, 3 }, ThreadPlan.parseCpus("2,3"));
        assertArrayEquals(new int[]{ 1, 2, 3, 7 }, ThreadPlan.parseCpus("1-3, 7"));
        assertThrows(IllegalArgumentException.class, () -> ThreadPlan.parseCpus("3-1"));
        assertThrows(IllegalArgumentException.class, () -> ThreadPlan.parseCpus("a"));
    }
}
