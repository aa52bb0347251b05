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
package io.tickwire.fix.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A FIX session that floods: it logs on over a plain socket, then writes NewOrderSingles back to back as fast as
 * TCP takes them, never waiting for an answer, while a reader thread counts the ExecutionReports. It is the
 * misbehaving (or merely bursty) client of the gateway's fairness test and of {@code bench fix-flood}: a QuickFIX/J
 * initiator could not pipeline like this, because its session thread also has to read the answers.
 * <p>
 * Orders alternate buy one unit below and sell one unit above a mid price, so they rest without trading and each
 * is answered by exactly one ExecutionReport (New, or Rejected). A TestRequest is answered with a Heartbeat, and a
 * Heartbeat goes out every {@value #HEARTBEAT_SECONDS} s once the burst is written, so a long drain does not end
 * the session. Not thread safe beyond that: one owner thread calls the methods.
 */
public final class PipelinedOrderFlood implements AutoCloseable
{
    private static final int HEARTBEAT_SECONDS = 10;
    private static final char SOH = '\u0001';
    private static final DateTimeFormatter SENDING_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss.SSS");

    private final String beginString;
    private final String senderCompId;
    private final String targetCompId;
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final CountDownLatch loggedOn = new CountDownLatch(1);
    private final CountDownLatch burstWritten = new CountDownLatch(1);
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final String runPrefix = "F" + Long.toString(System.currentTimeMillis(), 36) + "-";
    private final Thread reader;
    private Thread writer;
    private volatile String pendingTestRequest;
    private volatile String logoutText;
    private volatile boolean closed;
    private volatile boolean stopping;
    private volatile long firstWriteNanos;
    private volatile long lastAnswerNanos;
    private volatile long lastSendNanos;
    private int nextSeqNum = 1;

    /**
     * Connect; nothing is sent until {@link #logon}.
     *
     * @param host         gateway host.
     * @param port         gateway port.
     * @param beginString  e.g. FIX.4.4.
     * @param senderCompId our CompID.
     * @param targetCompId the gateway's CompID.
     * @throws IOException if the connection fails.
     */
    public PipelinedOrderFlood(
        final String host,
        final int port,
        final String beginString,
        final String senderCompId,
        final String targetCompId) throws IOException
    {
        this.beginString = beginString;
        this.senderCompId = senderCompId;
        this.targetCompId = targetCompId;
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        in = socket.getInputStream();
        reader = new Thread(this::read, "flood-reader-" + senderCompId);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Log on with ResetSeqNumFlag and wait for the gateway's Logon.
     *
     * @param username  Username (553), or null.
     * @param password  Password (554), or null.
     * @param timeoutMs how long to wait.
     * @throws IOException           if the Logon cannot be written.
     * @throws IllegalStateException if the gateway refused the logon or did not answer in time.
     * @throws InterruptedException  if interrupted.
     */
    public void logon(final String username, final String password, final long timeoutMs)
        throws IOException, InterruptedException
    {
        final StringBuilder body = new StringBuilder().append("98=0").append(SOH).append("108=30").append(SOH)
            .append("141=Y").append(SOH);
        if (null != username)
        {
            body.append("553=").append(username).append(SOH).append("554=").append(password).append(SOH);
        }
        send("A", body, true);
        if (!loggedOn.await(timeoutMs, TimeUnit.MILLISECONDS))
        {
            throw new IllegalStateException(senderCompId + " not logged on within " + timeoutMs + " ms" +
                (null == logoutText ? "" : ": " + logoutText));
        }
    }

    /**
     * Write {@code orders} orders on a thread of their own, back to back.
     *
     * @param orders number of NewOrderSingles.
     * @param symbol instrument.
     * @param mid    mid price: buys one below, sells one above.
     */
    public void start(final int orders, final String symbol, final BigDecimal mid)
    {
        final String buyPrice = mid.subtract(BigDecimal.ONE).toPlainString();
        final String sellPrice = mid.add(BigDecimal.ONE).toPlainString();
        writer = new Thread(() -> writeOrders(orders, symbol, buyPrice, sellPrice), "flood-writer-" + senderCompId);
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Stop writing orders (a burst of open-ended length ends here) and wait until the writer has flushed the last.
     *
     * @param timeoutMs how long to wait for the writer, which may be held by TCP back pressure.
     * @return orders written.
     * @throws InterruptedException if interrupted.
     */
    public long stop(final long timeoutMs) throws InterruptedException
    {
        stopping = true;
        burstWritten.await(timeoutMs, TimeUnit.MILLISECONDS);
        return written.get();
    }

    /**
     * @return orders written to the socket so far.
     */
    public long written()
    {
        return written.get();
    }

    /**
     * @return ExecutionReports with ExecType New received.
     */
    public long acknowledged()
    {
        return acknowledged.get();
    }

    /**
     * @return ExecutionReports with ExecType Rejected received.
     */
    public long rejected()
    {
        return rejected.get();
    }

    /**
     * @return session-level Rejects and BusinessMessageRejects received (an order refused before the engine).
     */
    public long refused()
    {
        return refused.get();
    }

    /**
     * Wait until every written order is answered and the writer is done.
     *
     * @param orders    orders expected.
     * @param timeoutMs how long to wait.
     * @return whether all were answered.
     * @throws InterruptedException if interrupted.
     */
    public boolean awaitAnswers(final long orders, final long timeoutMs) throws InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (acknowledged.get() + rejected.get() + refused.get() < orders && System.nanoTime() < deadlineNs &&
            !closed)
        {
            Thread.sleep(5);
        }
        return acknowledged.get() + rejected.get() + refused.get() >= orders;
    }

    /**
     * @return answers per second from the first order written to the last answer so far.
     */
    public double answeredPerSecond()
    {
        final long first = firstWriteNanos;
        final long last = lastAnswerNanos;
        final long answers = acknowledged.get() + rejected.get() + refused.get();
        return 0 == first || last <= first ? 0 : answers / ((last - first) / 1e9);
    }

    /**
     * @return the Text of a Logout from the gateway, or null.
     */
    public String logoutText()
    {
        return logoutText;
    }

    /**
     * Log out (best effort) and close the socket.
     */
    public void close()
    {
        // Not while the writer may be held mid-burst by TCP back pressure: the Logout would wait behind it.
        if (!closed && 0 == burstWritten.getCount())
        {
            try
            {
                send("5", new StringBuilder(), true);
            }
            catch (final IOException ignore)
            {
                // The gateway may have gone first: closing is all that is left.
            }
        }
        closed = true;
        try
        {
            socket.close();
        }
        catch (final IOException ignore)
        {
            // Nothing to do about a failed close.
        }
        if (null != writer)
        {
            writer.interrupt();
        }
    }

    private void writeOrders(final int orders, final String symbol, final String buyPrice, final String sellPrice)
    {
        final StringBuilder body = new StringBuilder(160);
        try
        {
            firstWriteNanos = System.nanoTime();
            for (int i = 0; i < orders && !stopping && !closed; i++)
            {
                final boolean buy = (i & 1) == 0;
                body.setLength(0);
                body.append("11=").append(runPrefix).append(i).append(SOH)
                    .append("21=1").append(SOH)
                    .append("55=").append(symbol).append(SOH)
                    .append("54=").append(buy ? '1' : '2').append(SOH)
                    .append("60=").append(now()).append(SOH)
                    .append("38=100").append(SOH)
                    .append("40=2").append(SOH)
                    .append("44=").append(buy ? buyPrice : sellPrice).append(SOH)
                    .append("59=0").append(SOH);
                // Flushed by the buffer when full, never per order: back to back, as fast as TCP takes them.
                send("D", body, false);
                written.incrementAndGet();
            }
            send("0", new StringBuilder(), true);
            burstWritten.countDown();
            while (!closed)
            {
                Thread.sleep(TimeUnit.SECONDS.toMillis(1));
                final String testRequest = pendingTestRequest;
                if (null != testRequest ||
                    System.nanoTime() - lastSendNanos > TimeUnit.SECONDS.toNanos(HEARTBEAT_SECONDS))
                {
                    pendingTestRequest = null;
                    send("0", null == testRequest ? new StringBuilder() :
                        new StringBuilder().append("112=").append(testRequest).append(SOH), true);
                }
            }
        }
        catch (final IOException | InterruptedException ex)
        {
            // The session ended (closed here or by the gateway): the counts say how far it got.
        }
        finally
        {
            burstWritten.countDown();
        }
    }

    private void send(final String msgType, final CharSequence body, final boolean flush) throws IOException
    {
        synchronized (out)
        {
            final StringBuilder message = new StringBuilder(body.length() + 96)
                .append("35=").append(msgType).append(SOH)
                .append("34=").append(nextSeqNum++).append(SOH)
                .append("49=").append(senderCompId).append(SOH)
                .append("52=").append(now()).append(SOH)
                .append("56=").append(targetCompId).append(SOH)
                .append(body);
            final String head = "8=" + beginString + SOH + "9=" + message.length() + SOH;
            final byte[] bytes = (head + message).getBytes(StandardCharsets.ISO_8859_1);
            int sum = 0;
            for (final byte b : bytes)
            {
                sum += b & 0xFF;
            }
            out.write(bytes);
            out.write(String.format("10=%03d%c", sum & 0xFF, SOH).getBytes(StandardCharsets.ISO_8859_1));
            if (flush)
            {
                out.flush();
            }
            lastSendNanos = System.nanoTime();
        }
    }

    private void read()
    {
        byte[] buffer = new byte[256 * 1024];
        int length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.length)
                {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
                final int read = in.read(buffer, length, buffer.length - length);
                if (read < 0)
                {
                    break;
                }
                length += read;
                int start = 0;
                int end;
                while ((end = frameEnd(buffer, start, length)) > 0)
                {
                    onMessage(buffer, start, end);
                    start = end;
                }
                System.arraycopy(buffer, start, buffer, 0, length - start);
                length -= start;
            }
        }
        catch (final IOException ex)
        {
            // Closed by us or reset by the gateway: either way the session is over.
        }
        closed = true;
    }

    private void onMessage(final byte[] buffer, final int start, final int end)
    {
        final String msgType = field(buffer, start, end, "35");
        if ("8".equals(msgType))
        {
            final String execType = field(buffer, start, end, "150");
            lastAnswerNanos = System.nanoTime();
            if ("0".equals(execType))
            {
                acknowledged.incrementAndGet();
            }
            else if ("8".equals(execType))
            {
                rejected.incrementAndGet();
            }
        }
        else if ("3".equals(msgType) || "j".equals(msgType))
        {
            lastAnswerNanos = System.nanoTime();
            refused.incrementAndGet();
        }
        else if ("1".equals(msgType))
        {
            pendingTestRequest = field(buffer, start, end, "112");
        }
        else if ("A".equals(msgType))
        {
            loggedOn.countDown();
        }
        else if ("5".equals(msgType))
        {
            logoutText = field(buffer, start, end, "58");
        }
    }

    /**
     * The value of a tag in the message {@code [start, end)}, or null.
     */
    static String field(final byte[] buffer, final int start, final int end, final String tag)
    {
        int fieldStart = start;
        while (fieldStart < end)
        {
            int equals = fieldStart;
            while (equals < end && buffer[equals] != '=')
            {
                equals++;
            }
            int valueEnd = equals + 1;
            while (valueEnd < end && buffer[valueEnd] != SOH)
            {
                valueEnd++;
            }
            if (equals - fieldStart == tag.length() && tag.equals(
                new String(buffer, fieldStart, equals - fieldStart, StandardCharsets.ISO_8859_1)))
            {
                return new String(buffer, equals + 1, valueEnd - equals - 1, StandardCharsets.ISO_8859_1);
            }
            fieldStart = valueEnd + 1;
        }
        return null;
    }

    /**
     * The end (exclusive) of the message starting at {@code start}: after the SOH closing {@code 10=nnn}; -1 if
     * the buffer does not yet hold all of it.
     */
    static int frameEnd(final byte[] buffer, final int start, final int length)
    {
        for (int i = start; i + 4 <= length; i++)
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

    private static String now()
    {
        return LocalDateTime.now(ZoneOffset.UTC).format(SENDING_TIME);
    }
}
