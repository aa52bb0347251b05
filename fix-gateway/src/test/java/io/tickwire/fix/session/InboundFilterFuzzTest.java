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

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilter;
import org.apache.mina.core.session.DummySession;
import quickfix.ApplicationAdapter;
import quickfix.DefaultSessionFactory;
import quickfix.Log;
import quickfix.LogFactory;
import quickfix.MemoryStoreFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SessionState;
import quickfix.mina.SessionConnector;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzz target for the gateway's own filters on raw inbound FIX bytes, {@link PreLogonGuard} and
 * {@link InboundSizeFilter}, chained as the gateway chains them in front of QuickFIX/J's decoder. In
 * {@code mvn verify} it replays the seed corpus under
 * {@code src/test/resources/io/tickwire/fix/session/InboundFilterFuzzTestInputs/}; docs/HARDENING.md says how to
 * fuzz it for real.
 * <p>
 * The input is three setup bytes (flags: bit 0 the connection is logged on, bit 1 a pre-logon byte limit; the
 * BodyLength cap; the byte limit) then the chunks a connection delivers, each a length byte and the bytes (a zero
 * length is an empty buffer). Properties: nothing throws; what reaches the decoder is the input with bytes removed,
 * never more and never reordered; every message it reaches the decoder with is framed (BeginString, then BodyLength
 * digits) and declares at most the cap; the framing high-water mark stays within header, cap and trailer (or what
 * is kept of a skipped message, when the cap is smaller); nothing passes once the connection is closed, and before
 * logon no more than the guard's byte limit passes.
 */
class InboundFilterFuzzTest
{
    private static final int FLAG_LOGGED_ON = 1;
    private static final int FLAG_BYTE_LIMIT = 2;
    private static final int SETUP_BYTES = 3;
    private static final int TRAILER_LENGTH = 7;
    /** What the size filter keeps of an oversized message it skips (its framingHighWaterMark documents it). */
    private static final int SKIP_CAPTURE_LENGTH = 256;

    @FuzzTest(maxDuration = "60s")
    void filterChunks(final byte[] input) throws Exception
    {
        final int flags = input.length > 0 ? input[0] : 0;
        final int maxBodyLength = 16 + 8 * (input.length > 1 ? input[1] & 0xFF : 0);
        final long maxBytes = 0 != (flags & FLAG_BYTE_LIMIT) ? 16L * (input.length > 2 ? input[2] & 0xFF : 0) : 0;
        final boolean loggedOn = 0 != (flags & FLAG_LOGGED_ON);

        final DummySession connection = new DummySession();
        if (loggedOn)
        {
            connection.setAttribute(SessionConnector.QF_SESSION, loggedOnSession());
        }
        final PreLogonGuard guard = new PreLogonGuard(maxBytes, 0, new GatewayCounters(), SecurityEventListener.NO_OP);
        final InboundSizeFilter sizeFilter = new InboundSizeFilter(maxBodyLength, guard);
        final ByteArrayOutputStream decoder = new ByteArrayOutputStream();
        final long[] afterGuard = new long[1];
        final boolean[] closedBeforePass = new boolean[1];
        final IoFilter.NextFilter toDecoder = nextFilter((buffer) ->
        {
            closedBeforePass[0] |= connection.isClosing();
            final byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            decoder.writeBytes(bytes);
        });
        final IoFilter.NextFilter toSizeFilter = nextFilter((buffer) ->
        {
            afterGuard[0] += buffer.remaining();
            sizeFilter.messageReceived(toDecoder, connection, buffer);
        });

        try
        {
            guard.sessionOpened(toSizeFilter, connection);
            final ByteArrayOutputStream given = new ByteArrayOutputStream();
            int i = SETUP_BYTES;
            while (i < input.length && !connection.isClosing())
            {
                final int length = Math.min(input[i++] & 0xFF, input.length - i);
                final byte[] chunk = new byte[length];
                System.arraycopy(input, i, chunk, 0, length);
                i += length;
                given.writeBytes(chunk);
                guard.messageReceived(toSizeFilter, connection, IoBuffer.wrap(chunk));
            }

            final byte[] in = given.toByteArray();
            final byte[] out = decoder.toByteArray();
            assertTrue(isSubsequence(out, in), "the decoder got bytes that were not sent, or out of order");
            assertFalse(closedBeforePass[0], "bytes passed after the connection was closed");
            if (!loggedOn && maxBytes > 0)
            {
                assertTrue(afterGuard[0] <= maxBytes, afterGuard[0] + " bytes passed before logon, limit " + maxBytes);
            }
            assertFramedWithinCap(out, maxBodyLength);
            assertTrue(sizeFilter.framingHighWaterMark() <=
                Math.max(InboundSizeFilter.HEADER_CAPACITY + maxBodyLength + TRAILER_LENGTH, SKIP_CAPTURE_LENGTH),
                "framing held " + sizeFilter.framingHighWaterMark() + " bytes");
            assertTrue(sizeFilter.discardedBytes() <= in.length);
        }
        finally
        {
            guard.close();
        }
    }

    /**
     * The decoder's view: each message starts with {@code 8=}, its second field is {@code 9=digits}, and it is
     * exactly BodyLength plus the trailer long after the header; the last may be cut short.
     */
    private static void assertFramedWithinCap(final byte[] out, final int maxBodyLength)
    {
        int p = 0;
        while (p < out.length)
        {
            assertTrue(out[p] == '8' && (p + 1 >= out.length || out[p + 1] == '='), "message not at BeginString");
            int q = p;
            while (q < out.length && out[q] != 1)
            {
                q++;
            }
            if (q + 1 >= out.length)
            {
                return;
            }
            q++;
            assertTrue(out[q] == '9' && (q + 1 >= out.length || out[q + 1] == '='), "BodyLength not second");
            q += 2;
            long bodyLength = 0;
            while (q < out.length && out[q] != 1)
            {
                assertTrue(out[q] >= '0' && out[q] <= '9', "BodyLength not digits");
                bodyLength = bodyLength * 10 + out[q] - '0';
                assertTrue(bodyLength <= maxBodyLength, "BodyLength above the cap reached the decoder");
                q++;
            }
            if (q >= out.length)
            {
                return;
            }
            p = (int)Math.min(out.length, q + 1 + bodyLength + TRAILER_LENGTH);
        }
    }

    private static boolean isSubsequence(final byte[] sub, final byte[] of)
    {
        int j = 0;
        for (int i = 0; i < of.length && j < sub.length; i++)
        {
            if (of[i] == sub[j])
            {
                j++;
            }
        }
        return j == sub.length;
    }

    /**
     * A session QuickFIX/J has logged on: the filters only ask it whether it is, for its log, store and to send a
     * Reject. Its logon flags are set directly because a real logon needs a counterparty.
     */
    private static Session loggedOnSession() throws Exception
    {
        final SessionID sessionID = new SessionID("FIX.4.4", "TW", "FUZZ");
        final SessionSettings settings = new SessionSettings();
        settings.setString(sessionID, "ConnectionType", "acceptor");
        settings.setString(sessionID, "NonStopSession", "Y");
        settings.setString(sessionID, "UseDataDictionary", "N");
        final LogFactory logs = (id) -> (Log)Proxy.newProxyInstance(Log.class.getClassLoader(),
            new Class<?>[] {Log.class}, (proxy, method, args) -> null);
        final Session session = new DefaultSessionFactory(new ApplicationAdapter(),
            new MemoryStoreFactory(), logs).create(sessionID, settings);
        final Field field = Session.class.getDeclaredField("state");
        field.setAccessible(true);
        final SessionState state = (SessionState)field.get(session);
        state.setLogonSent(true);
        state.setLogonReceived(true);
        return session;
    }

    private static IoFilter.NextFilter nextFilter(final BufferHandler handler)
    {
        return (IoFilter.NextFilter)Proxy.newProxyInstance(IoFilter.NextFilter.class.getClassLoader(),
            new Class<?>[] {IoFilter.NextFilter.class}, (proxy, method, args) ->
            {
                if ("messageReceived".equals(method.getName()))
                {
                    handler.onBuffer((IoBuffer)args[1]);
                }
                return null;
            });
    }

    /**
     * What the next filter does with a buffer passed on.
     */
    @FunctionalInterface
    private interface BufferHandler
    {
        void onBuffer(IoBuffer buffer) throws Exception;
    }
}
