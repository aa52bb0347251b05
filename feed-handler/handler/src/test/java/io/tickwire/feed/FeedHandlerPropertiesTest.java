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

import io.tickwire.feed.config.ConfigException;
import io.tickwire.feed.config.ConfigFile;
import io.tickwire.feed.config.ShippedConfig;
import io.tickwire.feed.ingest.itch.ItchNormaliser;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feed handler's keys of the shipped {@code config/feed-handler.properties} applied by
 * {@link FeedHandlerProperties}: the file states the built-in defaults, file beats system property, bad values are
 * rejected naming key, value and the form expected.
 */
@Timeout(30)
class FeedHandlerPropertiesTest
{
    @TempDir
    Path dir;

    @Test
    void shouldApplyTheShippedFileAsTheBuiltInDefaults()
    {
        final FeedHandlerContext ctx = FeedHandlerProperties.apply(
            ConfigFile.load(ShippedConfig.file("feed-handler.properties")), new FeedHandlerContext());

        assertEquals(FeedConfiguration.CHANNEL_DEFAULT, ctx.channel);
        assertEquals(FeedConfiguration.STREAM_ID_DEFAULT, ctx.streamId);
        assertEquals(FeedConfiguration.HEARTBEAT_INTERVAL_DEFAULT_NS, ctx.heartbeatIntervalNs);
        assertNull(ctx.aeronDirectoryName);
        assertNull(ctx.threadingProfile);
        assertArrayEquals(new int[0], ctx.cpus);
        assertEquals(FeedConfiguration.TERM_LENGTH_DEFAULT, ctx.termLength);
        assertEquals(FeedConfiguration.SOCKET_BUFFER_LENGTH_DEFAULT, ctx.socketBufferLength);
        assertEquals(FeedConfiguration.RECEIVER_WINDOW_LENGTH_DEFAULT, ctx.receiverWindowLength);
        assertNull(ctx.recordingDir);
        assertInstanceOf(BackoffIdleStrategy.class, ctx.compactIdleStrategySupplier.get());
        assertInstanceOf(BusySpinIdleStrategy.class, ctx.dedicatedIdleStrategySupplier.get());
        assertInstanceOf(BackoffIdleStrategy.class, ctx.snapshotIdleStrategySupplier.get());
        assertEquals(FeedConfiguration.RING_CAPACITY_DEFAULT, ctx.ringCapacity);
        assertEquals(FeedConfiguration.INGEST_BATCH_DEFAULT, ctx.ingestBatch);
        assertEquals(FeedConfiguration.PUBLISH_BATCH_DEFAULT, ctx.publishBatch);
        assertEquals(ItchNormaliser.MAX_ENCODED_LENGTH, ctx.maxMessageLength);
        assertEquals(0, ctx.ratePerSecond);
        assertEquals(FeedConfiguration.MALFORMED_REPORT_LIMIT_DEFAULT, ctx.malformedReportLimit);
        assertTrue(ctx.snapshots);
        assertEquals(FeedConfiguration.SNAPSHOT_REQUEST_CHANNEL_DEFAULT, ctx.snapshotRequestChannel);
        assertEquals(FeedConfiguration.SNAPSHOT_REQUEST_STREAM_ID_DEFAULT, ctx.snapshotRequestStreamId);
        assertEquals(FeedConfiguration.SNAPSHOT_RESPONSE_CHANNEL_DEFAULT, ctx.snapshotResponseChannel);
        assertEquals(FeedConfiguration.SNAPSHOT_RESPONSE_STREAM_ID_DEFAULT, ctx.snapshotResponseStreamId);
    }

    @Test
    void shouldTakeTheFileOverTheSystemPropertyAndTheSystemPropertyOverTheDefault() throws IOException
    {
        final Path file = write("tickwire.feed.stream.id=7", "tickwire.feed.profile=dedicated",
            "tickwire.feed.cpus=1-2", "tickwire.feed.dedicated.idle.strategy=sleep", "tickwire.feed.snapshots=false");
        System.setProperty(FeedConfiguration.STREAM_ID_PROP_NAME, "5");
        System.setProperty(FeedConfiguration.INGEST_BATCH_PROP_NAME, "17");
        try
        {
            final FeedHandlerContext ctx = FeedHandlerProperties.apply(ConfigFile.load(file), new FeedHandlerContext());

            assertEquals(7, ctx.streamId);
            assertEquals(17, ctx.ingestBatch);
            assertEquals(FeedConfiguration.CHANNEL_DEFAULT, ctx.channel);
            assertEquals(io.tickwire.agent.ThreadingProfile.DEDICATED, ctx.threadingProfile);
            assertArrayEquals(new int[] {1, 2}, ctx.cpus);
            assertInstanceOf(SleepingMillisIdleStrategy.class, ctx.dedicatedIdleStrategySupplier.get());
            assertEquals(false, ctx.snapshots);
        }
        finally
        {
            System.clearProperty(FeedConfiguration.STREAM_ID_PROP_NAME);
            System.clearProperty(FeedConfiguration.INGEST_BATCH_PROP_NAME);
        }
    }

    @Test
    void shouldRejectABadValueNamingKeyValueAndExpectedForm() throws IOException
    {
        assertBadValue("tickwire.feed.ring.capacity=1000000",
            "bad value for tickwire.feed.ring.capacity: '1000000', expected a power of two, in bytes");
        assertBadValue("tickwire.feed.profile=fast",
            "bad value for tickwire.feed.profile: 'fast', expected compact or dedicated");
        assertBadValue("tickwire.feed.cpus=two",
            "bad value for tickwire.feed.cpus: 'two', expected CPU numbers, e.g. 2,3 or 2-4");
        assertBadValue("tickwire.feed.compact.idle.strategy=spin",
            "bad value for tickwire.feed.compact.idle.strategy: 'spin', expected backoff, yield, busy-spin or sleep");
        assertBadValue("tickwire.feed.publish.batch=0",
            "bad value for tickwire.feed.publish.batch: '0', expected an integer >= 1");
        assertBadValue("tickwire.feed.heartbeat.interval.ns=250ms",
            "bad value for tickwire.feed.heartbeat.interval.ns: '250ms', expected an integer");
        assertBadValue("tickwire.feed.snapshots=no",
            "bad value for tickwire.feed.snapshots: 'no', expected true or false");
    }

    private void assertBadValue(final String line, final String message) throws IOException
    {
        final Path file = write(line);
        final ConfigException ex = assertThrows(ConfigException.class,
            () -> FeedHandlerProperties.apply(ConfigFile.load(file), new FeedHandlerContext()));
        assertEquals(file + ": " + message, ex.getMessage());
    }

    private Path write(final String... lines) throws IOException
    {
        final Path file = Files.createTempFile(dir, "handler", ".properties");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }
}
