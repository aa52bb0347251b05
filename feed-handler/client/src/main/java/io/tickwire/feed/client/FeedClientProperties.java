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

import io.tickwire.feed.config.ConfigFile;
import io.tickwire.feed.config.IdleStrategies;

import java.nio.file.Path;

import static io.tickwire.feed.client.FeedClientConfiguration.AERON_DIR_PROP_NAME;
import static io.tickwire.feed.client.FeedClientConfiguration.CHANNEL_PROP_NAME;
import static io.tickwire.feed.client.FeedClientConfiguration.CONFLATE_PROP_NAME;
import static io.tickwire.feed.client.FeedClientConfiguration.FRAGMENT_LIMIT_PROP_NAME;
import static io.tickwire.feed.client.FeedClientConfiguration.IDLE_STRATEGY_PROP_NAME;
import static io.tickwire.feed.client.FeedClientConfiguration.RECOVERY_BUFFER_CAPACITY_PROP_NAME;
import static io.tickwire.feed.client.FeedClientConfiguration.SILENCE_TIMEOUT_PROP_NAME;
import static io.tickwire.feed.client.FeedClientConfiguration.SNAPSHOT_REQUEST_CHANNEL_PROP_NAME;
import static io.tickwire.feed.client.FeedClientConfiguration.SNAPSHOT_REQUEST_STREAM_ID_PROP_NAME;
import static io.tickwire.feed.client.FeedClientConfiguration.SNAPSHOT_RESPONSE_CHANNEL_PROP_NAME;
import static io.tickwire.feed.client.FeedClientConfiguration.SNAPSHOT_RESPONSE_STREAM_ID_PROP_NAME;
import static io.tickwire.feed.client.FeedClientConfiguration.SNAPSHOT_TIMEOUT_PROP_NAME;
import static io.tickwire.feed.client.FeedClientConfiguration.STREAM_ID_PROP_NAME;
import static io.tickwire.feed.client.FeedClientConfiguration.SYMBOLS_PROP_NAME;

/**
 * Applies a client configuration file ({@code tickwire.feed.client.*} keys, the names of
 * {@link FeedClientConfiguration}'s system properties) to a {@link FeedClientContext}. Values are checked here, as
 * they are read, so an error names the key and the value rather than surfacing later in {@code conclude()}.
 */
final class FeedClientProperties
{
    private FeedClientProperties()
    {
    }

    static FeedClientContext load(final Path file, final FeedClientContext ctx)
    {
        final ConfigFile config = ConfigFile.load(file);
        apply(config, ctx);
        config.rejectUnread();
        return ctx;
    }

    static void apply(final ConfigFile config, final FeedClientContext ctx)
    {
        ctx.aeronDirectoryName(config.string(AERON_DIR_PROP_NAME, ctx.aeronDirectoryName()));
        ctx.channel(config.channel(CHANNEL_PROP_NAME, ctx.channel()));
        ctx.streamId(config.intValue(STREAM_ID_PROP_NAME, ctx.streamId()));
        // Empty is meaningful here: no snapshot recovery.
        ctx.snapshotRequest(
            config.string(SNAPSHOT_REQUEST_CHANNEL_PROP_NAME, ctx.snapshotRequestChannel()),
            config.intValue(SNAPSHOT_REQUEST_STREAM_ID_PROP_NAME, ctx.snapshotRequestStreamId()));
        ctx.snapshotResponse(
            config.channel(SNAPSHOT_RESPONSE_CHANNEL_PROP_NAME, ctx.snapshotResponseChannel()),
            config.intValue(SNAPSHOT_RESPONSE_STREAM_ID_PROP_NAME, ctx.snapshotResponseStreamId()));
        ctx.symbols(config.value(SYMBOLS_PROP_NAME, ctx.symbols(), FeedClientConfiguration::parseSymbols,
            "comma-separated symbols, e.g. AAPL,MSFT"));
        ctx.conflate(config.bool(CONFLATE_PROP_NAME, ctx.conflate()));
        ctx.fragmentLimit(config.intAtLeast(FRAGMENT_LIMIT_PROP_NAME, ctx.fragmentLimit, 1));
        ctx.recoveryBufferCapacity(config.intAtLeast(RECOVERY_BUFFER_CAPACITY_PROP_NAME,
            ctx.recoveryBufferCapacity, 1024));
        ctx.snapshotTimeoutNs(config.longAtLeast(SNAPSHOT_TIMEOUT_PROP_NAME, ctx.snapshotTimeoutNs, 1));
        ctx.silenceTimeoutNs(config.longAtLeast(SILENCE_TIMEOUT_PROP_NAME, ctx.silenceTimeoutNs(), 0));
        if (config.has(IDLE_STRATEGY_PROP_NAME))
        {
            ctx.idleStrategy(config.value(IDLE_STRATEGY_PROP_NAME, null, IdleStrategies::parse,
                IdleStrategies.NAMES).get());
        }
    }
}
