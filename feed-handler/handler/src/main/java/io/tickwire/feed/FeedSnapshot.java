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

import io.tickwire.feed.ingest.MalformedReason;

/**
 * The feed handler's totals at one instant, as plain values: safe to keep after the handler closed.
 *
 * @param nanoTime          {@link System#nanoTime()} when taken.
 * @param messagesIn        ITCH messages delivered by all sources.
 * @param notNormalised     messages of types counted but not published.
 * @param malformed         malformed inputs, all reasons.
 * @param dropped           messages dropped for a full ring (live sources only).
 * @param ringFull          ring-full episodes.
 * @param upstreamGaps      MoldUDP64 gaps detected upstream.
 * @param upstreamRecovered MoldUDP64 messages recovered by re-request.
 * @param upstreamLost      MoldUDP64 messages lost to unrecoverable gaps.
 * @param published         market data messages published.
 * @param bytesPublished    bytes of market data published.
 * @param backPressured     claims refused for back-pressure.
 * @param notConnected      claims refused for no subscriber.
 * @param heartbeats        heartbeats published.
 * @param readErrors        inputs that could not be read to their end ({@code READ_ERROR}: a corrupt gzip stream, an
 *                          I/O error): what was published from them before the error may be corrupt.
 */
public record FeedSnapshot(
    long nanoTime,
    long messagesIn,
    long notNormalised,
    long malformed,
    long dropped,
    long ringFull,
    long upstreamGaps,
    long upstreamRecovered,
    long upstreamLost,
    long published,
    long bytesPublished,
    long backPressured,
    long notConnected,
    long heartbeats,
    long readErrors)
{
    /**
     * Did the input end early because it could not be read ({@code READ_ERROR})?
     *
     * @return true when some input was bad.
     */
    public boolean hadReadErrors()
    {
        return readErrors > 0;
    }

    /**
     * Were messages missing from the input and not recovered (gaps in a capture, lost live MoldUDP64 messages)?
     *
     * @return true when the input had gaps.
     */
    public boolean hadGaps()
    {
        return upstreamLost > 0;
    }

    /**
     * Read the totals from live counters.
     *
     * @param counters to read.
     * @return the totals now.
     */
    public static FeedSnapshot of(final FeedCounters counters)
    {
        return new FeedSnapshot(
            System.nanoTime(),
            counters.messagesIn(),
            counters.notNormalised(),
            counters.malformed(),
            counters.dropped(),
            counters.ringFull(),
            counters.upstreamGaps(),
            counters.upstreamRecovered(),
            counters.upstreamLost(),
            counters.publisher().messagesPublished().get(),
            counters.publisher().bytesPublished().get(),
            counters.publisher().backPressured().get(),
            counters.publisher().notConnected().get(),
            counters.publisher().heartbeats().get(),
            counters.malformed(MalformedReason.READ_ERROR));
    }
}
