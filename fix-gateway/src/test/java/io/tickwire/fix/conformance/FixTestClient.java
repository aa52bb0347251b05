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
package io.tickwire.fix.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One client connection of a definition: raw bytes out, FIX-framed messages in.
 */
final class FixTestClient implements AutoCloseable
{
    private static final byte SOH = 1;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private byte[] buffer = new byte[64 * 1024];
    private int length;
    private boolean eof;

    FixTestClient(final int port, final int connectTimeoutMs) throws IOException
    {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), connectTimeoutMs);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    void send(final String message) throws IOException
    {
        out.write(message.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /**
     * Next framed message, or null on disconnect, or a timeout exception.
     */
    String receive(final long timeoutMs) throws IOException
    {
        final long deadline = System.currentTimeMillis() + timeoutMs;
        while (true)
        {
            final int end = frameEnd();
            if (end > 0)
            {
                final String message = new String(buffer, 0, end, StandardCharsets.ISO_8859_1);
                System.arraycopy(buffer, end, buffer, 0, length - end);
                length -= end;
                return message;
            }
            if (eof)
            {
                return null;
            }
            final long remaining = deadline - System.currentTimeMillis();
            if (remaining <= 0)
            {
                throw new SocketTimeoutException("no message within " + timeoutMs + " ms, buffered: " +
                    new String(buffer, 0, length, StandardCharsets.ISO_8859_1).replace('\u0001', '|'));
            }
            readSome((int)remaining);
        }
    }

    /**
     * Wait until the peer closes the connection; returns messages received meanwhile (joined), or throws on
     * timeout.
     */
    String awaitDisconnect(final long timeoutMs) throws IOException
    {
        final long deadline = System.currentTimeMillis() + timeoutMs;
        while (!eof)
        {
            final long remaining = deadline - System.currentTimeMillis();
            if (remaining <= 0)
            {
                throw new SocketTimeoutException("not disconnected within " + timeoutMs + " ms");
            }
            readSome((int)remaining);
        }
        final String rest = new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
        length = 0;
        return rest;
    }

    private void readSome(final int timeoutMs) throws IOException
    {
        if (length == buffer.length)
        {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        socket.setSoTimeout(Math.max(1, timeoutMs));
        try
        {
            final int read = in.read(buffer, length, buffer.length - length);
            if (read < 0)
            {
                eof = true;
            }
            else
            {
                length += read;
            }
        }
        catch (final SocketTimeoutException ex)
        {
            // Loop re-checks the deadline.
        }
        catch (final IOException ex)
        {
            // Connection reset: the peer is gone, which is a disconnect.
            eof = true;
        }
    }

    private int frameEnd()
    {
        // A message ends at the SOH that closes "10=nnn"; find "<SOH>10=" and the SOH after it.
        for (int i = 0; i + 4 <= length; i++)
        {
            if (SOH == buffer[i] && '1' == buffer[i + 1] && '0' == buffer[i + 2] && '=' == buffer[i + 3])
            {
                for (int j = i + 4; j < length; j++)
                {
                    if (SOH == buffer[j])
                    {
                        return j + 1;
                    }
                }
                return -1;
            }
        }
        return -1;
    }

    public void close()
    {
        try
        {
            socket.close();
        }
        catch (final IOException ignore)
        {
        }
    }
}
