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
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Channels no other concurrent test run uses: a random multicast group and a free UDP port on loopback.
 */
final class TestChannels
{
    private TestChannels()
    {
    }

    static String randomMulticastChannel()
    {
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        // Aeron sends data to an odd group address and control to the next (even) one.
        return "aeron:udp?endpoint=239.255." + random.nextInt(1, 255) + "." + (random.nextInt(0, 127) * 2 + 1) + ":" +
            freeUdpPort() + "|interface=127.0.0.1|ttl=0";
    }

    static int freeUdpPort()
    {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
