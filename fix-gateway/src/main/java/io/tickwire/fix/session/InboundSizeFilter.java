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

import java.util.concurrent.atomic.AtomicLong;

/**
 * Caps the size of inbound FIX messages, in front of QuickFIX/J's decoder (which trusts BodyLength (9) and would
 * wait for as many bytes as it declares, swallowing the messages after it).
 * <p>
 * It frames the byte stream as the decoder does: a message starts with {@code 8=} after SOH (or at the start),
 * its length is BodyLength plus the 7-byte trailer. A message declaring more than the cap is dropped up to its
 * real trailer ({@code SOH 10=nnn SOH}) and answered with a session Reject (RefTagID 9, Text naming the cap and
 * the value) on the logged-on session, whose expected sequence number then moves past it, as QuickFIX/J does for
 * a rejected garbled message. Before logon there is no session to answer on: the connection is closed.
 */
public final class InboundSizeFilter extends IoFilterAdapter
{
    private static final String STATE = InboundSizeFilter.class.getName() + ".state";
    private static final byte SOH = 1;
    private static final int TRAILER_LENGTH = 7;
    private static final int HEADER_CAPACITY = 64;
    private static final int CAPTURE_CAPACITY = 256;

    private final int maxBodyLength;
    private final AtomicLong oversized = new AtomicLong();

    /**
     * @param maxBodyLength largest BodyLength (9) accepted.
     */
    public InboundSizeFilter(final int maxBodyLength)
    {
        this.maxBodyLength = maxBodyLength;
    }

    /**
     * @return oversized messages dropped so far.
     */
    public long oversizedCount()
    {
        return oversized.get();
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
            nextFilter.messageReceived(ioSession, in);
            return;
        }

        final IoBuffer out = IoBuffer.allocate(in.remaining() + HEADER_CAPACITY).setAutoExpand(true);
        while (in.hasRemaining())
        {
            final byte b = in.get();
            switch (state.mode)
            {
                case PASS:
                    out.put(b);
                    if (--state.remaining == 0)
                    {
                        state.startHeader();
                    }
                    break;

                case HEADER:
                    if (0 == state.headerLength && (b != '8' || (state.last != SOH && state.last != 0)))
                    {
                        out.put(b);
                        break;
                    }
                    state.header[state.headerLength++] = b;
                    if (b == SOH && ++state.fields == 2)
                    {
                        final long bodyLength = state.bodyLength();
                        if (bodyLength >= 0 && bodyLength <= maxBodyLength)
                        {
                            out.put(state.header, 0, state.headerLength);
                            state.mode = Mode.PASS;
                            state.remaining = bodyLength + TRAILER_LENGTH;
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
                        out.put(state.header, 0, state.headerLength);
                        state.startHeader();
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
        out.flip();
        if (out.hasRemaining())
        {
            nextFilter.messageReceived(ioSession, out);
        }
    }

    private void reject(final IoSession ioSession, final State state)
    {
        oversized.incrementAndGet();
        final Session session = (Session)ioSession.getAttribute(SessionConnector.QF_SESSION);
        if (null == session || !session.isLoggedOn())
        {
            ioSession.closeNow();
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

        long bodyLength()
        {
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
            for (i += 2; i < headerLength && header[i] != SOH; i++)
            {
                final int digit = header[i] - '0';
                if (digit < 0 || digit > 9 || value > Integer.MAX_VALUE)
                {
                    return -1;
                }
                value = value * 10 + digit;
            }
            return value;
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
