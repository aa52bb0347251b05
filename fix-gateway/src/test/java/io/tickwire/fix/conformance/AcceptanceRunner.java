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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs an {@link AcceptanceDefinition} against a FIX acceptor on a port, step by step, and fails with the line
 * and the difference at the first step whose outcome differs.
 * <p>
 * Comparison of an expected message: field by field, per tag in order of occurrence, ignoring BodyLength (9),
 * CheckSum (10), SendingTime (52), TransactTime (60) and OrigSendingTime (122); Text (58) compares by prefix.
 * Heartbeat intervals may be shortened ({@code 108=N} rewritten to {@code 108=M} in sent and
 * expected messages alike) so that timing definitions run in seconds.
 */
final class AcceptanceRunner
{
    private static final char SOH = '\u0001';
    private static final Pattern TIME = Pattern.compile("<TIME([+-]\\d+)?>");
    private static final Set<String> IGNORED = Set.of("9", "10", "52", "60", "122");
    /**
     * {@code <TIME+n>} is n x 1.1 s away, as in QuickFIX/J's own runner: "121 s late" against a 120 s
     * MaxLatency must not be decided by the milliseconds the message spends in transit.
     */
    private static final long OFFSET_MILLIS_PER_SECOND = 1_100;
    private static final DateTimeFormatter UTC_TIMESTAMP =
        DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final int port;
    private final long expectTimeoutMs;
    private final long disconnectTimeoutMs;
    private final Map<String, String> heartbeatOverrides;
    private final Runnable awaitServerIdle;

    AcceptanceRunner(
        final int port,
        final long expectTimeoutMs,
        final long disconnectTimeoutMs,
        final Map<String, String> heartbeatOverrides,
        final Runnable awaitServerIdle)
    {
        this.port = port;
        this.awaitServerIdle = awaitServerIdle;
        this.expectTimeoutMs = expectTimeoutMs;
        this.disconnectTimeoutMs = disconnectTimeoutMs;
        this.heartbeatOverrides = heartbeatOverrides;
    }

    void run(final AcceptanceDefinition definition) throws IOException
    {
        final Map<Integer, FixTestClient> clients = new HashMap<>();
        try
        {
            for (final AcceptanceDefinition.Step step : definition.steps())
            {
                final String where = definition.file().getFileName() + ":" + step.lineNumber() + " ";
                switch (step.kind())
                {
                    case CONNECT:
                    {
                        final FixTestClient previous = clients.put(step.client(), new FixTestClient(port, 5_000));
                        if (null != previous)
                        {
                            previous.close();
                        }
                        break;
                    }
                    case SEND:
                        client(clients, step, where).send(prepareOutbound(overrideHeartbeat(step.text())));
                        break;
                    case SEND_RAW:
                        client(clients, step, where).send(substituteTime(step.text()));
                        break;
                    case EXPECT:
                    {
                        final String expected = overrideHeartbeat(step.text());
                        final String actual;
                        try
                        {
                            actual = client(clients, step, where).receive(expectTimeoutMs);
                        }
                        catch (final java.net.SocketTimeoutException ex)
                        {
                            throw new AssertionError(where + "expected " + show(expected) + " but " + ex.getMessage());
                        }
                        if (null == actual)
                        {
                            throw new AssertionError(where + "expected " + show(expected) + " but disconnected");
                        }
                        final String difference = compare(expected, actual);
                        if (null != difference)
                        {
                            throw new AssertionError(where + difference + "\n  expected " + show(expected) +
                                "\n  actual   " + show(actual));
                        }
                        break;
                    }
                    case EXPECT_DISCONNECT:
                    {
                        final String received;
                        try
                        {
                            received = client(clients, step, where).awaitDisconnect(disconnectTimeoutMs);
                        }
                        catch (final java.net.SocketTimeoutException ex)
                        {
                            throw new AssertionError(where + "expected disconnect but " + ex.getMessage());
                        }
                        if (!received.isEmpty())
                        {
                            throw new AssertionError(where + "expected disconnect but received " + show(received));
                        }
                        clients.remove(step.client()).close();
                        if (clients.isEmpty())
                        {
                            // The client sees the socket close before the server has finished its disconnect
                            // (logout callbacks, reset): wait for it, as a real client's reconnect delay would.
                            awaitServerIdle.run();
                        }
                        break;
                    }
                    default:
                        throw new IllegalStateException(step.toString());
                }
            }
        }
        finally
        {
            clients.values().forEach(FixTestClient::close);
        }
    }

    private static FixTestClient client(
        final Map<Integer, FixTestClient> clients, final AcceptanceDefinition.Step step, final String where)
    {
        final FixTestClient client = clients.get(step.client());
        if (null == client)
        {
            throw new AssertionError(where + "client " + step.client() + " is not connected");
        }
        return client;
    }

    private String overrideHeartbeat(final String message)
    {
        String result = message;
        for (final Map.Entry<String, String> entry : heartbeatOverrides.entrySet())
        {
            result = result.replace(SOH + "108=" + entry.getKey() + SOH, SOH + "108=" + entry.getValue() + SOH);
        }
        return result;
    }

    static String substituteTime(final String text)
    {
        final Matcher matcher = TIME.matcher(text);
        final StringBuilder sb = new StringBuilder();
        final long now = System.currentTimeMillis();
        while (matcher.find())
        {
            final long offsetSeconds = null == matcher.group(1) ? 0 : Long.parseLong(matcher.group(1));
            matcher.appendReplacement(
                sb, UTC_TIMESTAMP.format(Instant.ofEpochMilli(now + offsetSeconds * OFFSET_MILLIS_PER_SECOND)));
        }
        matcher.appendTail(sb);
        return sb.toString();
    }

    /**
     * TIME substituted; BodyLength inserted after BeginString when absent; CheckSum appended when absent.
     */
    static String prepareOutbound(final String text)
    {
        String message = substituteTime(text);
        final boolean hasCheckSum = message.startsWith("10=") || message.contains(SOH + "10=");
        if (message.startsWith("8=") && !message.contains(SOH + "9="))
        {
            final int afterBeginString = message.indexOf(SOH) + 1;
            final int checkSumAt = hasCheckSum ? message.lastIndexOf(SOH + "10=") + 1 : message.length();
            final int bodyLength = checkSumAt - afterBeginString;
            message = message.substring(0, afterBeginString) + "9=" + bodyLength + SOH +
                message.substring(afterBeginString);
        }
        if (!hasCheckSum)
        {
            int sum = 0;
            for (int i = 0; i < message.length(); i++)
            {
                sum += message.charAt(i);
            }
            message = message + "10=" + String.format("%03d", sum & 0xFF) + SOH;
        }
        return message;
    }

    /**
     * @return null when equal, else the first difference.
     */
    static String compare(final String expected, final String actual)
    {
        final Map<String, List<String>> expectedFields = fields(expected);
        final Map<String, List<String>> actualFields = fields(actual);
        for (final Map.Entry<String, List<String>> entry : expectedFields.entrySet())
        {
            final String tag = entry.getKey();
            final List<String> actualValues = actualFields.get(tag);
            if (null == actualValues)
            {
                return "missing tag " + tag;
            }
            if (actualValues.size() != entry.getValue().size())
            {
                return "tag " + tag + " occurs " + actualValues.size() + " times, expected " + entry.getValue().size();
            }
            for (int i = 0; i < actualValues.size(); i++)
            {
                final String expectedValue = entry.getValue().get(i);
                final String actualValue = actualValues.get(i);
                final boolean equal =
                    "58".equals(tag) ? actualValue.startsWith(expectedValue) : actualValue.equals(expectedValue);
                if (!equal)
                {
                    return "tag " + tag + " is '" + actualValue + "', expected '" + expectedValue + "'";
                }
            }
        }
        for (final String tag : actualFields.keySet())
        {
            if (!expectedFields.containsKey(tag))
            {
                return "unexpected tag " + tag;
            }
        }
        return null;
    }

    private static Map<String, List<String>> fields(final String message)
    {
        final Map<String, List<String>> fields = new LinkedHashMap<>();
        for (final String field : message.split(String.valueOf(SOH)))
        {
            if (field.isEmpty())
            {
                continue;
            }
            final int equals = field.indexOf('=');
            final String tag = equals < 0 ? field : field.substring(0, equals);
            final String value = equals < 0 ? "" : field.substring(equals + 1);
            if (!IGNORED.contains(tag))
            {
                fields.computeIfAbsent(tag, (t) -> new ArrayList<>()).add(value);
            }
        }
        return fields;
    }

    private static String show(final String message)
    {
        return message.replace(SOH, '|');
    }
}
