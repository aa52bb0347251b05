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

import io.tickwire.agent.ThreadPlan;
import io.tickwire.agent.ThreadingProfile;
import io.tickwire.feed.config.ConfigFile;
import io.tickwire.feed.config.IdleStrategies;
import org.agrona.BitUtil;

import java.io.File;

import static io.tickwire.feed.FeedConfiguration.AERON_DIR_PROP_NAME;
import static io.tickwire.feed.FeedConfiguration.CHANNEL_PROP_NAME;
import static io.tickwire.feed.FeedConfiguration.COMPACT_IDLE_STRATEGY_PROP_NAME;
import static io.tickwire.feed.FeedConfiguration.CPUS_PROP_NAME;
import static io.tickwire.feed.FeedConfiguration.DEDICATED_IDLE_STRATEGY_PROP_NAME;
import static io.tickwire.feed.FeedConfiguration.HEARTBEAT_INTERVAL_PROP_NAME;
import static io.tickwire.feed.FeedConfiguration.INGEST_BATCH_PROP_NAME;
import static io.tickwire.feed.FeedConfiguration.MALFORMED_REPORT_LIMIT_PROP_NAME;
import static io.tickwire.feed.FeedConfiguration.MAX_MESSAGE_LENGTH_PROP_NAME;
import static io.tickwire.feed.FeedConfiguration.PROFILE_PROP_NAME;
import static io.tickwire.feed.FeedConfiguration.PUBLISH_BATCH_PROP_NAME;
import static io.tickwire.feed.FeedConfiguration.RATE_PROP_NAME;
import static io.tickwire.feed.FeedConfiguration.RECEIVER_WINDOW_LENGTH_PROP_NAME;
import static io.tickwire.feed.FeedConfiguration.RECORD_DIR_PROP_NAME;
import static io.tickwire.feed.FeedConfiguration.RING_CAPACITY_PROP_NAME;
import static io.tickwire.feed.FeedConfiguration.SNAPSHOTS_PROP_NAME;
import static io.tickwire.feed.FeedConfiguration.SNAPSHOT_IDLE_STRATEGY_PROP_NAME;
import static io.tickwire.feed.FeedConfiguration.SNAPSHOT_REQUEST_CHANNEL_PROP_NAME;
import static io.tickwire.feed.FeedConfiguration.SNAPSHOT_REQUEST_STREAM_ID_PROP_NAME;
import static io.tickwire.feed.FeedConfiguration.SNAPSHOT_RESPONSE_CHANNEL_PROP_NAME;
import static io.tickwire.feed.FeedConfiguration.SNAPSHOT_RESPONSE_STREAM_ID_PROP_NAME;
import static io.tickwire.feed.FeedConfiguration.SOCKET_BUFFER_LENGTH_PROP_NAME;
import static io.tickwire.feed.FeedConfiguration.STREAM_ID_PROP_NAME;
import static io.tickwire.feed.FeedConfiguration.TERM_LENGTH_PROP_NAME;

/**
 * Applies the feed handler's keys of a configuration file ({@code tickwire.feed.*}, the names of
 * {@link FeedConfiguration}'s system properties) to a {@link FeedHandlerContext}. Each value is checked as it is
 * read, so an error names the key and the value rather than surfacing later in {@code conclude()}. The caller
 * reads any keys of its own from the same file, then calls {@link ConfigFile#rejectUnread()}.
 */
public final class FeedHandlerProperties
{
    private FeedHandlerProperties()
    {
    }

    /**
     * Apply every key of the file that configures a {@link FeedHandlerContext}.
     *
     * @param config the file.
     * @param ctx    to configure; keys the file does not set keep their value.
     * @return the context.
     * @throws io.tickwire.feed.config.ConfigException naming file, key and value for a value that does not parse.
     */
    public static FeedHandlerContext apply(final ConfigFile config, final FeedHandlerContext ctx)
    {
        ctx.channel(config.channel(CHANNEL_PROP_NAME, ctx.channel));
        ctx.streamId(config.intValue(STREAM_ID_PROP_NAME, ctx.streamId));
        ctx.aeronDirectoryName(config.string(AERON_DIR_PROP_NAME, ctx.aeronDirectoryName));
        ctx.threadingProfile(config.value(PROFILE_PROP_NAME, ctx.threadingProfile, ThreadingProfile::parse,
            "compact or dedicated"));
        ctx.cpus(config.value(CPUS_PROP_NAME, ctx.cpus, ThreadPlan::parseCpus, "CPU numbers, e.g. 2,3 or 2-4"));
        ctx.compactIdleStrategySupplier(config.value(COMPACT_IDLE_STRATEGY_PROP_NAME,
            ctx.compactIdleStrategySupplier, IdleStrategies::parse, IdleStrategies.NAMES));
        ctx.dedicatedIdleStrategySupplier(config.value(DEDICATED_IDLE_STRATEGY_PROP_NAME,
            ctx.dedicatedIdleStrategySupplier, IdleStrategies::parse, IdleStrategies.NAMES));
        ctx.snapshotIdleStrategySupplier(config.value(SNAPSHOT_IDLE_STRATEGY_PROP_NAME,
            ctx.snapshotIdleStrategySupplier, IdleStrategies::parse, IdleStrategies.NAMES));
        ctx.ratePerSecond(config.longAtLeast(RATE_PROP_NAME, ctx.ratePerSecond, 0));
        ctx.recordingDir(config.value(RECORD_DIR_PROP_NAME, ctx.recordingDir, File::new, "a directory"));

        final int ringCapacity = config.intValue(RING_CAPACITY_PROP_NAME, ctx.ringCapacity);
        if (!BitUtil.isPowerOfTwo(ringCapacity))
        {
            throw config.badValue(RING_CAPACITY_PROP_NAME, "a power of two, in bytes");
        }
        ctx.ringCapacity(ringCapacity);
        ctx.ingestBatch((int)config.longAtLeast(INGEST_BATCH_PROP_NAME, ctx.ingestBatch, 1));
        ctx.publishBatch((int)config.longAtLeast(PUBLISH_BATCH_PROP_NAME, ctx.publishBatch, 1));
        ctx.maxMessageLength((int)config.longAtLeast(MAX_MESSAGE_LENGTH_PROP_NAME, ctx.maxMessageLength, 1));
        ctx.heartbeatIntervalNs(config.longAtLeast(HEARTBEAT_INTERVAL_PROP_NAME, ctx.heartbeatIntervalNs, 0));
        ctx.termLength(config.intValue(TERM_LENGTH_PROP_NAME, ctx.termLength));
        ctx.socketBufferLength((int)config.longAtLeast(SOCKET_BUFFER_LENGTH_PROP_NAME, ctx.socketBufferLength, 0));
        ctx.receiverWindowLength(
            (int)config.longAtLeast(RECEIVER_WINDOW_LENGTH_PROP_NAME, ctx.receiverWindowLength, 1));
        ctx.malformedReportLimit(
            (int)config.longAtLeast(MALFORMED_REPORT_LIMIT_PROP_NAME, ctx.malformedReportLimit, 0));

        ctx.snapshots(config.bool(SNAPSHOTS_PROP_NAME, ctx.snapshots));
        ctx.snapshotRequest(
            config.channel(SNAPSHOT_REQUEST_CHANNEL_PROP_NAME, ctx.snapshotRequestChannel),
            config.intValue(SNAPSHOT_REQUEST_STREAM_ID_PROP_NAME, ctx.snapshotRequestStreamId));
        ctx.snapshotResponse(
            config.channel(SNAPSHOT_RESPONSE_CHANNEL_PROP_NAME, ctx.snapshotResponseChannel),
            config.intValue(SNAPSHOT_RESPONSE_STREAM_ID_PROP_NAME, ctx.snapshotResponseStreamId));
        return ctx;
    }
}
