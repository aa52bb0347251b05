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

import io.tickwire.counters.CounterAllocator;
import io.tickwire.feed.ingest.MalformedInputListener;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.util.Objects;

/**
 * Configuration of a {@link MoldUdp64Client}.
 */
public final class MoldUdp64ClientContext
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
    private CounterAllocator counterAllocator;

    /**
     * Check and fill in derived values.
     *
     * @return this.
     */
    public MoldUdp64ClientContext conclude()
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
    public MoldUdp64ClientContext endpoint(final InetSocketAddress endpoint)
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
    public MoldUdp64ClientContext lineB(final InetSocketAddress lineB)
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
    public MoldUdp64ClientContext arbitrationWaitNs(final long arbitrationWaitNs)
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
    public MoldUdp64ClientContext interfaceAddress(final InetAddress interfaceAddress)
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
    public MoldUdp64ClientContext requestServer(final InetSocketAddress requestServer)
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
    public MoldUdp64ClientContext session(final String session)
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
    public MoldUdp64ClientContext initialSequence(final long initialSequence)
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
    public MoldUdp64ClientContext requestTimeoutNs(final long requestTimeoutNs)
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
    public MoldUdp64ClientContext maxRequestMessages(final int maxRequestMessages)
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
    public MoldUdp64ClientContext maxRequestAttempts(final int maxRequestAttempts)
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
    public MoldUdp64ClientContext skipUnrecoverableGaps(final boolean skipUnrecoverableGaps)
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
    public MoldUdp64ClientContext stashCapacity(final int stashCapacity)
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
    public MoldUdp64ClientContext socketRcvbuf(final int socketRcvbuf)
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
    public MoldUdp64ClientContext clock(final NanoClock clock)
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
    public MoldUdp64ClientContext statusListener(final MoldUdp64StatusListener statusListener)
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
    public MoldUdp64ClientContext malformedInputListener(final MalformedInputListener malformedInputListener)
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

    /**
     * Where the client's counters are allocated: an Aeron client's {@code addCounter}, so that they are in the
     * driver's CnC file; default null: in memory of the client's own.
     *
     * @param counterAllocator the allocator, or null.
     * @return this.
     */
    public MoldUdp64ClientContext counterAllocator(final CounterAllocator counterAllocator)
    {
        this.counterAllocator = counterAllocator;
        return this;
    }

    /**
     * @return where the client's counters are allocated, or null for memory of its own.
     */
    public CounterAllocator counterAllocator()
    {
        return counterAllocator;
    }
}
