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

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Prints the subscriber's lines on a thread of its own, so a slow terminal never stalls the polling thread and the
 * latency the command reports is the library's, not the console's.
 * <p>
 * The polling thread offers each line to a bounded lock-free queue; when the printer has fallen that far behind,
 * the line is dropped and counted (the summary says how many), as a conflating display would.
 */
final class AsyncLinePrinter implements AutoCloseable
{
    static final int CAPACITY = 64 * 1024;

    private final ManyToOneConcurrentArrayQueue<String> lines = new ManyToOneConcurrentArrayQueue<>(CAPACITY);
    private final PrintWriter out;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private long dropped;
    private volatile long printed;

    AsyncLinePrinter(final PrintWriter out)
    {
        this.out = out;
        this.thread = new Thread(this::run, "subscriber-printer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * From the polling thread: queue a line, or count it as dropped when the printer is a queue's length behind.
     *
     * @param line to print.
     */
    void print(final String line)
    {
        if (!lines.offer(line))
        {
            dropped++;
        }
    }

    /**
     * @return lines dropped because the printer was behind (polling thread's view).
     */
    long dropped()
    {
        return dropped;
    }

    /**
     * @return lines printed so far.
     */
    long printed()
    {
        return printed;
    }

    /**
     * Print what is queued, then stop the thread.
     */
    public void close()
    {
        running.set(false);
        try
        {
            thread.join(10_000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        out.flush();
    }

    private void run()
    {
        final IdleStrategy idle = new BackoffIdleStrategy();
        long count = 0;
        while (true)
        {
            final int drained = lines.drain(out::println, 4096);
            count += drained;
            printed = count;
            if (0 == drained)
            {
                if (!running.get() && lines.isEmpty())
                {
                    break;
                }
                out.flush();
            }
            idle.idle(drained);
        }
        out.flush();
    }
}
