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
package io.tickwire.fix.cluster;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.aeron.cluster.service.ClientSession;
import io.aeron.cluster.service.Cluster;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzz target for the cluster's command decoding: {@link MatchingService#onSessionMessage} (the
 * {@link IngressFrame} envelope, the {@link CommandValidator} and the engine behind it) over arbitrary log entries.
 * In {@code mvn verify} it replays the seed corpus under
 * {@code src/test/resources/io/tickwire/fix/cluster/MatchingServiceFuzzTestInputs/}; docs/HARDENING.md says how to
 * fuzz it for real.
 * <p>
 * The input is a run of log entries, each a u16 little-endian length and the entry (a length past the end takes
 * what is left), applied in order to one service started on a stand-in {@link Cluster} with one connected gateway.
 * Each entry is copied into a buffer of exactly its length, so a read past it throws. Properties: nothing escapes
 * (a clustered service that throws meets the same entry again at every replay); every entry is counted exactly once,
 * as applied, malformed or a duplicate; every applied command is answered with at least one event on egress.
 */
class MatchingServiceFuzzTest
{
    private static final int[] INSTRUMENTS = {1, 2, 3};

    @FuzzTest(maxDuration = "60s")
    void applyLogEntries(final byte[] input)
    {
        final long[] offers = new long[1];
        final ClientSession gateway = stub(ClientSession.class, (method, args) ->
        {
            if ("offer".equals(method.getName()) && 3 == args.length)
            {
                offers[0]++;
                return 1L;
            }
            return null;
        });
        final Cluster cluster = stub(Cluster.class, (method, args) ->
        {
            switch (method.getName())
            {
                case "idleStrategy":
                    return NoOpIdleStrategy.INSTANCE;
                case "role":
                    return Cluster.Role.LEADER;
                case "forEachClientSession":
                    @SuppressWarnings("unchecked")
                    final Consumer<ClientSession> consumer = (Consumer<ClientSession>)args[0];
                    consumer.accept(gateway);
                    return null;
                default:
                    return null;
            }
        });

        final MatchingService service = new MatchingService(INSTRUMENTS, 16, null);
        service.onStart(cluster, null);
        service.onRoleChange(Cluster.Role.LEADER);

        int position = 0;
        while (position < input.length)
        {
            final int declared = position + 1 < input.length ?
                (input[position] & 0xFF) | ((input[position + 1] & 0xFF) << 8) : 0;
            position = Math.min(position + 2, input.length);
            final int length = Math.min(declared, input.length - position);
            final byte[] entry = new byte[length];
            System.arraycopy(input, position, entry, 0, length);
            position += length;

            final long applied = service.commandsApplied();
            final long malformed = service.malformedCommands();
            final long duplicates = service.duplicateCommands();
            final long offersBefore = offers[0];
            final DirectBuffer buffer = new UnsafeBuffer(entry);
            service.onSessionMessage(gateway, 0, buffer, 0, length, null);

            assertEquals(1, service.commandsApplied() - applied + service.malformedCommands() - malformed +
                service.duplicateCommands() - duplicates, "an entry is applied, malformed or a duplicate, once");
            if (service.commandsApplied() > applied)
            {
                assertTrue(offers[0] > offersBefore, "an applied command was not answered");
            }
        }
        service.close();
    }

    /**
     * An interface implemented by a handler, with zero or false for any primitive the handler leaves null.
     */
    private static <T> T stub(final Class<T> type, final Handler handler)
    {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
            (proxy, method, args) ->
            {
                final Object result = handler.invoke(method, null == args ? new Object[0] : args);
                return null != result ? result : zero(method.getReturnType());
            }));
    }

    private static Object zero(final Class<?> type)
    {
        if (boolean.class == type)
        {
            return false;
        }
        if (long.class == type)
        {
            return 0L;
        }
        if (int.class == type)
        {
            return 0;
        }
        return null;
    }

    /**
     * What a stub does for a call.
     */
    @FunctionalInterface
    private interface Handler
    {
        Object invoke(Method method, Object[] args) throws Throwable;
    }
}
