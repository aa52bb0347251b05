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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StatusLineTest
{
    private static FeedSnapshot snapshot(final long nanoTime, final long in, final long out)
    {
        return new FeedSnapshot(nanoTime, in, 2, 3, 4, 5, 6, 7, 8, out, out * 70, 9, 10, 11, 1);
    }

    @Test
    void shouldReportRatesOverTheIntervalAndTotals()
    {
        final FeedSnapshot previous = snapshot(1_000_000_000L, 1_000, 900);
        final FeedSnapshot current = snapshot(1_500_000_000L, 2_000, 1_400);

        assertEquals("in 2,000 msg/s  out 1,000 msg/s  total in 2,000 out 1,400  malformed 3 dropped 4 gaps 6  " +
            "ring-full 5 back-pressure 9 not-connected 10", StatusLine.status(previous, current));
    }

    @Test
    void shouldSummariseTheRun()
    {
        final String summary = StatusLine.summary(
            snapshot(0, 0, 0), snapshot(2_000_000_000L, 1_000_000, 1_000_000));

        assertTrue(summary.startsWith("summary: 2.000 s"), summary);
        assertTrue(summary.contains("messages in        1,000,000"), summary);
        assertTrue(summary.contains("published          1,000,000 (70,000,000 bytes, 500,000 msg/s average)"),
            summary);
        assertTrue(summary.contains("upstream gaps      0 (recovered 0 messages, lost 0)"), summary);
    }
}
