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

import java.io.IOException;
import java.net.DatagramSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Channels no other concurrent test run uses: a random multicast group and a free UDP port on loopback.
 */
public final class TestChannels
{
    private TestChannels()
    {
    }

    /**
     * A multicast channel on loopback with a random group and a free port.
     *
     * @return the Aeron URI.
     */
    public static String randomMulticastChannel()
    {
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        // Aeron sends data to an odd group address and control to the next (even) one.
        return "aeron:udp?endpoint=239.255." + random.nextInt(1, 255) + "." + (random.nextInt(0, 127) * 2 + 1) + ":" +
            freeUdpPort() + "|interface=127.0.0.1|ttl=0";
    }

    /**
     * A unicast channel on loopback with a free port.
     *
     * @return the Aeron URI.
     */
    public static String randomUnicastChannel()
    {
        return "aeron:udp?endpoint=127.0.0.1:" + freeUdpPort();
    }

    /**
     * A UDP port that is free now and outside the kernel's ephemeral range (32768 and up), so that no socket bound to
     * port 0 elsewhere (Aeron's own, another test's, another process's) can be handed the same port before we use it.
     *
     * @return the port.
     */
    public static int freeUdpPort()
    {
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 1000; attempt++)
        {
            final int port = random.nextInt(20_000, 32_000);
            try (DatagramSocket socket = new DatagramSocket(port))
            {
                return socket.getLocalPort();
            }
            catch (final IOException ignore)
            {
                // taken: try another
            }
        }

        throw new IllegalStateException("no free UDP port in 20000-32000");
    }
}
