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
package io.tickwire.feed.ingest.moldudp64;

import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Objects;

/**
 * MoldUDP64 downstream publisher: takes messages, stores each in a {@link MoldUdp64MessageStore} under the next
 * sequence number, and sends them packed into downstream packets to a unicast or multicast destination,
 * with heartbeats when idle and an end-of-session packet at the end.
 * <p>
 * Duty-cycle driven, no thread of its own: {@link #offer(DirectBuffer, int, int)} only stores; {@link #doWork()}
 * sends what is stored and not yet sent (a bounded number of packets per call) and the heartbeats. A packet the
 * socket cannot take now stays unsent and is tried again on the next call.
 */
public final class MoldUdp64Server implements AutoCloseable
{
    private final Context ctx;
    private final DatagramChannel channel;
    private final ByteBuffer sendByteBuffer;
    private final MoldUdp64DownstreamPacket packet;
    private final MoldUdp64MessageStore store;
    private final NanoClock clock;
    private final MoldUdp64PacketFilter filter;
    private long nextToSend = 1;
    private long lastSendNs;
    private boolean endOfSession;

    private long packetsSent;
    private long messagesSent;
    private long bytesSent;
    private long packetsDropped;
    private long heartbeatsSent;
    private long endOfSessionPacketsSent;
    private long sendBackPressure;

    /**
     * Open the socket and start the session.
     *
     * @param ctx configuration; concluded here.
     * @throws UncheckedIOException if the socket cannot be opened.
     */
    public MoldUdp64Server(final Context ctx)
    {
        this.ctx = ctx.conclude();
        store = ctx.store();
        clock = ctx.clock();
        filter = ctx.packetFilter();
        sendByteBuffer = ByteBuffer.allocateDirect(
            Math.max(ctx.maxPayloadLength(), MoldUdp64Packet.MAX_BUILT_PACKET_LENGTH));
        packet = new MoldUdp64DownstreamPacket(
            new UnsafeBuffer(sendByteBuffer),
            MoldUdp64Packet.sessionBuffer(ctx.session()),
            ctx.maxPayloadLength(),
            ctx.maxMessagesPerPacket());

        DatagramChannel channel = null;
        try
        {
            channel = DatagramChannel.open(StandardProtocolFamily.INET);
            channel.bind(ctx.localAddress());
            if (ctx.destination().getAddress().isMulticastAddress())
            {
                channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, ctx.multicastInterface());
                channel.setOption(StandardSocketOptions.IP_MULTICAST_TTL, ctx.ttl());
                channel.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
            }
            channel.configureBlocking(false);
        }
        catch (final IOException ex)
        {
            CloseHelper.quietClose(channel);
            throw new UncheckedIOException("cannot open MoldUDP64 server socket for " + ctx.destination(), ex);
        }
        this.channel = channel;
        lastSendNs = clock.nanoTime();
    }

    /**
     * Store the next message of the session; {@link #doWork()} sends it.
     *
     * @param buffer holding the message.
     * @param offset of the message.
     * @param length of the message.
     * @return the sequence number given to the message.
     * @throws IllegalStateException after {@link #endSession()}.
     */
    public long offer(final DirectBuffer buffer, final int offset, final int length)
    {
        if (endOfSession)
        {
            throw new IllegalStateException("session " + ctx.session() + " has ended");
        }
        return store.append(buffer, offset, length);
    }

    /**
     * End the session: once every stored message is sent, the end-of-session packet goes out, and then again
     * every heartbeat interval in place of heartbeats.
     */
    public void endSession()
    {
        endOfSession = true;
    }

    /**
     * Send stored messages not yet sent (at most the configured packets per call), else a heartbeat or
     * end-of-session packet when due.
     *
     * @return the number of packets sent or dropped by the filter.
     * @throws UncheckedIOException on a socket error.
     */
    public int doWork()
    {
        int work = 0;
        final long lastStored = store.lastSequence();
        while (nextToSend <= lastStored && work < ctx.maxPacketsPerDutyCycle())
        {
            final int count = packet.buildMessages(store, nextToSend, lastStored);
            if (filter.shouldSend(nextToSend, count))
            {
                if (!send())
                {
                    break;
                }
                messagesSent += count;
            }
            else
            {
                packetsDropped++;
            }
            nextToSend += count;
            work++;
        }

        if (nextToSend > lastStored)
        {
            final long nowNs = clock.nanoTime();
            final boolean endOfSessionDue = endOfSession && endOfSessionPacketsSent == 0;
            if (endOfSessionDue || nowNs - lastSendNs >= ctx.heartbeatIntervalNs())
            {
                packet.buildControl(
                    nextToSend, endOfSession ? MoldUdp64Packet.END_OF_SESSION : MoldUdp64Packet.HEARTBEAT);
                if (send())
                {
                    if (endOfSession)
                    {
                        endOfSessionPacketsSent++;
                    }
                    else
                    {
                        heartbeatsSent++;
                    }
                    work++;
                }
            }
        }

        return work;
    }

    private boolean send()
    {
        sendByteBuffer.clear().limit(packet.length());
        try
        {
            if (channel.send(sendByteBuffer, ctx.destination()) == 0)
            {
                sendBackPressure++;
                return false;
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("MoldUDP64 send to " + ctx.destination() + " failed", ex);
        }
        packetsSent++;
        bytesSent += packet.length();
        lastSendNs = clock.nanoTime();
        return true;
    }

    /**
     * The store of every message of the session, to share with a {@link MoldUdp64RequestServer}.
     *
     * @return the store.
     */
    public MoldUdp64MessageStore store()
    {
        return store;
    }

    /**
     * Session name.
     *
     * @return the session name as configured (without padding).
     */
    public String session()
    {
        return ctx.session();
    }

    /**
     * Has every stored message been sent (or dropped by the filter)?
     *
     * @return true when nothing is waiting to be sent.
     */
    public boolean isCaughtUp()
    {
        return nextToSend > store.lastSequence();
    }

    /**
     * Sequence number the next packet will start with.
     *
     * @return the next sequence to send.
     */
    public long nextSequence()
    {
        return nextToSend;
    }

    /**
     * @return packets sent (messages, heartbeats and end of session).
     */
    public long packetsSent()
    {
        return packetsSent;
    }

    /**
     * @return messages sent in packets that went out.
     */
    public long messagesSent()
    {
        return messagesSent;
    }

    /**
     * @return bytes sent.
     */
    public long bytesSent()
    {
        return bytesSent;
    }

    /**
     * @return packets the filter dropped.
     */
    public long packetsDropped()
    {
        return packetsDropped;
    }

    /**
     * @return heartbeats sent.
     */
    public long heartbeatsSent()
    {
        return heartbeatsSent;
    }

    /**
     * @return end-of-session packets sent.
     */
    public long endOfSessionPacketsSent()
    {
        return endOfSessionPacketsSent;
    }

    /**
     * @return sends the socket refused for lack of buffer space (retried on the next duty cycle).
     */
    public long sendBackPressure()
    {
        return sendBackPressure;
    }

    /**
     * Close the socket.
     */
    public void close()
    {
        CloseHelper.quietClose(channel);
    }

    /**
     * Configuration of a {@link MoldUdp64Server}.
     */
    public static final class Context
    {
        private String session;
        private InetSocketAddress destination;
        private InetSocketAddress localAddress = new InetSocketAddress(0);
        private InetAddress interfaceAddress = InetAddress.getLoopbackAddress();
        private NetworkInterface multicastInterface;
        private int ttl = 1;
        private int maxPayloadLength = MoldUdp64Configuration.maxPayloadLength();
        private int maxMessagesPerPacket = MoldUdp64Configuration.maxMessagesPerPacket();
        private long heartbeatIntervalNs = MoldUdp64Configuration.heartbeatIntervalNs();
        private int maxPacketsPerDutyCycle = 16;
        private NanoClock clock = SystemNanoClock.INSTANCE;
        private MoldUdp64PacketFilter packetFilter = MoldUdp64PacketFilter.SEND_ALL;
        private MoldUdp64MessageStore store;

        /**
         * Check and fill in derived values.
         *
         * @return this.
         * @throws IllegalArgumentException or NullPointerException for a bad configuration.
         */
        public Context conclude()
        {
            MoldUdp64Packet.sessionBuffer(session);
            Objects.requireNonNull(destination, "destination");
            if (destination.isUnresolved())
            {
                throw new IllegalArgumentException("unresolved destination: " + destination);
            }
            if (heartbeatIntervalNs <= 0 || maxPacketsPerDutyCycle <= 0)
            {
                throw new IllegalArgumentException("heartbeatIntervalNs and maxPacketsPerDutyCycle must be positive");
            }
            if (destination.getAddress().isMulticastAddress() && null == multicastInterface)
            {
                try
                {
                    multicastInterface = NetworkInterface.getByInetAddress(interfaceAddress);
                }
                catch (final IOException ex)
                {
                    throw new UncheckedIOException(ex);
                }
                if (null == multicastInterface)
                {
                    throw new IllegalArgumentException("no network interface has address " + interfaceAddress);
                }
            }
            if (null == store)
            {
                store = new MoldUdp64MessageStore();
            }
            return this;
        }

        /**
         * @param session name, 1 to 10 printable ASCII characters.
         * @return this.
         */
        public Context session(final String session)
        {
            this.session = session;
            return this;
        }

        /**
         * @return session name.
         */
        public String session()
        {
            return session;
        }

        /**
         * @param destination unicast or multicast address and port the packets go to.
         * @return this.
         */
        public Context destination(final InetSocketAddress destination)
        {
            this.destination = destination;
            return this;
        }

        /**
         * @return destination of the packets.
         */
        public InetSocketAddress destination()
        {
            return destination;
        }

        /**
         * @param localAddress to bind the sending socket to; default any address, ephemeral port.
         * @return this.
         */
        public Context localAddress(final InetSocketAddress localAddress)
        {
            this.localAddress = localAddress;
            return this;
        }

        /**
         * @return address the sending socket binds to.
         */
        public InetSocketAddress localAddress()
        {
            return localAddress;
        }

        /**
         * @param interfaceAddress address of the interface multicast goes out on; default loopback.
         * @return this.
         */
        public Context interfaceAddress(final InetAddress interfaceAddress)
        {
            this.interfaceAddress = interfaceAddress;
            return this;
        }

        /**
         * @return the multicast interface, set by {@link #conclude()} for a multicast destination.
         */
        public NetworkInterface multicastInterface()
        {
            return multicastInterface;
        }

        /**
         * @param ttl multicast time to live; 0 keeps packets on this host.
         * @return this.
         */
        public Context ttl(final int ttl)
        {
            this.ttl = ttl;
            return this;
        }

        /**
         * @return multicast time to live.
         */
        public int ttl()
        {
            return ttl;
        }

        /**
         * @param maxPayloadLength largest packet built when it holds more than one message.
         * @return this.
         */
        public Context maxPayloadLength(final int maxPayloadLength)
        {
            this.maxPayloadLength = maxPayloadLength;
            return this;
        }

        /**
         * @return largest packet length.
         */
        public int maxPayloadLength()
        {
            return maxPayloadLength;
        }

        /**
         * @param maxMessagesPerPacket largest message count per packet.
         * @return this.
         */
        public Context maxMessagesPerPacket(final int maxMessagesPerPacket)
        {
            this.maxMessagesPerPacket = maxMessagesPerPacket;
            return this;
        }

        /**
         * @return largest message count per packet.
         */
        public int maxMessagesPerPacket()
        {
            return maxMessagesPerPacket;
        }

        /**
         * @param heartbeatIntervalNs idle time after which a heartbeat is sent.
         * @return this.
         */
        public Context heartbeatIntervalNs(final long heartbeatIntervalNs)
        {
            this.heartbeatIntervalNs = heartbeatIntervalNs;
            return this;
        }

        /**
         * @return heartbeat interval in nanoseconds.
         */
        public long heartbeatIntervalNs()
        {
            return heartbeatIntervalNs;
        }

        /**
         * @param maxPacketsPerDutyCycle most packets one {@link #doWork()} sends, to bound a duty cycle.
         * @return this.
         */
        public Context maxPacketsPerDutyCycle(final int maxPacketsPerDutyCycle)
        {
            this.maxPacketsPerDutyCycle = maxPacketsPerDutyCycle;
            return this;
        }

        /**
         * @return most packets per duty cycle.
         */
        public int maxPacketsPerDutyCycle()
        {
            return maxPacketsPerDutyCycle;
        }

        /**
         * @param clock for heartbeat timing; tests pass a clock they move.
         * @return this.
         */
        public Context clock(final NanoClock clock)
        {
            this.clock = clock;
            return this;
        }

        /**
         * @return the clock.
         */
        public NanoClock clock()
        {
            return clock;
        }

        /**
         * @param packetFilter deciding which message packets really go out; default all.
         * @return this.
         */
        public Context packetFilter(final MoldUdp64PacketFilter packetFilter)
        {
            this.packetFilter = packetFilter;
            return this;
        }

        /**
         * @return the packet filter.
         */
        public MoldUdp64PacketFilter packetFilter()
        {
            return packetFilter;
        }

        /**
         * @param store to keep the session's messages in; default a new one.
         * @return this.
         */
        public Context store(final MoldUdp64MessageStore store)
        {
            this.store = store;
            return this;
        }

        /**
         * @return the message store.
         */
        public MoldUdp64MessageStore store()
        {
            return store;
        }
    }
}
