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

import io.aeron.CommonContext;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.tickwire.feed.TestChannels;
import org.agrona.concurrent.BackoffIdleStrategy;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Media drivers and channels for tests: every driver has a directory of its own, every channel its own random
 * multicast group and a free port, so that concurrent builds never cross-talk.
 */
public final class TestMedia
{
    private TestMedia()
    {
    }

    /**
     * Driver context for tests: SHARED threading, back-off idle, small terms, own directory.
     *
     * @return a context to launch.
     */
    public static MediaDriver.Context driverContext()
    {
        return new MediaDriver.Context()
            .aeronDirectoryName(CommonContext.generateRandomDirName())
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new BackoffIdleStrategy(1, 10, 1_000, 100_000))
            .publicationTermBufferLength(4 * 1024 * 1024)
            .ipcTermBufferLength(4 * 1024 * 1024)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true);
    }

    /**
     * Launch a test driver.
     *
     * @return the driver.
     */
    public static MediaDriver launchDriver()
    {
        return MediaDriver.launch(driverContext());
    }

    /**
     * A free UDP port.
     *
     * @return the port.
     */
    public static int freePort()
    {
        return TestChannels.freeUdpPort();
    }

    /**
     * A multicast channel on loopback with a random group (odd last octet: Aeron uses the next address for control)
     * and a free port.
     *
     * @return the Aeron URI.
     */
    public static String multicastChannel()
    {
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        return "aeron:udp?endpoint=239.255." + (1 + random.nextInt(254)) + "." + (1 + 2 * random.nextInt(126)) + ":" +
            freePort() + "|interface=127.0.0.1|ttl=0";
    }

    /**
     * A unicast channel on loopback with a free port.
     *
     * @return the Aeron URI.
     */
    public static String unicastChannel()
    {
        return "aeron:udp?endpoint=127.0.0.1:" + freePort();
    }
}
