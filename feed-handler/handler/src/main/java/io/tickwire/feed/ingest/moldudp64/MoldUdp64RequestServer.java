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
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Objects;

/**
 * MoldUDP64 request server: answers a client's request (session, first sequence, count) with downstream packets
 * of the stored messages, sent by unicast to the address the request came from.
 * <p>
 * A request for messages partly beyond the store is answered with the part that exists; one wholly beyond it,
 * for another session, of the wrong length, or with a sequence or count of 0 is counted and not answered.
 * Duty-cycle driven: {@link #doWork()} handles a bounded number of requests per call.
 */
public final class MoldUdp64RequestServer implements AutoCloseable
{
    private final Context ctx;
    private final DatagramChannel channel;
    private final ByteBuffer receiveByteBuffer = ByteBuffer.allocateDirect(MoldUdp64Packet.MAX_DATAGRAM_LENGTH);
    private final UnsafeBuffer receiveBuffer = new UnsafeBuffer(receiveByteBuffer);
    private final ByteBuffer sendByteBuffer;
    private final MoldUdp64DownstreamPacket packet;
    private final UnsafeBuffer session;
    private final MoldUdp64MessageStore store;

    private long requestsReceived;
    private long invalidRequests;
    private long requestsBeyondStore;
    private long packetsSent;
    private long messagesSent;
    private long sendsFailed;

    /**
     * Bind the request socket.
     *
     * @param ctx configuration; concluded here.
     * @throws UncheckedIOException if the socket cannot be bound.
     */
    public MoldUdp64RequestServer(final Context ctx)
    {
        this.ctx = ctx.conclude();
        store = ctx.store();
        session = MoldUdp64Packet.sessionBuffer(ctx.session());
        sendByteBuffer = ByteBuffer.allocateDirect(
            Math.max(ctx.maxPayloadLength(), MoldUdp64Packet.MAX_BUILT_PACKET_LENGTH));
        packet = new MoldUdp64DownstreamPacket(
            new UnsafeBuffer(sendByteBuffer), session, ctx.maxPayloadLength(), ctx.maxMessagesPerPacket());

        DatagramChannel channel = null;
        try
        {
            channel = DatagramChannel.open(StandardProtocolFamily.INET);
            channel.bind(ctx.bindAddress());
            channel.configureBlocking(false);
        }
        catch (final IOException ex)
        {
            CloseHelper.quietClose(channel);
            throw new UncheckedIOException("cannot bind MoldUDP64 request server to " + ctx.bindAddress(), ex);
        }
        this.channel = channel;
    }

    /**
     * Answer waiting requests, at most the configured number per call.
     *
     * @return the number of requests handled.
     * @throws UncheckedIOException on a socket error.
     */
    public int doWork()
    {
        int work = 0;
        try
        {
            while (work < ctx.maxRequestsPerDutyCycle())
            {
                receiveByteBuffer.clear();
                final SocketAddress requester = channel.receive(receiveByteBuffer);
                if (null == requester)
                {
                    break;
                }
                work++;
                onRequest(requester, receiveByteBuffer.position());
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("MoldUDP64 request server on " + ctx.bindAddress() + " failed", ex);
        }
        return work;
    }

    private void onRequest(final SocketAddress requester, final int length) throws IOException
    {
        requestsReceived++;
        if (length != MoldUdp64Packet.REQUEST_LENGTH || !MoldUdp64Packet.sessionEquals(receiveBuffer, 0, session))
        {
            invalidRequests++;
            return;
        }

        final long fromSequence = MoldUdp64Packet.sequence(receiveBuffer, 0);
        final int count = MoldUdp64Packet.messageCount(receiveBuffer, 0);
        if (fromSequence < 1 || count == 0)
        {
            invalidRequests++;
            return;
        }

        final long lastStored = store.lastSequence();
        if (fromSequence > lastStored)
        {
            requestsBeyondStore++;
            return;
        }

        final long toSequence = Math.min(
            lastStored, fromSequence + Math.min(count, ctx.maxMessagesPerRequest()) - 1);
        long sequence = fromSequence;
        while (sequence <= toSequence)
        {
            final int packed = packet.buildMessages(store, sequence, toSequence);
            sendByteBuffer.clear().limit(packet.length());
            if (channel.send(sendByteBuffer, requester) == 0)
            {
                // The client sees no progress and asks again after its timeout.
                sendsFailed++;
                return;
            }
            packetsSent++;
            messagesSent += packed;
            sequence += packed;
        }
    }

    /**
     * Address the request socket is bound to (with the real port when an ephemeral one was asked for).
     *
     * @return the local address.
     */
    public InetSocketAddress localAddress()
    {
        try
        {
            return (InetSocketAddress)channel.getLocalAddress();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @return requests received, valid or not.
     */
    public long requestsReceived()
    {
        return requestsReceived;
    }

    /**
     * @return requests ignored as invalid: wrong length, other session, sequence or count of 0.
     */
    public long invalidRequests()
    {
        return invalidRequests;
    }

    /**
     * @return requests ignored because they start after the last stored message.
     */
    public long requestsBeyondStore()
    {
        return requestsBeyondStore;
    }

    /**
     * @return downstream packets sent in answer.
     */
    public long packetsSent()
    {
        return packetsSent;
    }

    /**
     * @return messages sent in answer.
     */
    public long messagesSent()
    {
        return messagesSent;
    }

    /**
     * @return answers cut short because the socket had no buffer space.
     */
    public long sendsFailed()
    {
        return sendsFailed;
    }

    /**
     * Close the socket.
     */
    public void close()
    {
        CloseHelper.quietClose(channel);
    }

    /**
     * Configuration of a {@link MoldUdp64RequestServer}.
     */
    public static final class Context
    {
        private String session;
        private MoldUdp64MessageStore store;
        private InetSocketAddress bindAddress;
        private int maxPayloadLength = MoldUdp64Configuration.maxPayloadLength();
        private int maxMessagesPerPacket = MoldUdp64Configuration.maxMessagesPerPacket();
        private int maxMessagesPerRequest = MoldUdp64Packet.END_OF_SESSION;
        private int maxRequestsPerDutyCycle = 16;

        /**
         * Check the configuration.
         *
         * @return this.
         */
        public Context conclude()
        {
            MoldUdp64Packet.sessionBuffer(session);
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(bindAddress, "bindAddress");
            if (maxMessagesPerRequest < 1 || maxRequestsPerDutyCycle < 1)
            {
                throw new IllegalArgumentException(
                    "maxMessagesPerRequest and maxRequestsPerDutyCycle must be positive");
            }
            return this;
        }

        /**
         * @param session name served; requests for other sessions are invalid.
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
         * @param store of the session's messages, usually {@link MoldUdp64Server#store()}.
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

        /**
         * @param bindAddress address and port to receive requests on (port 0 for an ephemeral one).
         * @return this.
         */
        public Context bindAddress(final InetSocketAddress bindAddress)
        {
            this.bindAddress = bindAddress;
            return this;
        }

        /**
         * @return the bind address.
         */
        public InetSocketAddress bindAddress()
        {
            return bindAddress;
        }

        /**
         * @param maxPayloadLength largest answer packet when it holds more than one message.
         * @return this.
         */
        public Context maxPayloadLength(final int maxPayloadLength)
        {
            this.maxPayloadLength = maxPayloadLength;
            return this;
        }

        /**
         * @return largest answer packet.
         */
        public int maxPayloadLength()
        {
            return maxPayloadLength;
        }

        /**
         * @param maxMessagesPerPacket largest message count per answer packet.
         * @return this.
         */
        public Context maxMessagesPerPacket(final int maxMessagesPerPacket)
        {
            this.maxMessagesPerPacket = maxMessagesPerPacket;
            return this;
        }

        /**
         * @return largest message count per answer packet.
         */
        public int maxMessagesPerPacket()
        {
            return maxMessagesPerPacket;
        }

        /**
         * @param maxMessagesPerRequest most messages sent in answer to one request, whatever it asks for.
         * @return this.
         */
        public Context maxMessagesPerRequest(final int maxMessagesPerRequest)
        {
            this.maxMessagesPerRequest = maxMessagesPerRequest;
            return this;
        }

        /**
         * @return most messages per request.
         */
        public int maxMessagesPerRequest()
        {
            return maxMessagesPerRequest;
        }

        /**
         * @param maxRequestsPerDutyCycle most requests one {@link #doWork()} handles.
         * @return this.
         */
        public Context maxRequestsPerDutyCycle(final int maxRequestsPerDutyCycle)
        {
            this.maxRequestsPerDutyCycle = maxRequestsPerDutyCycle;
            return this;
        }

        /**
         * @return most requests per duty cycle.
         */
        public int maxRequestsPerDutyCycle()
        {
            return maxRequestsPerDutyCycle;
        }
    }
}
