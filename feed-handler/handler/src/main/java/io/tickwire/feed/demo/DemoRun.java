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
package io.tickwire.feed.demo;

import org.agrona.CloseHelper;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the parts of {@code tickwire demo} side by side from one main thread that sleeps between steps (it takes no
 * core of its own): start all, step every 20 ms and print the status of those not yet complete every second until
 * all are complete, then check and summarise each and print the result. The exit code is 0 only if every check of
 * every part held.
 */
public final class DemoRun
{
    /**
     * Time the parts get after the duration (twice over) to deliver what they sent, before the run is failed.
     */
    private static final long GRACE_NS = TimeUnit.SECONDS.toNanos(30);
    private static final long STEP_MS = 20;

    private DemoRun()
    {
    }

    /**
     * Run the parts to the end.
     *
     * @param parts      the parts, started and summarised in this order.
     * @param durationNs how long the parts run (they stop themselves); the run fails after twice this plus 30 s.
     * @param out        where the demo prints.
     * @return 0 when every check held, 1 otherwise.
     */
    public static int run(final List<? extends DemoPart> parts, final long durationNs, final PrintWriter out)
    {
        final List<String> failures = new ArrayList<>();
        try
        {
            for (final DemoPart part : parts)
            {
                part.start(out);
                out.flush();
            }
            final long startNs = System.nanoTime();
            final long deadlineNs = startNs + durationNs * 2 + GRACE_NS;
            long nextStatusNs = startNs + TimeUnit.SECONDS.toNanos(1);
            while (true)
            {
                sleepMillis(STEP_MS);
                final long nowNs = System.nanoTime();
                boolean complete = true;
                for (final DemoPart part : parts)
                {
                    part.step(nowNs, out);
                    complete &= part.isComplete();
                }
                if (nowNs >= nextStatusNs)
                {
                    for (final DemoPart part : parts)
                    {
                        if (!part.isComplete())
                        {
                            out.println(part.status());
                        }
                    }
                    out.flush();
                    nextStatusNs += TimeUnit.SECONDS.toNanos(1);
                }
                if (complete)
                {
                    break;
                }
                if (nowNs > deadlineNs)
                {
                    failures.add("timed out waiting for every part to deliver what it sent");
                    break;
                }
            }
            for (final DemoPart part : parts)
            {
                part.finish(failures, out);
            }
        }
        catch (final Exception ex)
        {
            failures.add("error: " + ex);
        }
        finally
        {
            for (int i = parts.size() - 1; i >= 0; i--)
            {
                CloseHelper.quietClose(parts.get(i)::close);
            }
        }

        if (failures.isEmpty())
        {
            out.println("RESULT: OK - every check held");
            out.flush();
            return 0;
        }
        for (final String failure : failures)
        {
            out.println("FAILED: " + failure);
        }
        out.println("RESULT: FAILED");
        out.flush();
        return 1;
    }

    private static void sleepMillis(final long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }
}
