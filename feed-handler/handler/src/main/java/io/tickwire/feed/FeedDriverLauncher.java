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

import io.aeron.Aeron;
import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.ArchivingMediaDriver;
import io.aeron.archive.client.AeronArchive;
import io.aeron.archive.codecs.SourceLocation;
import io.aeron.driver.MediaDriver;
import io.tickwire.agent.EmbeddedDriver;
import io.tickwire.agent.ThreadPlan;
import io.tickwire.agent.ThreadingProfile;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.BackoffIdleStrategy;

/**
 * Launches the media driver a {@link FeedHandler} embeds, with the driver context from {@link EmbeddedDriver}
 * tuned for publishing: a plain {@link MediaDriver}, or an {@link ArchivingMediaDriver} when the published stream
 * is recorded, and starts that recording once the feed handler's client is connected.
 */
final class FeedDriverLauncher
{
    private FeedDriverLauncher()
    {
    }

    /**
     * Launch the embedded driver in the concluded context's (random) Aeron directory, threaded to match the
     * profile the agents will run.
     *
     * @param ctx          concluded configuration.
     * @param errorHandler for the driver's and the archive's errors.
     * @return the driver, to close after the Aeron client.
     */
    static AutoCloseable launch(final FeedHandlerContext ctx, final ErrorHandler errorHandler)
    {
        final boolean dedicated = ThreadingProfile.DEDICATED == ThreadPlan.chooseProfile(
            ctx.threadingProfile, ctx.availableProcessors, ctx.sources.size() + 1, true);
        final MediaDriver.Context driverCtx = EmbeddedDriver.context(
            dedicated ? ThreadingProfile.DEDICATED : ThreadingProfile.COMPACT,
            ctx.aeronDirectoryName,
            ctx.compactIdleStrategySupplier.get())
            .publicationTermBufferLength(ctx.termLength)
            .socketSndbufLength(ctx.socketBufferLength)
            .socketRcvbufLength(ctx.socketBufferLength)
            .initialWindowLength(ctx.receiverWindowLength)
            .errorHandler(errorHandler);

        if (null == ctx.recordingDir)
        {
            return MediaDriver.launch(driverCtx);
        }

        // The archive records through a spy: let it count as a subscriber so recording alone drains the rings.
        driverCtx.spiesSimulateConnection(true);
        return ArchivingMediaDriver.launch(driverCtx, new Archive.Context()
            .aeronDirectoryName(ctx.aeronDirectoryName)
            .archiveDir(ctx.recordingDir)
            .controlChannelEnabled(false)
            .replicationChannel("aeron:udp?endpoint=localhost:0")
            // Used only for replication from another archive, which we never do; required nonetheless.
            .archiveClientContext(new AeronArchive.Context()
                .controlResponseChannel("aeron:udp?endpoint=localhost:0"))
            .threadingMode(dedicated ? ArchiveThreadingMode.DEDICATED : ArchiveThreadingMode.SHARED)
            .idleStrategySupplier(BackoffIdleStrategy::new)
            .errorHandler(errorHandler));
    }

    /**
     * Record the published stream in the embedded archive, which is reached over the driver's local control
     * channel since its network control channel is off.
     *
     * @param aeron connected to the archiving driver.
     * @param ctx   concluded configuration with a recording directory.
     * @return the archive client, to close before the Aeron client.
     */
    static AeronArchive startRecording(final Aeron aeron, final FeedHandlerContext ctx)
    {
        final AeronArchive archive = AeronArchive.connect(new AeronArchive.Context()
            .aeron(aeron)
            .controlRequestChannel(AeronArchive.Configuration.localControlChannel())
            .controlRequestStreamId(AeronArchive.Configuration.localControlStreamId())
            .controlResponseChannel(AeronArchive.Configuration.localControlChannel()));
        try
        {
            archive.startRecording(ctx.channel, ctx.streamId, SourceLocation.LOCAL);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(archive);
            throw ex;
        }
        return archive;
    }
}
