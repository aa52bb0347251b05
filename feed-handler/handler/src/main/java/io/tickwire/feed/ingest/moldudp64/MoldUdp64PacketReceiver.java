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

import io.tickwire.feed.ingest.MalformedReason;
import io.tickwire.feed.ingest.arbitration.LineArbiter;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * The sockets of a {@link MoldUdp64Client}: the downstream socket (unicast bind or multicast join), a second one
 * for the B line when one is configured, and, when a request server is configured, the socket requests go out on
 * and answers come back to. Takes one datagram at a time into a reused direct buffer and validates it, reporting
 * malformed packets, so the sequencer only ever sees well-formed ones. The two lines are read in turn, so a busy
 * line cannot keep the other one's copies (which may fill its holes) waiting in the socket.
 */
final class MoldUdp64PacketReceiver
{
    /** {@link #receive(boolean, long)} result: neither socket had a datagram. */
    static final int NO_DATAGRAM = Integer.MIN_VALUE;

    private final String name;
    private final MoldUdp64ClientCounters counters;
    private final DatagramChannel dataChannel;
    private final DatagramChannel lineBChannel;
    private final DatagramChannel requestChannel;
    private final ByteBuffer receiveByteBuffer = ByteBuffer.allocateDirect(MoldUdp64Packet.MAX_DATAGRAM_LENGTH);
    private final UnsafeBuffer receiveBuffer = new UnsafeBuffer(receiveByteBuffer);
    private int length;
    private boolean isAnswer;
    private int line;
    private int preferredLine;

    /**
     * Open the sockets.
     *
     * @param ctx      concluded configuration.
     * @param counters to count datagrams and report malformed ones.
     * @throws UncheckedIOException if a socket cannot be opened.
     */
    MoldUdp64PacketReceiver(final MoldUdp64ClientContext ctx, final MoldUdp64ClientCounters counters)
    {
        this.name = counters.name;
        this.counters = counters;

        DatagramChannel dataChannel = null;
        DatagramChannel lineBChannel = null;
        DatagramChannel requestChannel = null;
        try
        {
            dataChannel = openDataChannel(ctx, ctx.endpoint());
            if (null != ctx.lineB())
            {
                lineBChannel = openDataChannel(ctx, ctx.lineB());
            }

            if (null != ctx.requestServer())
            {
                requestChannel = DatagramChannel.open(StandardProtocolFamily.INET);
                requestChannel.setOption(StandardSocketOptions.SO_RCVBUF, ctx.socketRcvbuf());
                requestChannel.bind(new InetSocketAddress(0));
                requestChannel.configureBlocking(false);
            }
        }
        catch (final IOException ex)
        {
            CloseHelper.quietCloseAll(dataChannel, lineBChannel, requestChannel);
            throw new UncheckedIOException("cannot open MoldUDP64 client on " + ctx.endpoint(), ex);
        }
        this.dataChannel = dataChannel;
        this.lineBChannel = lineBChannel;
        this.requestChannel = requestChannel;
    }

    private static DatagramChannel openDataChannel(final MoldUdp64ClientContext ctx, final InetSocketAddress endpoint)
        throws IOException
    {
        final DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        try
        {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, ctx.socketRcvbuf());
            channel.bind(endpoint);
            if (endpoint.getAddress().isMulticastAddress())
            {
                channel.join(endpoint.getAddress(), ctx.multicastInterface());
            }
            channel.configureBlocking(false);
            return channel;
        }
        catch (final IOException ex)
        {
            CloseHelper.quietClose(channel);
            throw ex;
        }
    }

    /**
     * Take one datagram, an answer to a request first if answers are wanted, and validate it. A malformed packet
     * is counted and reported here.
     *
     * @param answersWanted    whether to read the request socket.
     * @param expectedSequence position to report a packet too short to carry a sequence number at.
     * @return {@link #NO_DATAGRAM}; else the message count of a valid packet (which may be
     * {@link MoldUdp64Packet#HEARTBEAT} or {@link MoldUdp64Packet#END_OF_SESSION}), or a negative validation
     * result for a malformed one.
     * @throws UncheckedIOException on a socket error.
     */
    int receive(final boolean answersWanted, final long expectedSequence)
    {
        try
        {
            receiveByteBuffer.clear();
            if (answersWanted && null != requestChannel && null != requestChannel.receive(receiveByteBuffer))
            {
                isAnswer = true;
            }
            else if (receiveDownstream())
            {
                isAnswer = false;
            }
            else
            {
                return NO_DATAGRAM;
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("MoldUDP64 receive failed on " + name, ex);
        }

        length = receiveByteBuffer.position();
        counters.packetsReceived.incrementRelease();
        counters.bytesReceived.getAndAddRelease(length);

        final int result = MoldUdp64Packet.validate(receiveBuffer, 0, length);
        if (result < 0)
        {
            final long position = length >= MoldUdp64Packet.HEADER_LENGTH ?
                MoldUdp64Packet.sequence(receiveBuffer, 0) : expectedSequence;
            counters.malformed(MalformedReason.BAD_MOLDUDP64_PACKET, position,
                MoldUdp64Packet.describe(result) + " (" + length + " bytes)");
        }
        return result;
    }

    private boolean receiveDownstream() throws IOException
    {
        if (null == lineBChannel)
        {
            line = LineArbiter.LINE_A;
            return null != dataChannel.receive(receiveByteBuffer);
        }

        final int first = preferredLine;
        // The other line: LINE_A and LINE_B are 0 and 1.
        final int second = LineArbiter.LINE_B - first;
        if (null != channel(first).receive(receiveByteBuffer))
        {
            line = first;
        }
        else if (null != channel(second).receive(receiveByteBuffer))
        {
            line = second;
        }
        else
        {
            return false;
        }
        preferredLine = LineArbiter.LINE_B - line;
        return true;
    }

    private DatagramChannel channel(final int lineIndex)
    {
        return LineArbiter.LINE_A == lineIndex ? dataChannel : lineBChannel;
    }

    /**
     * @return line the last downstream datagram came on, {@link LineArbiter#LINE_A} or {@link LineArbiter#LINE_B}.
     */
    int line()
    {
        return line;
    }

    /**
     * @return the buffer holding the last datagram at offset 0, valid until the next {@link #receive}.
     */
    UnsafeBuffer buffer()
    {
        return receiveBuffer;
    }

    /**
     * @return length of the last datagram.
     */
    int length()
    {
        return length;
    }

    /**
     * @return whether the last datagram came to the request socket, so is an answer to a request.
     */
    boolean isAnswer()
    {
        return isAnswer;
    }

    /**
     * @return the socket to send requests on, or null when no request server is configured.
     */
    DatagramChannel requestChannel()
    {
        return requestChannel;
    }

    /**
     * @return local address of the downstream socket, with the real port when an ephemeral one was asked for.
     */
    InetSocketAddress localAddress()
    {
        return localAddress(dataChannel);
    }

    /**
     * @return local address of the B line socket, or null without a B line.
     */
    InetSocketAddress lineBLocalAddress()
    {
        return null == lineBChannel ? null : localAddress(lineBChannel);
    }

    private static InetSocketAddress localAddress(final DatagramChannel channel)
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
     * Close the sockets.
     */
    void close()
    {
        CloseHelper.quietCloseAll(dataChannel, lineBChannel, requestChannel);
    }
}
