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

import io.tickwire.feed.ingest.MalformedInputListener;
import io.tickwire.feed.ingest.MalformedReason;
import io.tickwire.feed.ingest.MessageHandler;
import io.tickwire.feed.ingest.MessageSource;
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
 * Live MoldUDP64 client: receives downstream packets by unicast or multicast and delivers their messages to an
 * {@link MessageHandler} strictly in sequence order, each exactly once, recovering gaps from a request server.
 * <p>
 * State: the session, the next sequence number expected, and the highest sequence number known to exist (from
 * message packets and heartbeats). A packet starting after the next expected sequence opens a gap: it is kept in
 * a bounded stash, and the missing range is requested from the request server, again after each timeout without
 * progress. A gap that cannot be recovered (no request server, or no progress after the configured attempts) is
 * reported to the {@link MoldUdp64StatusListener} and counted, then skipped or requested for ever as configured:
 * it is never passed over silently. Old and duplicate packets are counted and ignored. Malformed packets go to
 * the {@link MalformedInputListener} as {@link MalformedReason#BAD_MOLDUDP64_PACKET}; the client carries on.
 * <p>
 * Single-threaded and duty-cycle driven through {@link #poll(MessageHandler, int)}. No allocation in steady
 * state: datagrams are received into one reused direct buffer and messages are handed over in place.
 * Counters are plain fields, for status lines on the polling thread or an approximate view from another.
 */
public final class MoldUdp64Client implements MessageSource
{
    private static final int STASH_ENTRY_HEADER_LENGTH = 4;

    private final Context ctx;
    private final String name;
    private final DatagramChannel dataChannel;
    private final DatagramChannel requestChannel;
    private final ByteBuffer receiveByteBuffer = ByteBuffer.allocateDirect(MoldUdp64Packet.MAX_DATAGRAM_LENGTH);
    private final UnsafeBuffer receiveBuffer = new UnsafeBuffer(receiveByteBuffer);
    private final UnsafeBuffer stash;
    private final ByteBuffer requestByteBuffer = ByteBuffer.allocateDirect(MoldUdp64Packet.REQUEST_LENGTH);
    private final UnsafeBuffer requestBuffer = new UnsafeBuffer(requestByteBuffer);
    private final UnsafeBuffer session = new UnsafeBuffer(new byte[MoldUdp64Packet.SESSION_LENGTH]);
    private final NanoClock clock;
    private final MoldUdp64StatusListener statusListener;
    private final MalformedInputListener malformedListener;

    private boolean sessionKnown;
    private String sessionName;
    private long nextExpected;
    private long highestKnown;
    private long endOfSessionSequence = Long.MAX_VALUE;
    private boolean endOfSessionReported;

    private int stashRead;
    private int stashWrite;

    private DirectBuffer cursorBuffer;
    private int cursorOffset;
    private int cursorRemaining;
    private long cursorSequence;

    private boolean gapOpen;
    private long gapFrom;
    private long gapTo;
    private long gapDetectedNs;
    private boolean unrecoverableReported;
    private boolean requestOutstanding;
    private long requestFrom;
    private int requestCount;
    private long requestSentNs;
    private int requestAttempts;

    private long packetsReceived;
    private long bytesReceived;
    private long messagesDelivered;
    private long heartbeatsReceived;
    private long duplicatePackets;
    private long duplicateMessages;
    private long malformedPackets;
    private long emptyMessages;
    private long packetsStashed;
    private long stashOverflows;
    private long gapsDetected;
    private long gapsRecovered;
    private long messagesRecovered;
    private long requestsSent;
    private long requestRetries;
    private long requestSendsFailed;
    private long unrecoverableGaps;
    private long messagesSkipped;
    private long sessionChanges;

    /**
     * Open the sockets: bind (unicast) or bind and join (multicast), and a request socket if a request server
     * is configured.
     *
     * @param ctx configuration; concluded here.
     * @throws UncheckedIOException if a socket cannot be opened.
     */
    public MoldUdp64Client(final Context ctx)
    {
        this.ctx = ctx.conclude();
        clock = ctx.clock();
        statusListener = ctx.statusListener();
        malformedListener = ctx.malformedInputListener();
        stash = new UnsafeBuffer(ByteBuffer.allocateDirect(ctx.stashCapacity()));
        nextExpected = ctx.initialSequence();
        highestKnown = nextExpected - 1;
        name = "moldudp64:" + ctx.endpoint().getAddress().getHostAddress() + ":" + ctx.endpoint().getPort();
        if (null != ctx.session())
        {
            adoptSession(MoldUdp64Packet.sessionBuffer(ctx.session()), 0);
        }

        DatagramChannel dataChannel = null;
        DatagramChannel requestChannel = null;
        try
        {
            dataChannel = DatagramChannel.open(StandardProtocolFamily.INET);
            dataChannel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            dataChannel.setOption(StandardSocketOptions.SO_RCVBUF, ctx.socketRcvbuf());
            dataChannel.bind(ctx.endpoint());
            if (ctx.endpoint().getAddress().isMulticastAddress())
            {
                dataChannel.join(ctx.endpoint().getAddress(), ctx.multicastInterface());
            }
            dataChannel.configureBlocking(false);

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
            CloseHelper.quietCloseAll(dataChannel, requestChannel);
            throw new UncheckedIOException("cannot open MoldUDP64 client on " + ctx.endpoint(), ex);
        }
        this.dataChannel = dataChannel;
        this.requestChannel = requestChannel;
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return name;
    }

    /**
     * Deliver up to {@code limit} messages in sequence order: first what a packet already received still holds,
     * then stashed packets the sequence has reached, then new datagrams (answers to requests first). Afterwards
     * detect gaps, send or repeat requests, give up on unrecoverable gaps, and notice the end of the session.
     *
     * @param handler to receive the messages.
     * @param limit   maximum number of messages to deliver in this call.
     * @return the number of messages delivered.
     * @throws UncheckedIOException on a socket error.
     */
    public int poll(final MessageHandler handler, final int limit)
    {
        int delivered = 0;
        int datagrams = 0;
        while (delivered < limit)
        {
            if (cursorRemaining > 0)
            {
                delivered += deliver(handler, limit - delivered);
            }
            else if (!openStashHead())
            {
                if (datagrams >= limit || !receive())
                {
                    break;
                }
                datagrams++;
            }
        }

        if (cursorRemaining == 0)
        {
            checkSequence();
        }

        return delivered;
    }

    /**
     * True once the server has ended the session and every message before the end has been delivered.
     *
     * @return whether the session is over.
     */
    public boolean isExhausted()
    {
        return endOfSessionReported;
    }

    /**
     * Close the sockets.
     */
    public void close()
    {
        CloseHelper.quietCloseAll(dataChannel, requestChannel);
    }

    private boolean receive()
    {
        try
        {
            receiveByteBuffer.clear();
            // Answers only matter while a gap is open; late ones wait for the next gap and are ignored as old.
            if (gapOpen && null != requestChannel && null != requestChannel.receive(receiveByteBuffer))
            {
                onPacket(receiveByteBuffer.position(), true);
                return true;
            }
            if (null != dataChannel.receive(receiveByteBuffer))
            {
                onPacket(receiveByteBuffer.position(), false);
                return true;
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("MoldUDP64 receive failed on " + name, ex);
        }
        return false;
    }

    private void onPacket(final int length, final boolean isAnswer)
    {
        packetsReceived++;
        bytesReceived += length;

        final int result = MoldUdp64Packet.validate(receiveBuffer, 0, length);
        if (result < 0)
        {
            final long position = length >= MoldUdp64Packet.HEADER_LENGTH ?
                MoldUdp64Packet.sequence(receiveBuffer, 0) : nextExpected;
            malformed(MalformedReason.BAD_MOLDUDP64_PACKET, position,
                MoldUdp64Packet.describe(result) + " (" + length + " bytes)");
            return;
        }

        if (!sessionKnown)
        {
            adoptSession(receiveBuffer, 0);
        }
        else if (!MoldUdp64Packet.sessionEquals(receiveBuffer, 0, session))
        {
            if (isAnswer || null != ctx.session())
            {
                malformed(MalformedReason.BAD_MOLDUDP64_PACKET, MoldUdp64Packet.sequence(receiveBuffer, 0),
                    "session '" + MoldUdp64Packet.sessionName(receiveBuffer, 0) + "', expected '" + sessionName + "'");
                return;
            }
            changeSession();
        }

        final long sequence = MoldUdp64Packet.sequence(receiveBuffer, 0);
        if (nextExpected == Context.JOIN_AT_FIRST_SEEN)
        {
            nextExpected = sequence;
        }

        if (result == MoldUdp64Packet.HEARTBEAT)
        {
            heartbeatsReceived++;
            know(sequence - 1);
            statusListener.onHeartbeat(sequence);
            return;
        }

        if (result == MoldUdp64Packet.END_OF_SESSION)
        {
            know(sequence - 1);
            if (sequence < endOfSessionSequence)
            {
                endOfSessionSequence = sequence;
            }
            return;
        }

        final long last = sequence + result - 1;
        if (last >= endOfSessionSequence)
        {
            malformed(MalformedReason.BAD_MOLDUDP64_PACKET, sequence,
                "messages up to " + last + " after end of session at " + endOfSessionSequence);
            return;
        }

        know(last);
        if (last < nextExpected)
        {
            duplicatePackets++;
        }
        else if (sequence > nextExpected)
        {
            stashPacket(length);
        }
        else
        {
            openCursor(receiveBuffer, 0, sequence, result);
        }
    }

    private void know(final long sequence)
    {
        if (sequence > highestKnown)
        {
            highestKnown = sequence;
        }
    }

    private void openCursor(final DirectBuffer buffer, final int packetOffset, final long sequence, final int count)
    {
        cursorBuffer = buffer;
        cursorOffset = packetOffset + MoldUdp64Packet.HEADER_LENGTH;
        cursorSequence = sequence;
        cursorRemaining = count;
        while (cursorSequence < nextExpected && cursorRemaining > 0)
        {
            final int length = buffer.getShort(cursorOffset, MoldUdp64Packet.BYTE_ORDER) & 0xFFFF;
            cursorOffset += MoldUdp64Packet.MESSAGE_LENGTH_FIELD_LENGTH + length;
            cursorSequence++;
            cursorRemaining--;
            duplicateMessages++;
        }
    }

    private int deliver(final MessageHandler handler, final int limit)
    {
        int delivered = 0;
        final DirectBuffer buffer = cursorBuffer;
        while (cursorRemaining > 0 && delivered < limit)
        {
            final int length = buffer.getShort(cursorOffset, MoldUdp64Packet.BYTE_ORDER) & 0xFFFF;
            final int messageOffset = cursorOffset + MoldUdp64Packet.MESSAGE_LENGTH_FIELD_LENGTH;
            final long sequence = cursorSequence;
            cursorOffset = messageOffset + length;
            cursorSequence++;
            cursorRemaining--;
            nextExpected = sequence + 1;

            if (gapOpen && sequence <= gapTo)
            {
                messagesRecovered++;
            }

            if (length == 0)
            {
                emptyMessages++;
                malformed(MalformedReason.EMPTY_MESSAGE, sequence, "zero-length message in MoldUDP64 packet");
                continue;
            }

            messagesDelivered++;
            delivered++;
            handler.onMessage(sequence, buffer, messageOffset, length);
        }
        return delivered;
    }

    private void stashPacket(final int length)
    {
        final int entryLength = STASH_ENTRY_HEADER_LENGTH + length;
        if (stashWrite + entryLength > stash.capacity() && stashRead > 0)
        {
            final int live = stashWrite - stashRead;
            stash.putBytes(0, stash, stashRead, live);
            stashRead = 0;
            stashWrite = live;
        }
        if (stashWrite + entryLength > stash.capacity())
        {
            // Not lost: highestKnown covers it, so it is requested once the sequence gets here.
            stashOverflows++;
            return;
        }
        stash.putInt(stashWrite, length);
        stash.putBytes(stashWrite + STASH_ENTRY_HEADER_LENGTH, receiveBuffer, 0, length);
        stashWrite += entryLength;
        packetsStashed++;
    }

    /**
     * Open the first stashed packet if the sequence has reached it, dropping stashed packets already delivered.
     */
    private boolean openStashHead()
    {
        while (stashRead < stashWrite)
        {
            final int length = stash.getInt(stashRead);
            final int packetOffset = stashRead + STASH_ENTRY_HEADER_LENGTH;
            final long sequence = MoldUdp64Packet.sequence(stash, packetOffset);
            final int count = MoldUdp64Packet.messageCount(stash, packetOffset);
            if (sequence > nextExpected)
            {
                return false;
            }

            stashRead = packetOffset + length;
            if (sequence + count - 1 < nextExpected)
            {
                duplicatePackets++;
            }
            else
            {
                openCursor(stash, packetOffset, sequence, count);
                return true;
            }
        }
        stashRead = 0;
        stashWrite = 0;
        return false;
    }

    /**
     * Last sequence number of the hole in front of the next expected one, or {@code nextExpected - 1} if none.
     * Called with no cursor open and the stash head not yet reachable.
     */
    private long holeEnd()
    {
        if (stashRead < stashWrite)
        {
            return MoldUdp64Packet.sequence(stash, stashRead + STASH_ENTRY_HEADER_LENGTH) - 1;
        }
        return highestKnown;
    }

    private void checkSequence()
    {
        if (gapOpen && nextExpected > gapTo)
        {
            gapOpen = false;
            requestOutstanding = false;
            gapsRecovered++;
            statusListener.onRecovered(gapFrom, gapTo);
        }

        final long holeEnd = holeEnd();
        if (holeEnd < nextExpected)
        {
            if (!endOfSessionReported && nextExpected >= endOfSessionSequence)
            {
                endOfSessionReported = true;
                statusListener.onEndOfSession(endOfSessionSequence);
            }
            return;
        }

        final long nowNs = clock.nanoTime();
        if (!gapOpen)
        {
            gapOpen = true;
            gapFrom = nextExpected;
            gapTo = holeEnd;
            gapDetectedNs = nowNs;
            unrecoverableReported = false;
            requestOutstanding = false;
            requestAttempts = 0;
            gapsDetected++;
            statusListener.onGap(nextExpected, holeEnd + 1);
        }
        else if (holeEnd > gapTo)
        {
            gapTo = holeEnd;
        }

        if (null == requestChannel)
        {
            if (nowNs - gapDetectedNs >= ctx.requestTimeoutNs())
            {
                unrecoverable(holeEnd);
            }
        }
        else if (!requestOutstanding || nextExpected >= requestFrom + requestCount)
        {
            requestAttempts = 0;
            request(holeEnd, nowNs);
        }
        else if (nowNs - requestSentNs >= ctx.requestTimeoutNs())
        {
            if (nextExpected > requestFrom)
            {
                requestAttempts = 0;
            }
            if (requestAttempts >= ctx.maxRequestAttempts() && !unrecoverableReported)
            {
                unrecoverable(holeEnd);
            }
            if (gapOpen)
            {
                requestRetries++;
                request(holeEnd, nowNs);
            }
        }
    }

    private void request(final long holeEnd, final long nowNs)
    {
        final int count = (int)Math.min(holeEnd - nextExpected + 1, ctx.maxRequestMessages());
        MoldUdp64Packet.putHeader(requestBuffer, 0, session, nextExpected, count);
        requestByteBuffer.clear();
        requestOutstanding = true;
        requestFrom = nextExpected;
        requestCount = count;
        requestSentNs = nowNs;
        requestAttempts++;
        try
        {
            if (requestChannel.send(requestByteBuffer, ctx.requestServer()) == 0)
            {
                // Counted as an attempt all the same: the timeout brings the retry.
                requestSendsFailed++;
                return;
            }
        }
        catch (final IOException ex)
        {
            requestSendsFailed++;
            malformed(MalformedReason.BAD_MOLDUDP64_PACKET, nextExpected,
                "request to " + ctx.requestServer() + " failed: " + ex);
            return;
        }
        requestsSent++;
        statusListener.onRequestSent(requestFrom, count, requestAttempts);
    }

    private void unrecoverable(final long holeEnd)
    {
        final boolean skip = ctx.skipUnrecoverableGaps();
        unrecoverableGaps++;
        statusListener.onUnrecoverableGap(nextExpected, holeEnd, skip);
        if (skip)
        {
            messagesSkipped += holeEnd - nextExpected + 1;
            nextExpected = holeEnd + 1;
            gapOpen = false;
            requestOutstanding = false;
        }
        else
        {
            unrecoverableReported = true;
        }
    }

    private void adoptSession(final DirectBuffer buffer, final int offset)
    {
        final String oldName = sessionName;
        session.putBytes(0, buffer, offset + MoldUdp64Packet.SESSION_OFFSET, MoldUdp64Packet.SESSION_LENGTH);
        sessionName = MoldUdp64Packet.sessionName(session, 0);
        sessionKnown = true;
        statusListener.onSessionChange(oldName, sessionName);
    }

    private void changeSession()
    {
        if (highestKnown >= nextExpected && nextExpected < endOfSessionSequence)
        {
            // What the old session still owed can no longer be requested: report it as lost.
            unrecoverableGaps++;
            messagesSkipped += highestKnown - nextExpected + 1;
            statusListener.onUnrecoverableGap(nextExpected, highestKnown, true);
        }
        sessionChanges++;
        nextExpected = ctx.initialSequence();
        highestKnown = nextExpected - 1;
        endOfSessionSequence = Long.MAX_VALUE;
        endOfSessionReported = false;
        stashRead = 0;
        stashWrite = 0;
        gapOpen = false;
        requestOutstanding = false;
        adoptSession(receiveBuffer, 0);
    }

    private void malformed(final MalformedReason reason, final long position, final String detail)
    {
        if (reason == MalformedReason.BAD_MOLDUDP64_PACKET)
        {
            malformedPackets++;
        }
        malformedListener.onMalformed(reason, name, position, detail);
    }

    /**
     * Session being followed.
     *
     * @return the session name, or null before the first packet.
     */
    public String session()
    {
        return sessionName;
    }

    /**
     * @return next sequence number the client will deliver.
     */
    public long nextExpectedSequence()
    {
        return nextExpected;
    }

    /**
     * @return highest sequence number known to exist, from messages and heartbeats.
     */
    public long highestKnownSequence()
    {
        return highestKnown;
    }

    /**
     * Local address of the downstream socket (with the real port when an ephemeral one was asked for).
     *
     * @return the local address.
     */
    public InetSocketAddress localAddress()
    {
        try
        {
            return (InetSocketAddress)dataChannel.getLocalAddress();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @return datagrams received on both sockets, valid or not.
     */
    public long packetsReceived()
    {
        return packetsReceived;
    }

    /**
     * @return bytes received on both sockets.
     */
    public long bytesReceived()
    {
        return bytesReceived;
    }

    /**
     * @return messages delivered to the handler.
     */
    public long messagesDelivered()
    {
        return messagesDelivered;
    }

    /**
     * @return heartbeats received.
     */
    public long heartbeatsReceived()
    {
        return heartbeatsReceived;
    }

    /**
     * @return packets ignored because every message in them was already delivered.
     */
    public long duplicatePackets()
    {
        return duplicatePackets;
    }

    /**
     * @return messages skipped at the front of packets that overlapped what was already delivered.
     */
    public long duplicateMessages()
    {
        return duplicateMessages;
    }

    /**
     * @return packets rejected as malformed or of another session.
     */
    public long malformedPackets()
    {
        return malformedPackets;
    }

    /**
     * @return zero-length messages reported and not delivered.
     */
    public long emptyMessages()
    {
        return emptyMessages;
    }

    /**
     * @return packets kept because they arrived ahead of a gap.
     */
    public long packetsStashed()
    {
        return packetsStashed;
    }

    /**
     * @return packets ahead of a gap not kept because the stash was full (requested later instead).
     */
    public long stashOverflows()
    {
        return stashOverflows;
    }

    /**
     * @return gaps detected.
     */
    public long gapsDetected()
    {
        return gapsDetected;
    }

    /**
     * @return gaps whose every message was delivered.
     */
    public long gapsRecovered()
    {
        return gapsRecovered;
    }

    /**
     * @return messages delivered that had been missing in a gap.
     */
    public long messagesRecovered()
    {
        return messagesRecovered;
    }

    /**
     * @return requests sent.
     */
    public long requestsSent()
    {
        return requestsSent;
    }

    /**
     * @return requests repeated after a timeout.
     */
    public long requestRetries()
    {
        return requestRetries;
    }

    /**
     * @return requests the socket did not take.
     */
    public long requestSendsFailed()
    {
        return requestSendsFailed;
    }

    /**
     * @return gaps reported as unrecoverable.
     */
    public long unrecoverableGaps()
    {
        return unrecoverableGaps;
    }

    /**
     * @return messages skipped past as unrecoverable.
     */
    public long messagesSkipped()
    {
        return messagesSkipped;
    }

    /**
     * @return times the session changed after the first.
     */
    public long sessionChanges()
    {
        return sessionChanges;
    }

    /**
     * Configuration of a {@link MoldUdp64Client}.
     */
    public static final class Context
    {
        /** {@link #initialSequence(long)} value: start from the first sequence number seen, not from 1. */
        public static final long JOIN_AT_FIRST_SEEN = 0;

        private static final MalformedInputListener IGNORE_MALFORMED = (reason, source, position, detail) ->
        {
        };

        private InetSocketAddress endpoint;
        private InetAddress interfaceAddress = InetAddress.getLoopbackAddress();
        private NetworkInterface multicastInterface;
        private InetSocketAddress requestServer;
        private String session;
        private long initialSequence = 1;
        private long requestTimeoutNs = MoldUdp64Configuration.requestTimeoutNs();
        private int maxRequestMessages = MoldUdp64Configuration.maxRequestMessages();
        private int maxRequestAttempts = MoldUdp64Configuration.maxRequestAttempts();
        private boolean skipUnrecoverableGaps = MoldUdp64Configuration.skipUnrecoverableGaps();
        private int stashCapacity = MoldUdp64Configuration.stashCapacity();
        private int socketRcvbuf = MoldUdp64Configuration.socketRcvbuf();
        private NanoClock clock = SystemNanoClock.INSTANCE;
        private MoldUdp64StatusListener statusListener = MoldUdp64StatusListener.NO_OP;
        private MalformedInputListener malformedInputListener = IGNORE_MALFORMED;

        /**
         * Check and fill in derived values.
         *
         * @return this.
         */
        public Context conclude()
        {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(statusListener, "statusListener");
            Objects.requireNonNull(malformedInputListener, "malformedInputListener");
            if (endpoint.isUnresolved() || (null != requestServer && requestServer.isUnresolved()))
            {
                throw new IllegalArgumentException("unresolved address: " + endpoint + " / " + requestServer);
            }
            if (null != session)
            {
                MoldUdp64Packet.sessionBuffer(session);
            }
            if (initialSequence < 0 || requestTimeoutNs <= 0 || maxRequestAttempts < 1 ||
                maxRequestMessages < 1 || maxRequestMessages > MoldUdp64Packet.MAX_MESSAGE_COUNT)
            {
                throw new IllegalArgumentException("initialSequence >= 0, requestTimeoutNs > 0, " +
                    "maxRequestAttempts >= 1 and maxRequestMessages in 1.." + MoldUdp64Packet.MAX_MESSAGE_COUNT);
            }
            if (stashCapacity < STASH_ENTRY_HEADER_LENGTH + MoldUdp64Packet.MAX_DATAGRAM_LENGTH)
            {
                throw new IllegalArgumentException("stashCapacity must hold one datagram: " + stashCapacity);
            }
            if (endpoint.getAddress().isMulticastAddress() && null == multicastInterface)
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
            return this;
        }

        /**
         * @param endpoint unicast address to bind, or multicast group and port to join.
         * @return this.
         */
        public Context endpoint(final InetSocketAddress endpoint)
        {
            this.endpoint = endpoint;
            return this;
        }

        /**
         * @return the endpoint.
         */
        public InetSocketAddress endpoint()
        {
            return endpoint;
        }

        /**
         * @param interfaceAddress address of the interface to join a multicast group on; default loopback.
         * @return this.
         */
        public Context interfaceAddress(final InetAddress interfaceAddress)
        {
            this.interfaceAddress = interfaceAddress;
            return this;
        }

        /**
         * @return the multicast interface, set by {@link #conclude()} for a multicast endpoint.
         */
        public NetworkInterface multicastInterface()
        {
            return multicastInterface;
        }

        /**
         * @param requestServer address of the request server; null (default) for none, so gaps are unrecoverable.
         * @return this.
         */
        public Context requestServer(final InetSocketAddress requestServer)
        {
            this.requestServer = requestServer;
            return this;
        }

        /**
         * @return the request server, or null.
         */
        public InetSocketAddress requestServer()
        {
            return requestServer;
        }

        /**
         * @param session to follow; packets of other sessions are reported as malformed. Default null: follow
         *                the first session seen, and a new session when one replaces it.
         * @return this.
         */
        public Context session(final String session)
        {
            this.session = session;
            return this;
        }

        /**
         * @return the session to follow, or null.
         */
        public String session()
        {
            return session;
        }

        /**
         * @param initialSequence first sequence number to deliver; 1 (default) for the whole session,
         *                        {@link #JOIN_AT_FIRST_SEEN} to start wherever the stream is.
         * @return this.
         */
        public Context initialSequence(final long initialSequence)
        {
            this.initialSequence = initialSequence;
            return this;
        }

        /**
         * @return the first sequence number to deliver.
         */
        public long initialSequence()
        {
            return initialSequence;
        }

        /**
         * @param requestTimeoutNs wait for an answer before requesting again; also how long a gap may stay open
         *                         without a request server before it is unrecoverable (reordering allowance).
         * @return this.
         */
        public Context requestTimeoutNs(final long requestTimeoutNs)
        {
            this.requestTimeoutNs = requestTimeoutNs;
            return this;
        }

        /**
         * @return the request timeout in nanoseconds.
         */
        public long requestTimeoutNs()
        {
            return requestTimeoutNs;
        }

        /**
         * @param maxRequestMessages most messages asked for in one request.
         * @return this.
         */
        public Context maxRequestMessages(final int maxRequestMessages)
        {
            this.maxRequestMessages = maxRequestMessages;
            return this;
        }

        /**
         * @return most messages per request.
         */
        public int maxRequestMessages()
        {
            return maxRequestMessages;
        }

        /**
         * @param maxRequestAttempts requests without progress after which a gap is unrecoverable.
         * @return this.
         */
        public Context maxRequestAttempts(final int maxRequestAttempts)
        {
            this.maxRequestAttempts = maxRequestAttempts;
            return this;
        }

        /**
         * @return request attempts before giving up.
         */
        public int maxRequestAttempts()
        {
            return maxRequestAttempts;
        }

        /**
         * @param skipUnrecoverableGaps skip past an unrecoverable gap after reporting it (true), or keep
         *                              requesting it for ever (false).
         * @return this.
         */
        public Context skipUnrecoverableGaps(final boolean skipUnrecoverableGaps)
        {
            this.skipUnrecoverableGaps = skipUnrecoverableGaps;
            return this;
        }

        /**
         * @return whether unrecoverable gaps are skipped.
         */
        public boolean skipUnrecoverableGaps()
        {
            return skipUnrecoverableGaps;
        }

        /**
         * @param stashCapacity bytes for packets that arrive ahead of a gap.
         * @return this.
         */
        public Context stashCapacity(final int stashCapacity)
        {
            this.stashCapacity = stashCapacity;
            return this;
        }

        /**
         * @return the stash capacity.
         */
        public int stashCapacity()
        {
            return stashCapacity;
        }

        /**
         * @param socketRcvbuf socket receive buffer size to ask the kernel for.
         * @return this.
         */
        public Context socketRcvbuf(final int socketRcvbuf)
        {
            this.socketRcvbuf = socketRcvbuf;
            return this;
        }

        /**
         * @return the socket receive buffer size.
         */
        public int socketRcvbuf()
        {
            return socketRcvbuf;
        }

        /**
         * @param clock for request timeouts; tests pass a clock they move.
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
         * @param statusListener told about gaps, requests, recoveries, heartbeats and sessions.
         * @return this.
         */
        public Context statusListener(final MoldUdp64StatusListener statusListener)
        {
            this.statusListener = statusListener;
            return this;
        }

        /**
         * @return the status listener.
         */
        public MoldUdp64StatusListener statusListener()
        {
            return statusListener;
        }

        /**
         * @param malformedInputListener told about malformed packets; default: counted only.
         * @return this.
         */
        public Context malformedInputListener(final MalformedInputListener malformedInputListener)
        {
            this.malformedInputListener = malformedInputListener;
            return this;
        }

        /**
         * @return the malformed input listener.
         */
        public MalformedInputListener malformedInputListener()
        {
            return malformedInputListener;
        }
    }
}
