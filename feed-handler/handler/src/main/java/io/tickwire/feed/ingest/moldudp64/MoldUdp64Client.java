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
import io.tickwire.feed.ingest.arbitration.LineArbiter;
import io.tickwire.feed.ingest.arbitration.LineArbiterListener;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
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
 * Optionally a B line: the same packets on a second address ({@link Context#lineB(InetSocketAddress)}). The first
 * copy of each message wins and the other is dropped as a duplicate; a hole is requested only once the other line
 * has not filled it within {@link Context#arbitrationWaitNs(long)}. Counters per line are on {@link #arbiter()}.
 * <p>
 * Single-threaded and duty-cycle driven through {@link #poll(MessageHandler, int)}. No allocation in steady
 * state: datagrams are received into one reused direct buffer and messages are handed over in place.
 * Counters are plain fields, for status lines on the polling thread or an approximate view from another.
 * <p>
 * The work is split by role: {@code MoldUdp64PacketReceiver} (sockets, validation), {@code MoldUdp64Sequencer}
 * (sequence, session, delivery), {@code MoldUdp64PacketStash} (packets ahead of a gap),
 * {@code MoldUdp64GapRecovery} (requests, timeouts, giving up) and {@code MoldUdp64ClientCounters}; this class
 * runs the duty cycle over them.
 */
public final class MoldUdp64Client extends MoldUdp64ClientCounters implements MessageSource
{
    private final MoldUdp64FollowedSession session;
    private final MoldUdp64PacketReceiver receiver;
    private final MoldUdp64GapRecovery recovery;
    private final MoldUdp64Sequencer sequencer;
    private final LineArbiter arbiter;

    /**
     * Open the sockets: bind (unicast) or bind and join (multicast), and a request socket if a request server
     * is configured.
     *
     * @param ctx configuration; concluded here.
     * @throws UncheckedIOException if a socket cannot be opened.
     */
    public MoldUdp64Client(final Context ctx)
    {
        // Concluded before anything reads it: the name needs the endpoint that conclude() checks.
        super(sourceName(ctx.conclude()), ctx.malformedInputListener());
        // Holds its position after declaring a gap: the request server fills it, not the arbiter.
        arbiter = null == ctx.lineB() ? null : new LineArbiter(
            ctx.initialSequence(), ctx.arbitrationWaitNs(), ctx.clock(), LineArbiterListener.NO_OP, false);
        final MoldUdp64PacketStash stash = new MoldUdp64PacketStash(ctx.stashCapacity(), this, arbiter);
        session = new MoldUdp64FollowedSession(ctx.statusListener());
        if (null != ctx.session())
        {
            session.adopt(MoldUdp64Packet.sessionBuffer(ctx.session()), 0);
        }
        receiver = new MoldUdp64PacketReceiver(ctx, this);
        recovery = new MoldUdp64GapRecovery(ctx, receiver.requestChannel(), session.bytes(), this);
        sequencer = new MoldUdp64Sequencer(ctx, session, stash, recovery, this, arbiter);
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
            if (sequencer.hasMessages())
            {
                delivered += sequencer.deliver(handler, limit - delivered);
            }
            else if (!sequencer.openStashHead())
            {
                if (datagrams >= limit || !receive())
                {
                    break;
                }
                datagrams++;
            }
        }

        if (!sequencer.hasMessages())
        {
            sequencer.checkSequence();
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
        return sequencer.isEndOfSessionReported();
    }

    /**
     * Close the sockets.
     */
    public void close()
    {
        receiver.close();
    }

    /**
     * Session being followed.
     *
     * @return the session name, or null before the first packet.
     */
    public String session()
    {
        return session.name();
    }

    /**
     * @return next sequence number the client will deliver.
     */
    public long nextExpectedSequence()
    {
        return sequencer.nextExpected();
    }

    /**
     * @return highest sequence number known to exist, from messages and heartbeats.
     */
    public long highestKnownSequence()
    {
        return sequencer.highestKnown();
    }

    /**
     * Local address of the downstream socket (with the real port when an ephemeral one was asked for).
     *
     * @return the local address.
     */
    public InetSocketAddress localAddress()
    {
        return receiver.localAddress();
    }

    /**
     * Local address of the B line socket.
     *
     * @return the local address, or null without a B line.
     */
    public InetSocketAddress lineBLocalAddress()
    {
        return receiver.lineBLocalAddress();
    }

    /**
     * The A/B line arbiter, for its counters per line (packets won, duplicates, missed) and gaps on both lines;
     * to read on the polling thread, or approximately from another.
     *
     * @return the arbiter, or null without a B line.
     */
    public LineArbiter arbiter()
    {
        return arbiter;
    }

    private boolean receive()
    {
        // Answers only matter while a gap is open; late ones wait for the next gap and are ignored as old.
        final int result = receiver.receive(recovery.isGapOpen(), sequencer.nextExpected());
        if (MoldUdp64PacketReceiver.NO_DATAGRAM == result)
        {
            return false;
        }
        if (result >= 0)
        {
            sequencer.onPacket(receiver.buffer(), receiver.length(), result, receiver.isAnswer(), receiver.line());
        }
        return true;
    }

    private static String sourceName(final Context ctx)
    {
        return "moldudp64:" + ctx.endpoint().getAddress().getHostAddress() + ":" + ctx.endpoint().getPort();
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
        private InetSocketAddress lineB;
        private long arbitrationWaitNs = MoldUdp64Configuration.arbitrationWaitNs();
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
            if (endpoint.isUnresolved() || (null != requestServer && requestServer.isUnresolved()) ||
                (null != lineB && lineB.isUnresolved()))
            {
                throw new IllegalArgumentException(
                    "unresolved address: " + endpoint + " / " + lineB + " / " + requestServer);
            }
            if (arbitrationWaitNs < 0)
            {
                throw new IllegalArgumentException("arbitrationWaitNs must be >= 0: " + arbitrationWaitNs);
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
            if (stashCapacity < MoldUdp64PacketStash.ENTRY_HEADER_LENGTH + MoldUdp64Packet.MAX_DATAGRAM_LENGTH)
            {
                throw new IllegalArgumentException("stashCapacity must hold one datagram: " + stashCapacity);
            }
            final boolean multicast = endpoint.getAddress().isMulticastAddress() ||
                (null != lineB && lineB.getAddress().isMulticastAddress());
            if (multicast && null == multicastInterface)
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
         * @param lineB unicast address to bind, or multicast group and port to join, for the B line: the same
         *              packets as the endpoint (the A line), arbitrated first copy wins. Default null: A only.
         * @return this.
         */
        public Context lineB(final InetSocketAddress lineB)
        {
            this.lineB = lineB;
            return this;
        }

        /**
         * @return the B line address, or null.
         */
        public InetSocketAddress lineB()
        {
            return lineB;
        }

        /**
         * @param arbitrationWaitNs with a B line: how long a hole may wait for the other line to fill it before it
         *                          counts as missed on both lines and is requested; above the skew between the
         *                          lines, below the request timeout.
         * @return this.
         */
        public Context arbitrationWaitNs(final long arbitrationWaitNs)
        {
            this.arbitrationWaitNs = arbitrationWaitNs;
            return this;
        }

        /**
         * @return the arbitration wait in nanoseconds.
         */
        public long arbitrationWaitNs()
        {
            return arbitrationWaitNs;
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
