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

import io.aeron.archive.client.AeronArchive;
import io.tickwire.agent.ThreadingProfile;
import io.tickwire.feed.ring.MessageNormaliser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FeedRecordingTest
{
    @TempDir
    Path recordingDir;

    @Test
    void shouldRecordEveryPublishedByteWithoutANetworkSubscriber() throws InterruptedException
    {
        final String channel = TestChannels.randomMulticastChannel();
        final long messageCount = 10_000;
        try (FeedHandler feed = new FeedHandler(new FeedHandlerContext()
            .addSource(FeedSource.replay("synthetic", listener -> new SyntheticItchSource(messageCount)))
            .normaliserFactory(
                (clock, listener, sourceName) -> MessageNormaliser.oneToOne(new AddOrderNormaliser(clock)))
            .channel(channel)
            .streamId(1001)
            .threadingProfile(ThreadingProfile.COMPACT)
            .heartbeatIntervalNs(0)
            .recordingDir(recordingDir.toFile())
            .snapshotRequest(TestChannels.randomUnicastChannel(), 1002)
            .snapshotResponse(TestChannels.randomMulticastChannel(), 1003)
            .errorStream(null))
            .start())
        {
            while (!feed.isComplete())
            {
                Thread.sleep(1);
            }
            final long publishedPosition = feed.counters().publisher().position().get();
            assertTrue(publishedPosition > 0);
            assertTrue(feed.banner().contains("recording  " + recordingDir.toFile().getAbsolutePath()),
                feed.banner());

            try (AeronArchive archive = AeronArchive.connect(new AeronArchive.Context()
                .aeronDirectoryName(feed.aeronDirectoryName())
                .controlRequestChannel(AeronArchive.Configuration.localControlChannel())
                .controlRequestStreamId(AeronArchive.Configuration.localControlStreamId())
                .controlResponseChannel(AeronArchive.Configuration.localControlChannel())))
            {
                final long recordingId = archive.findLastMatchingRecording(0, "endpoint=", 1001, feed.sessionId());
                assertNotEquals(-1, recordingId);
                while (archive.getRecordingPosition(recordingId) < publishedPosition)
                {
                    Thread.sleep(1);
                }
                assertEquals(publishedPosition, archive.getRecordingPosition(recordingId));
            }
            assertEquals(messageCount, feed.snapshot().published());
        }
    }
}
