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
package io.tickwire.fix.cluster;

import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.tickwire.feed.client.FeedClientContext;
import org.agrona.concurrent.BackoffIdleStrategy;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The subscriber side of the cluster's market data in tests: a media driver of its own, as a separate host's would
 * be, and a feed client context on the streams the tests publish on (2001, snapshot requests 2002, responses 2003).
 */
public final class ClusterFeedTestSupport
{
    private ClusterFeedTestSupport()
    {
    }

    /**
     * @param dir test directory; the driver's directory is {@code feed-aeron} in it.
     * @return an embedded driver on a shared, backing-off thread.
     */
    public static MediaDriver launchFeedDriver(final Path dir)
    {
        return MediaDriver.launchEmbedded(new MediaDriver.Context()
            .aeronDirectoryName(dir.resolve("feed-aeron").toString())
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new BackoffIdleStrategy())
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
    }

    /**
     * @param driver          from {@link #launchFeedDriver(Path)}.
     * @param feedChannel     the market data channel (stream 2001).
     * @param requestChannel  the snapshot request channel (stream 2002).
     * @param responseChannel the snapshot response channel (stream 2003).
     * @return a context that recovers by snapshot within 500 ms and does not time out on silence.
     */
    public static FeedClientContext feedContext(
        final MediaDriver driver, final String feedChannel, final String requestChannel, final String responseChannel)
    {
        return new FeedClientContext()
            .aeronDirectoryName(driver.aeronDirectoryName())
            .channel(feedChannel).streamId(2001)
            .snapshotRequest(requestChannel, 2002)
            .snapshotResponse(responseChannel, 2003)
            .snapshotTimeoutNs(TimeUnit.MILLISECONDS.toNanos(500))
            .silenceTimeoutNs(0);
    }
}
