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

import org.agrona.concurrent.status.CountersReader;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Formats the once-per-second status line and the end-of-run summary of {@code feed publish} from two
 * {@link FeedSnapshot}s. Runs on the command's main thread, never on an agent thread.
 */
public final class StatusLine
{
    private StatusLine()
    {
    }

    /**
     * Rates over the interval between two snapshots and the totals of the later one.
     *
     * @param previous snapshot at the start of the interval.
     * @param current  snapshot at the end of the interval.
     * @return one line without a line separator.
     */
    public static String status(final FeedSnapshot previous, final FeedSnapshot current)
    {
        final long elapsedNs = Math.max(1, current.nanoTime() - previous.nanoTime());
        return String.format(Locale.ROOT,
            "in %,d msg/s  out %,d msg/s  total in %,d out %,d  malformed %,d dropped %,d gaps %,d  " +
            "ring-full %,d back-pressure %,d not-connected %,d",
            perSecond(current.messagesIn() - previous.messagesIn(), elapsedNs),
            perSecond(current.published() - previous.published(), elapsedNs),
            current.messagesIn(),
            current.published(),
            current.malformed(),
            current.dropped(),
            current.upstreamGaps(),
            current.ringFull(),
            current.backPressured(),
            current.notConnected());
    }

    /**
     * The summary of a whole run.
     *
     * @param start snapshot at start.
     * @param end   final snapshot.
     * @return printable lines, each ending in a line separator.
     */
    public static String summary(final FeedSnapshot start, final FeedSnapshot end)
    {
        final long elapsedNs = Math.max(1, end.nanoTime() - start.nanoTime());
        final long published = end.published() - start.published();
        return String.format(Locale.ROOT,
            "summary: %.3f s%n" +
            "  messages in        %,d%n" +
            "  not normalised     %,d (types counted, not published)%n" +
            "  malformed          %,d (of which read errors %,d)%n" +
            "  dropped            %,d (live input, ring full)%n" +
            "  published          %,d (%,d bytes, %,d msg/s average)%n" +
            "  heartbeats         %,d%n" +
            "  upstream gaps      %,d (recovered %,d messages, lost %,d)%n" +
            "  ring-full          %,d episodes%n" +
            "  back-pressure      %,d events%n" +
            "  not-connected      %,d events%n",
            elapsedNs / 1e9,
            end.messagesIn() - start.messagesIn(),
            end.notNormalised() - start.notNormalised(),
            end.malformed() - start.malformed(),
            end.readErrors() - start.readErrors(),
            end.dropped() - start.dropped(),
            published,
            end.bytesPublished() - start.bytesPublished(),
            perSecond(published, elapsedNs),
            end.heartbeats() - start.heartbeats(),
            end.upstreamGaps() - start.upstreamGaps(),
            end.upstreamRecovered() - start.upstreamRecovered(),
            end.upstreamLost() - start.upstreamLost(),
            end.ringFull() - start.ringFull(),
            end.backPressured() - start.backPressured(),
            end.notConnected() - start.notConnected());
    }

    /**
     * The values of one component's counters, e.g. a venue normaliser's, as one line.
     *
     * @param counters  of the feed handler's driver.
     * @param component of the labels, e.g. {@code tickwire-mdp3}.
     * @return {@code NAME VALUE, ...} in counter id order, or an empty string when there are none.
     */
    public static String counters(final CountersReader counters, final String component)
    {
        final String prefix = component + " ";
        final StringBuilder sb = new StringBuilder();
        counters.forEach((value, counterId, label) ->
        {
            if (label.startsWith(prefix))
            {
                final int colon = label.indexOf(':');
                sb.append(sb.length() == 0 ? "" : ", ")
                    .append(label, prefix.length(), colon < 0 ? label.length() : colon)
                    .append(' ')
                    .append(String.format(Locale.ROOT, "%,d", value));
            }
        });
        return sb.toString();
    }

    private static long perSecond(final long count, final long elapsedNs)
    {
        return (long)(count * (double)TimeUnit.SECONDS.toNanos(1) / elapsedNs);
    }
}
