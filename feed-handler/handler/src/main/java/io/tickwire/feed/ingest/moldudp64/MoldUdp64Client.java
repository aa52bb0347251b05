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

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

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
 * Optionally a B line: the same packets on a second address ({@code MoldUdp64ClientContext.lineB}). The first copy
 * of each message wins and the other is dropped as a duplicate; a hole is requested only once the other line has
 * not filled it within {@code MoldUdp64ClientContext.arbitrationWaitNs}. Counters per line are on {@link #arbiter()}.
 * <p>
 * Single-threaded and duty-cycle driven through {@link #poll(MessageHandler, int)}. No allocation in steady
 * state: datagrams are received into one reused direct buffer and messages are handed over in place.
 * Counters are {@code AtomicCounter}s labelled {@code tickwire-moldudp64 NAME: SOURCE}, in the driver's CnC file
 * when {@code MoldUdp64ClientContext.counterAllocator} is an Aeron client's, written on the polling thread only.
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
    public MoldUdp64Client(final MoldUdp64ClientContext ctx)
    {
        // Concluded before anything reads it: the name needs the endpoint that conclude() checks.
        super(sourceName(ctx.conclude()), ctx.malformedInputListener(), ctx.counterAllocator());
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
     * Close the sockets and free the counters (the getters keep their last values).
     */
    public void close()
    {
        receiver.close();
        closeCounters();
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

    private static String sourceName(final MoldUdp64ClientContext ctx)
    {
        return "moldudp64:" + ctx.endpoint().getAddress().getHostAddress() + ":" + ctx.endpoint().getPort();
    }
}
