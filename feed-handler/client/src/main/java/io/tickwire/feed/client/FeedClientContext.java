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
package io.tickwire.feed.client;

import io.aeron.Aeron;
import io.tickwire.feed.book.BboListener;
import io.tickwire.feed.book.BookErrorListener;
import io.tickwire.feed.book.BookListener;
import io.tickwire.feed.book.BookStateListener;
import io.tickwire.feed.book.InstrumentListener;
import io.tickwire.feed.book.OrderListener;
import io.tickwire.feed.book.TradeListener;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

import java.nio.file.Path;
import java.util.Set;

/**
 * Configuration of a {@link FeedClient}: where to subscribe, what to build, whom to tell. Set it up fluently, then
 * pass it to {@link FeedClient#connect(FeedClientContext)}, which concludes it.
 * <p>
 * Settings start from {@link FeedClientConfiguration} (system property, else default); {@link #fromProperties(Path)}
 * starts from a configuration file instead, and setters called after it override the file.
 */
public final class FeedClientContext
{
    // Package-private: the client and its parts read the concluded values directly when they connect.
    Aeron aeron;
    String aeronDirectoryName = FeedClientConfiguration.aeronDirectoryName();
    String channel = FeedClientConfiguration.channel();
    int streamId = FeedClientConfiguration.streamId();
    String snapshotRequestChannel = FeedClientConfiguration.snapshotRequestChannel();
    int snapshotRequestStreamId = FeedClientConfiguration.snapshotRequestStreamId();
    String snapshotResponseChannel = FeedClientConfiguration.snapshotResponseChannel();
    int snapshotResponseStreamId = FeedClientConfiguration.snapshotResponseStreamId();
    Set<String> symbols = FeedClientConfiguration.symbols();
    boolean conflate = FeedClientConfiguration.conflate();
    int fragmentLimit = FeedClientConfiguration.fragmentLimit();
    int recoveryBufferCapacity = FeedClientConfiguration.recoveryBufferCapacity();
    long snapshotTimeoutNs = FeedClientConfiguration.snapshotTimeoutNs();
    long silenceTimeoutNs = FeedClientConfiguration.silenceTimeoutNs();
    IdleStrategy idleStrategy = FeedClientConfiguration.idleStrategy();
    NanoClock nanoClock;
    InstrumentListener instrumentListener;
    OrderListener orderListener;
    TradeListener tradeListener;
    BookListener bookListener;
    BboListener bboListener;
    GapListener gapListener;
    BookStateListener bookStateListener;
    BookErrorListener bookErrorListener;

    /**
     * A context with the settings of a configuration file, as {@code config/feed-client.properties} ships them;
     * keys the file does not set keep their system property or default.
     *
     * @param file a properties file of {@code tickwire.feed.client.*} keys.
     * @return a new context; set the listeners, then connect.
     * @throws io.tickwire.feed.config.ConfigException if the file cannot be read, sets a key no client knows, or a
     *                                                  value that does not parse, naming file, key and value.
     */
    public static FeedClientContext fromProperties(final Path file)
    {
        return FeedClientProperties.load(file, new FeedClientContext());
    }

    /**
     * Validate and fill in derived defaults.
     *
     * @return this for a fluent API.
     */
    public FeedClientContext conclude()
    {
        if (null == channel || null == snapshotResponseChannel && null != snapshotRequestChannel)
        {
            throw new IllegalArgumentException("channel and snapshot response channel are required");
        }
        if (silenceTimeoutNs < 0)
        {
            throw new IllegalArgumentException("silenceTimeoutNs=" + silenceTimeoutNs + " must not be negative");
        }
        if (fragmentLimit < 1 || recoveryBufferCapacity < 1024)
        {
            throw new IllegalArgumentException(
                "fragmentLimit=" + fragmentLimit + " recoveryBufferCapacity=" + recoveryBufferCapacity);
        }
        if (null == idleStrategy)
        {
            idleStrategy = new BackoffIdleStrategy();
        }
        if (null == nanoClock)
        {
            nanoClock = SystemNanoClock.INSTANCE;
        }
        return this;
    }

    /**
     * Whether snapshot recovery is configured.
     *
     * @return true when a snapshot request channel is set.
     */
    public boolean recoveryEnabled()
    {
        return null != snapshotRequestChannel && !snapshotRequestChannel.isEmpty();
    }

    /**
     * Use an existing Aeron client (not closed by the feed client).
     *
     * @param aeron client.
     * @return this for a fluent API.
     */
    public FeedClientContext aeron(final Aeron aeron)
    {
        this.aeron = aeron;
        return this;
    }

    /**
     * Aeron directory of an external media driver.
     *
     * @param aeronDirectoryName directory.
     * @return this for a fluent API.
     */
    public FeedClientContext aeronDirectoryName(final String aeronDirectoryName)
    {
        this.aeronDirectoryName = aeronDirectoryName;
        return this;
    }

    /**
     * Feed channel.
     *
     * @param channel Aeron URI.
     * @return this for a fluent API.
     */
    public FeedClientContext channel(final String channel)
    {
        this.channel = channel;
        return this;
    }

    /**
     * Feed channel.
     *
     * @return Aeron URI.
     */
    public String channel()
    {
        return channel;
    }

    /**
     * Feed stream id.
     *
     * @param streamId id.
     * @return this for a fluent API.
     */
    public FeedClientContext streamId(final int streamId)
    {
        this.streamId = streamId;
        return this;
    }

    /**
     * Feed stream id.
     *
     * @return id.
     */
    public int streamId()
    {
        return streamId;
    }

    /**
     * Channel and stream the snapshot requests go to; a null or empty channel disables recovery.
     *
     * @param channel  Aeron URI.
     * @param streamId id.
     * @return this for a fluent API.
     */
    public FeedClientContext snapshotRequest(final String channel, final int streamId)
    {
        this.snapshotRequestChannel = channel;
        this.snapshotRequestStreamId = streamId;
        return this;
    }

    /**
     * Channel and stream the snapshots are answered on.
     *
     * @param channel  Aeron URI.
     * @param streamId id.
     * @return this for a fluent API.
     */
    public FeedClientContext snapshotResponse(final String channel, final int streamId)
    {
        this.snapshotResponseChannel = channel;
        this.snapshotResponseStreamId = streamId;
        return this;
    }

    /**
     * Aeron directory of an external media driver.
     *
     * @return directory, or null for Aeron's default.
     */
    public String aeronDirectoryName()
    {
        return aeronDirectoryName;
    }

    /**
     * Channel the snapshot requests go to.
     *
     * @return Aeron URI, or null or empty when recovery is disabled.
     */
    public String snapshotRequestChannel()
    {
        return snapshotRequestChannel;
    }

    /**
     * Stream id of the snapshot requests.
     *
     * @return id.
     */
    public int snapshotRequestStreamId()
    {
        return snapshotRequestStreamId;
    }

    /**
     * Channel the snapshots are answered on.
     *
     * @return Aeron URI.
     */
    public String snapshotResponseChannel()
    {
        return snapshotResponseChannel;
    }

    /**
     * Stream id of the snapshot responses.
     *
     * @return id.
     */
    public int snapshotResponseStreamId()
    {
        return snapshotResponseStreamId;
    }

    /**
     * Symbols books are built for.
     *
     * @return the symbols, or null for all.
     */
    public Set<String> symbols()
    {
        return symbols;
    }

    /**
     * Whether book and BBO updates are conflated.
     *
     * @return true for conflation.
     */
    public boolean conflate()
    {
        return conflate;
    }

    /**
     * Only build books for these symbols.
     *
     * @param symbols trimmed symbols, or null for all.
     * @return this for a fluent API.
     */
    public FeedClientContext symbols(final Set<String> symbols)
    {
        this.symbols = null == symbols ? null : Set.copyOf(symbols);
        return this;
    }

    /**
     * Deliver book and BBO updates once per instrument per poll (latest state) instead of per event.
     *
     * @param conflate true for conflation.
     * @return this for a fluent API.
     */
    public FeedClientContext conflate(final boolean conflate)
    {
        this.conflate = conflate;
        return this;
    }

    /**
     * Fragments read per poll.
     *
     * @param fragmentLimit limit.
     * @return this for a fluent API.
     */
    public FeedClientContext fragmentLimit(final int fragmentLimit)
    {
        this.fragmentLimit = fragmentLimit;
        return this;
    }

    /**
     * Bytes of live messages held while waiting for a snapshot.
     *
     * @param capacity bytes.
     * @return this for a fluent API.
     */
    public FeedClientContext recoveryBufferCapacity(final int capacity)
    {
        this.recoveryBufferCapacity = capacity;
        return this;
    }

    /**
     * Time to wait for a snapshot before asking again.
     *
     * @param timeoutNs nanoseconds.
     * @return this for a fluent API.
     */
    public FeedClientContext snapshotTimeoutNs(final long timeoutNs)
    {
        this.snapshotTimeoutNs = timeoutNs;
        return this;
    }

    /**
     * Time without any message or heartbeat after which the publisher is taken for dead and every book goes
     * stale. Keep it a few of the publisher's heartbeat intervals ({@code tickwire.feed.heartbeat.interval.ns}).
     *
     * @param timeoutNs nanoseconds; 0 disables the check.
     * @return this for a fluent API.
     */
    public FeedClientContext silenceTimeoutNs(final long timeoutNs)
    {
        this.silenceTimeoutNs = timeoutNs;
        return this;
    }

    /**
     * Time without any message or heartbeat after which every book goes stale.
     *
     * @return nanoseconds; 0 when disabled.
     */
    public long silenceTimeoutNs()
    {
        return silenceTimeoutNs;
    }

    /**
     * Idle strategy for a {@link FeedClientAgent} runner.
     *
     * @param idleStrategy to use.
     * @return this for a fluent API.
     */
    public FeedClientContext idleStrategy(final IdleStrategy idleStrategy)
    {
        this.idleStrategy = idleStrategy;
        return this;
    }

    /**
     * Idle strategy for a {@link FeedClientAgent} runner.
     *
     * @return the strategy.
     */
    public IdleStrategy idleStrategy()
    {
        return idleStrategy;
    }

    /**
     * Clock for timeouts.
     *
     * @param nanoClock clock.
     * @return this for a fluent API.
     */
    public FeedClientContext nanoClock(final NanoClock nanoClock)
    {
        this.nanoClock = nanoClock;
        return this;
    }

    /**
     * Instrument listener.
     *
     * @param listener to notify.
     * @return this for a fluent API.
     */
    public FeedClientContext instrumentListener(final InstrumentListener listener)
    {
        this.instrumentListener = listener;
        return this;
    }

    /**
     * Order listener.
     *
     * @param listener to notify.
     * @return this for a fluent API.
     */
    public FeedClientContext orderListener(final OrderListener listener)
    {
        this.orderListener = listener;
        return this;
    }

    /**
     * Trade listener.
     *
     * @param listener to notify.
     * @return this for a fluent API.
     */
    public FeedClientContext tradeListener(final TradeListener listener)
    {
        this.tradeListener = listener;
        return this;
    }

    /**
     * Book (L2) listener.
     *
     * @param listener to notify.
     * @return this for a fluent API.
     */
    public FeedClientContext bookListener(final BookListener listener)
    {
        this.bookListener = listener;
        return this;
    }

    /**
     * BBO listener.
     *
     * @param listener to notify.
     * @return this for a fluent API.
     */
    public FeedClientContext bboListener(final BboListener listener)
    {
        this.bboListener = listener;
        return this;
    }

    /**
     * Gap and recovery listener.
     *
     * @param listener to notify.
     * @return this for a fluent API.
     */
    public FeedClientContext gapListener(final GapListener listener)
    {
        this.gapListener = listener;
        return this;
    }

    /**
     * Book state (stale, fresh, cross) listener.
     *
     * @param listener to notify.
     * @return this for a fluent API.
     */
    public FeedClientContext bookStateListener(final BookStateListener listener)
    {
        this.bookStateListener = listener;
        return this;
    }

    /**
     * Book error listener.
     *
     * @param listener to notify.
     * @return this for a fluent API.
     */
    public FeedClientContext bookErrorListener(final BookErrorListener listener)
    {
        this.bookErrorListener = listener;
        return this;
    }
}
