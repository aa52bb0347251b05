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
package io.tickwire.agent;

import io.aeron.CommonContext;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

/**
 * The one place a Tickwire process configures a media driver that runs inside it (the feed handler, the demo, a
 * subscriber or gateway started without an external driver).
 * <p>
 * The driver's threads follow the process's {@link ThreadingProfile}: {@code COMPACT} runs the conductor, sender
 * and receiver on one shared thread that backs off when idle, so it never competes with the process's own agents
 * for a core; {@code DEDICATED} gives each its own thread and lets the sender spin, for machines with cores to
 * spare. An embedded driver's directory belongs to the process: it is deleted on start (a stale one from a crash)
 * and on shutdown.
 */
public final class EmbeddedDriver
{
    private EmbeddedDriver()
    {
    }

    /**
     * A driver context for the given profile; callers add their buffer and window settings before launching.
     *
     * @param profile            threading of the driver's agents.
     * @param aeronDirectoryName directory of the driver, or null for a fresh random one.
     * @param compactIdle        idle strategy of the shared thread in the compact profile.
     * @return a context ready to launch.
     */
    public static MediaDriver.Context context(
        final ThreadingProfile profile, final String aeronDirectoryName, final IdleStrategy compactIdle)
    {
        final MediaDriver.Context ctx = new MediaDriver.Context()
            .aeronDirectoryName(null != aeronDirectoryName ? aeronDirectoryName : CommonContext.generateRandomDirName())
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true);
        if (ThreadingProfile.DEDICATED == profile)
        {
            ctx.threadingMode(ThreadingMode.DEDICATED)
                .senderIdleStrategy(new BusySpinIdleStrategy())
                .receiverIdleStrategy(new BackoffIdleStrategy())
                .conductorIdleStrategy(new BackoffIdleStrategy());
        }
        else
        {
            ctx.threadingMode(ThreadingMode.SHARED).sharedIdleStrategy(compactIdle);
        }

        return ctx;
    }

    /**
     * Launch a compact driver (one shared, backing-off thread) for a process whose own work is elsewhere: the
     * demo, a subscriber, the gateway's market data.
     *
     * @param aeronDirectoryName directory of the driver, or null for a fresh random one.
     * @return the running driver; close it to stop it and delete its directory.
     */
    public static MediaDriver launchCompact(final String aeronDirectoryName)
    {
        return MediaDriver.launchEmbedded(
            context(ThreadingProfile.COMPACT, aeronDirectoryName, new BackoffIdleStrategy()));
    }
}
