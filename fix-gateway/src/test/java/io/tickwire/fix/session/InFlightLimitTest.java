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
import quickfix.SessionID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the limit counts as in flight: commands taken by the session thread less those the sender answered, where an
 * answer names a command of this run only. Suspending a real session's reads is checked end to end by
 * {@code gateway.FloodFairnessTest}.
 */
class InFlightLimitTest
{
    private static final SessionID NOT_CONNECTED = new SessionID("FIX.4.4", "TWGW", "NOBODY");

    @Test
    void shouldCountTakenLessAnswered()
    {
        final InFlightLimit limit = new InFlightLimit(4);
        for (long id = 1; id <= 10; id++)
        {
            limit.onTaken(id, 0, NOT_CONNECTED);
        }
        assertEquals(10, limit.inFlight());

        limit.onAnswered(3);
        limit.onAnswered(2);
        assertEquals(7, limit.inFlight(), "answers out of order: the highest counts");
        limit.onAnswered(10);
        assertEquals(0, limit.inFlight());
    }

    @Test
    void shouldIgnoreAnswersToCommandsItDidNotTake()
    {
        final InFlightLimit limit = new InFlightLimit(4);
        limit.onTaken(1, 0, NOT_CONNECTED);
        limit.onTaken(2, 0, NOT_CONNECTED);

        limit.onAnswered(5_000_000);

        assertEquals(2, limit.inFlight(), "a fill of an order from an earlier run names that run's command");
    }

    @Test
    void shouldSuspendNothingWithoutAConnectedSessionOrALimit()
    {
        final InFlightLimit limit = new InFlightLimit(2);
        final InFlightLimit unlimited = new InFlightLimit(0);
        for (long id = 1; id <= 100; id++)
        {
            limit.onTaken(id, 0, NOT_CONNECTED);
            unlimited.onTaken(id, 0, NOT_CONNECTED);
        }
        assertEquals(0, limit.suspensions());
        assertEquals(0, limit.poll());
        assertEquals(0, unlimited.suspensions());
        assertThrows(IllegalArgumentException.class, () -> new InFlightLimit(-1));
        assertTrue(InFlightLimit.canSuspend(), "QuickFIX/J's responder gives its MINA session to the limit");
    }
}
