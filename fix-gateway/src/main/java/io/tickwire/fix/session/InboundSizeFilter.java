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
package io.tickwire.fix.session;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.IoSession;
import quickfix.Message;
import quickfix.Session;
import quickfix.mina.SessionConnector;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Caps the size of inbound FIX messages and what the framing may hold, in front of QuickFIX/J's decoder (which
 * trusts BodyLength (9) and would wait for as many bytes as it declares, swallowing the messages after it, and
 * which keeps every byte it has not matched to a header until a header arrives).
 * <p>
 * It frames the byte stream as the decoder does: a message starts with {@code 8=} after SOH (or at the start),
 * its header is {@code 8=...SOH 9=digits SOH}, its length is BodyLength plus the 7-byte trailer. The decoder is
 * handed only frames whose header is complete and whose length is within the cap, so it never holds more than one
 * such frame:
 * <ul>
 * <li>bytes outside any frame (between a message's end and the next {@code SOH 8=}) are dropped here, as the
 * decoder would drop them once a header came, and counted ({@link #discardedBytes()});</li>
 * <li>a header that is not complete within {@value #HEADER_CAPACITY} bytes, or whose second field is not
 * {@code 9=digits}, is malformed: before logon the connection is closed ({@link PreLogonCloseReason#MALFORMED_HEADER});
 * on a logged-on session it is dropped, counted ({@link #malformedHeaders()}) and written to the session's event
 * log, and the bytes up to the next header are dropped as above - the message is lost as a garbled one is, and the
 * next one reveals the gap;</li>
 * <li>a message declaring more than the cap is, before logon, closed at once
 * ({@link PreLogonCloseReason#OVERSIZED_MESSAGE}: nobody is waiting for its trailer); on a logged-on session it
 * is dropped up to its real trailer ({@code SOH 10=nnn SOH}) and answered with a session Reject (RefTagID 9,
 * Text naming the cap and the value), whose expected sequence number then moves past it, as QuickFIX/J does
 * for a rejected garbled message.</li>
 * </ul>
 * What the framing holds for the frame in progress (this filter's header buffer plus the bytes of the frame
 * already handed to the decoder) is tracked as a high-water mark, {@link #framingHighWaterMark()}.
 */
public final class InboundSizeFilter extends IoFilterAdapter
{
    /**
     * Longest header ({@code 8=BeginString SOH 9=BodyLength SOH}) held while it is incomplete.
     */
    public static final int HEADER_CAPACITY = 64;

    private static final String STATE = InboundSizeFilter.class.getName() + ".state";
    private static final byte SOH = 1;
    private static final int TRAILER_LENGTH = 7;
    private static final int CAPTURE_CAPACITY = 256;
    private static final int LOGGED_HEADER_BYTES = 32;

    private final int maxBodyLength;
    private final PreLogonGuard guard;
    private final AtomicLong oversized = new AtomicLong();
    private final AtomicLong malformedHeaders = new AtomicLong();
    private final AtomicLong discardedBytes = new AtomicLong();
    private final AtomicLong framingHighWaterMark = new AtomicLong();

    /**
     * A cap with no pre-logon guard: connections it closes before logon are closed without being counted.
     *
     * @param maxBodyLength largest BodyLength (9) accepted.
     */
    public InboundSizeFilter(final int maxBodyLength)
    {
        this(maxBodyLength, null);
    }

    /**
     * @param maxBodyLength largest BodyLength (9) accepted.
     * @param guard         the pre-logon guard that closes, counts and reports connections, or null.
     */
    public InboundSizeFilter(final int maxBodyLength, final PreLogonGuard guard)
    {
        this.maxBodyLength = maxBodyLength;
        this.guard = guard;
    }

    /**
     * @return oversized messages dropped so far (after logon) or refused by closing (before).
     */
    public long oversizedCount()
    {
        return oversized.get();
    }

    /**
     * @return malformed or unterminated headers dropped on logged-on sessions or refused by closing.
     */
    public long malformedHeaders()
    {
        return malformedHeaders.get();
    }

    /**
     * @return bytes dropped because they were outside any frame or belonged to a malformed header.
     */
    public long discardedBytes()
    {
        return discardedBytes.get();
    }

    /**
     * @return the most bytes the framing held for one frame in progress on any connection: this filter's header
     * buffer, the bytes of an accepted frame already handed to QuickFIX/J's decoder, or the first bytes of an
     * oversized message being skipped (kept to find its MsgSeqNum for the Reject). At most
     * {@value #HEADER_CAPACITY} + the cap + 7, or 256 (what is kept of a skipped message) when the cap is smaller.
     */
    public long framingHighWaterMark()
    {
        return framingHighWaterMark.get();
    }

    /**
     * {@inheritDoc}
     */
    public void messageReceived(final NextFilter nextFilter, final IoSession ioSession, final Object message)
        throws Exception
    {
        if (!(message instanceof IoBuffer))
        {
            nextFilter.messageReceived(ioSession, message);
            return;
        }

        final IoBuffer in = (IoBuffer)message;
        if (!in.hasRemaining())
        {
            // Nothing to frame, and the pass-through below reads the buffer's last byte: an empty buffer a filter in
            // front passed on goes no further.
            return;
        }
        State state = (State)ioSession.getAttribute(STATE);
        if (null == state)
        {
            state = new State();
            ioSession.setAttribute(STATE, state);
        }
        if (state.mode == Mode.PASS && state.remaining > in.remaining())
        {
            state.remaining -= in.remaining();
            state.last = in.get(in.limit() - 1);
            recordHeld(state.frameLength - state.remaining);
            nextFilter.messageReceived(ioSession, in);
            return;
        }

        final IoBuffer out = IoBuffer.allocate(in.remaining() + HEADER_CAPACITY).setAutoExpand(true);
        long dropped = 0;
        while (in.hasRemaining())
        {
            if (state.mode == Mode.PASS)
            {
                // The body of a frame whose header passed: copied in one go, not a byte at a time.
                final int length = (int)Math.min(state.remaining, in.remaining());
                final int limit = in.limit();
                in.limit(in.position() + length);
                out.put(in);
                in.limit(limit);
                state.last = out.get(out.position() - 1);
                state.remaining -= length;
                if (0 == state.remaining)
                {
                    state.startHeader();
                }
                continue;
            }
            final byte b = in.get();
            switch (state.mode)
            {

                case HEADER:
                    if (0 == state.headerLength && (b != '8' || (state.last != SOH && state.last != 0)))
                    {
                        // Outside any frame. QuickFIX/J's decoder would keep it until a header arrived.
                        dropped++;
                        break;
                    }
                    state.header[state.headerLength++] = b;
                    if (b == SOH && ++state.fields == 2)
                    {
                        final long bodyLength = state.bodyLength();
                        if (bodyLength < 0)
                        {
                            dropped += state.headerLength;
                            if (!onMalformedHeader(ioSession, state, "BodyLength(9) missing or not a number"))
                            {
                                return;
                            }
                        }
                        else if (bodyLength <= maxBodyLength)
                        {
                            out.put(state.header, 0, state.headerLength);
                            state.mode = Mode.PASS;
                            state.remaining = bodyLength + TRAILER_LENGTH;
                            state.frameLength = state.headerLength + state.remaining;
                        }
                        else if (!isLoggedOn(ioSession))
                        {
                            oversized.incrementAndGet();
                            closeBeforeLogon(ioSession, PreLogonCloseReason.OVERSIZED_MESSAGE);
                            return;
                        }
                        else
                        {
                            state.mode = Mode.SKIP;
                            state.declared = bodyLength;
                            state.captureLength = 0;
                            state.window = 0;
                        }
                    }
                    else if (state.headerLength == HEADER_CAPACITY)
                    {
                        dropped += state.headerLength;
                        if (!onMalformedHeader(ioSession, state, "no BodyLength(9) within " + HEADER_CAPACITY +
                            " bytes of BeginString(8)"))
                        {
                            return;
                        }
                    }
                    break;

                case SKIP:
                    if (state.captureLength < CAPTURE_CAPACITY)
                    {
                        state.capture[state.captureLength++] = b;
                    }
                    state.window = (state.window << 8) | (b & 0xFF);
                    if (state.isTrailer())
                    {
                        reject(ioSession, state);
                        state.startHeader();
                    }
                    break;

                default:
                    break;
            }
            state.last = b;
        }
        if (dropped > 0)
        {
            discardedBytes.addAndGet(dropped);
        }
        recordHeld(state.held());
        out.flip();
        if (out.hasRemaining())
        {
            nextFilter.messageReceived(ioSession, out);
        }
    }

    /**
     * @return true to go on reading the buffer, false when the connection is being closed.
     */
    private boolean onMalformedHeader(final IoSession ioSession, final State state, final String reason)
    {
        malformedHeaders.incrementAndGet();
        recordHeld(state.headerLength);
        final Session session = (Session)ioSession.getAttribute(SessionConnector.QF_SESSION);
        if (null == session || !session.isLoggedOn())
        {
            closeBeforeLogon(ioSession, PreLogonCloseReason.MALFORMED_HEADER);
            return false;
        }
        session.getLog().onErrorEvent("Tickwire: dropped a malformed message header from " +
            ioSession.getRemoteAddress() + " (" + reason + "): " + state.printableHeader(LOGGED_HEADER_BYTES));
        // What follows the header, up to the next SOH 8=, is outside any frame and dropped as such.
        state.startHeader();
        return true;
    }

    private void closeBeforeLogon(final IoSession ioSession, final PreLogonCloseReason reason)
    {
        if (null != guard)
        {
            guard.closeBeforeLogon(ioSession, reason);
        }
        else
        {
            ioSession.closeNow();
        }
    }

    private void recordHeld(final long held)
    {
        if (held > framingHighWaterMark.get())
        {
            framingHighWaterMark.accumulateAndGet(held, Math::max);
        }
    }

    private static boolean isLoggedOn(final IoSession ioSession)
    {
        final Session session = (Session)ioSession.getAttribute(SessionConnector.QF_SESSION);
        return null != session && session.isLoggedOn();
    }

    private void reject(final IoSession ioSession, final State state)
    {
        oversized.incrementAndGet();
        final Session session = (Session)ioSession.getAttribute(SessionConnector.QF_SESSION);
        if (null == session || !session.isLoggedOn())
        {
            // Logged out while the message was being skipped.
            closeBeforeLogon(ioSession, PreLogonCloseReason.OVERSIZED_MESSAGE);
            return;
        }
        final int refSeqNum = state.sequenceNumber();
        final Message reject = new Message();
        reject.getHeader().setString(35, "3");
        reject.setInt(45, Math.max(refSeqNum, 0));
        reject.setInt(371, 9);
        reject.setInt(373, 5);
        reject.setString(58, "BodyLength(9) " + state.declared + " exceeds the maximum inbound message size " +
            maxBodyLength);
        try
        {
            if (refSeqNum == session.getStore().getNextTargetMsgSeqNum())
            {
                session.getStore().incrNextTargetMsgSeqNum();
            }
        }
        catch (final java.io.IOException ex)
        {
            session.getLog().onErrorEvent("cannot advance target sequence after oversized message: " + ex);
        }
        session.send(reject);
    }

    private enum Mode
    {
        HEADER, PASS, SKIP
    }

    private static final class State
    {
        Mode mode = Mode.HEADER;
        final byte[] header = new byte[HEADER_CAPACITY];
        int headerLength;
        int fields;
        long remaining;
        long frameLength;
        long declared;
        final byte[] capture = new byte[CAPTURE_CAPACITY];
        int captureLength;
        long window;
        byte last;

        void startHeader()
        {
            mode = Mode.HEADER;
            headerLength = 0;
            fields = 0;
        }

        long held()
        {
            switch (mode)
            {
                case PASS:
                    return frameLength - remaining;
                case HEADER:
                    return headerLength;
                default:
                    return captureLength;
            }
        }

        String printableHeader(final int maxBytes)
        {
            final int length = Math.min(headerLength, maxBytes);
            final byte[] copy = new byte[length];
            for (int i = 0; i < length; i++)
            {
                final byte b = header[i];
                copy[i] = b == SOH ? (byte)'|' : (b < ' ' || b > '~') ? (byte)'?' : b;
            }
            return new String(copy, StandardCharsets.US_ASCII) + (headerLength > length ? "..." : "");
        }

        long bodyLength()
        {
            if (headerLength < 2 || header[1] != '=')
            {
                return -1;
            }
            int i = 0;
            while (i < headerLength && header[i] != SOH)
            {
                i++;
            }
            i++;
            if (i + 2 > headerLength || header[i] != '9' || header[i + 1] != '=')
            {
                return -1;
            }
            long value = 0;
            int digits = 0;
            for (i += 2; i < headerLength && header[i] != SOH; i++)
            {
                final int digit = header[i] - '0';
                if (digit < 0 || digit > 9 || value > Integer.MAX_VALUE)
                {
                    return -1;
                }
                value = value * 10 + digit;
                digits++;
            }
            return 0 == digits ? -1 : value;
        }

        boolean isTrailer()
        {
            // SOH '1' '0' '=' d d d SOH in the last 8 bytes.
            final long w = window;
            return (w & 0xFF) == SOH &&
                ((w >>> 56) & 0xFF) == SOH &&
                ((w >>> 48) & 0xFF) == '1' &&
                ((w >>> 40) & 0xFF) == '0' &&
                ((w >>> 32) & 0xFF) == '=' &&
                isDigit((int)(w >>> 24)) && isDigit((int)(w >>> 16)) && isDigit((int)(w >>> 8));
        }

        int sequenceNumber()
        {
            for (int i = 0; i + 3 < captureLength; i++)
            {
                if (capture[i] == SOH && capture[i + 1] == '3' && capture[i + 2] == '4' && capture[i + 3] == '=')
                {
                    int value = 0;
                    for (int j = i + 4; j < captureLength && capture[j] != SOH; j++)
                    {
                        value = value * 10 + (capture[j] - '0');
                    }
                    return value;
                }
            }
            return -1;
        }

        private static boolean isDigit(final int b)
        {
            final int c = b & 0xFF;
            return c >= '0' && c <= '9';
        }
    }
}
