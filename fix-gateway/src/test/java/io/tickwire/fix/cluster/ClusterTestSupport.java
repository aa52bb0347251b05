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

import org.agrona.ErrorHandler;

import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the cluster tests share: a member context for loopback tests, a condition wait, an error collector.
 * <p>
 * Ports: 17000-17299, outside the range the feed handler's tests pick free ports from (20000-32000,
 * {@code TestChannels}), outside the kernel's ephemeral range (32768 and up) where the other tests' port-0 sockets
 * land, and distinct per test so that a test never waits for another's sockets.
 */
public final class ClusterTestSupport
{
    static final int SNAPSHOT_TEST_BASE_PORT = 17_000;
    static final int REPLAY_TEST_BASE_PORT = 17_010;
    static final int FAILED_START_TEST_BASE_PORT = 17_020;
    static final int THREE_MEMBER_BASE_PORT = 17_030;

    private ClusterTestSupport()
    {
    }

    /**
     * A member on loopback with the echo service, keeping its directory across launches, with failover timeouts
     * short enough for a test (1 s instead of 10 s without a leader heartbeat).
     */
    static ClusterMemberContext memberContext(
        final Path dir, final int memberId, final List<String> hosts, final int basePort, final ErrorHandler errors)
    {
        return new ClusterMemberContext()
            .memberId(memberId)
            .hosts(hosts)
            .basePort(basePort)
            .clusterDir(dir.resolve("member-" + memberId).toFile())
            .failoverTimeout(1, TimeUnit.SECONDS)
            .clusteredService(EchoClusteredService::new)
            .errorHandler(errors);
    }

    /**
     * Wait for a condition by polling it every millisecond; fail with the message if it does not hold in time.
     */
    public static void await(final BooleanSupplier condition, final long timeoutMs, final Supplier<String> message)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadlineNs >= 0)
            {
                throw new AssertionError("not within " + timeoutMs + " ms: " + message.get());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    static EchoClusteredService echoService(final ClusterMember member)
    {
        return (EchoClusteredService)member.service();
    }

    /**
     * Collects every error any component reports, printing it so that a failing test shows why.
     */
    static final class Errors implements ErrorHandler
    {
        private final Queue<Throwable> errors = new ConcurrentLinkedQueue<>();

        public void onError(final Throwable throwable)
        {
            errors.add(throwable);
            System.err.println("cluster component error: " + throwable);
        }

        Queue<Throwable> errors()
        {
            return errors;
        }
    }
}
