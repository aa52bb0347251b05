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

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The throttle's windows on a clock the test moves.
 */
class LogonThrottleTest
{
    private static final String ADDRESS = "10.0.0.1";
    private static final long LOCKOUT_MS = 1_000;
    private static final long MAX_LOCKOUT_MS = 8_000;

    private long nowMs = 1_000_000;
    private final LogonThrottle throttle = new LogonThrottle(5, 20, LOCKOUT_MS, MAX_LOCKOUT_MS, 100, () -> nowMs);

    @Test
    void shouldLockOutAUserAfterFiveFailuresUntilTheWindowEnds()
    {
        for (int i = 0; i < 4; i++)
        {
            assertEquals(0, throttle.onFailure("alice", ADDRESS));
            assertEquals(0, throttle.lockedOutMs("alice", ADDRESS));
        }
        assertEquals(LOCKOUT_MS, throttle.onFailure("alice", ADDRESS));
        assertEquals(LOCKOUT_MS, throttle.lockedOutMs("alice", ADDRESS));
        assertEquals(LOCKOUT_MS, throttle.lockedOutMs("alice", "10.0.0.2"), "the user, from any address");
        assertEquals(0, throttle.lockedOutMs("bob", ADDRESS), "other users from the same address");
        nowMs += LOCKOUT_MS - 1;
        assertEquals(1, throttle.lockedOutMs("alice", ADDRESS));
        nowMs += 1;
        assertEquals(0, throttle.lockedOutMs("alice", ADDRESS));
    }

    @Test
    void shouldDoubleTheWindowWithEachFurtherFailureUpToTheMaximum()
    {
        for (int i = 0; i < 4; i++)
        {
            throttle.onFailure("alice", ADDRESS);
        }
        final long[] expected = {1_000, 2_000, 4_000, 8_000, 8_000};
        for (final long window : expected)
        {
            assertEquals(window, throttle.onFailure("alice", ADDRESS));
            nowMs += window;
        }
    }

    @Test
    void shouldStartAfreshAfterASuccessOrALongQuiet()
    {
        for (int i = 0; i < 4; i++)
        {
            throttle.onFailure("alice", ADDRESS);
        }
        throttle.onSuccess("alice", ADDRESS);
        assertEquals(0, throttle.onFailure("alice", ADDRESS), "counting from one again");

        for (int i = 0; i < 4; i++)
        {
            throttle.onFailure("alice", ADDRESS);
        }
        assertEquals(LOCKOUT_MS, throttle.lockedOutMs("alice", ADDRESS));
        nowMs += MAX_LOCKOUT_MS + 1;
        assertEquals(0, throttle.onFailure("alice", ADDRESS), "forgotten after the longest window without failure");
    }

    @Test
    void shouldLockOutAnAddressWalkingThroughUserNames()
    {
        for (int i = 0; i < 19; i++)
        {
            assertEquals(0, throttle.onFailure("user" + i, ADDRESS));
        }
        assertEquals(LOCKOUT_MS, throttle.onFailure("user19", ADDRESS));
        assertEquals(LOCKOUT_MS, throttle.lockedOutMs("anyone", ADDRESS));
        assertEquals(0, throttle.lockedOutMs("anyone", "10.0.0.2"));
        assertEquals(0, throttle.lockedOutMs("user0", "10.0.0.2"), "one failure each: no user is locked out");
    }

    @Test
    void shouldTrackABoundedNumberOfUsersAndAddresses()
    {
        for (int i = 0; i < 10_000; i++)
        {
            throttle.onFailure("user" + i, "10.1." + (i / 256) + "." + (i % 256));
        }
        assertTrue(throttle.trackedCount() <= 200, "" + throttle.trackedCount());
    }

    @Test
    void shouldParseTheIpOutOfASocketAddress()
    {
        assertEquals("127.0.0.1", GatewayApplication.ipOf("/127.0.0.1:54321"));
        assertEquals("10.0.0.5", GatewayApplication.ipOf("host.example/10.0.0.5:9878"));
        assertEquals("0:0:0:0:0:0:0:1", GatewayApplication.ipOf("/0:0:0:0:0:0:0:1:9878"));
    }
}
