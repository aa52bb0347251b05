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

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The session's ClOrdID window: bounded, oldest out first, and nothing allocated per id once it is full.
 */
class SessionStateTest
{
    private static final SessionID SESSION = new SessionID("FIX.4.4", "TWGW", "CLIENT1");

    @Test
    void shouldForgetTheOldestIdsBeyondTheWindow()
    {
        final SessionState state = new SessionState(0, SESSION, null, null, 16);
        for (int i = 1; i <= 20; i++)
        {
            assertTrue(state.register("ID-" + i, 100 + i));
        }
        assertEquals(16, state.clOrdIdCount());
        for (int i = 1; i <= 4; i++)
        {
            assertEquals(SessionState.NOT_FOUND, state.orderIdFor("ID-" + i), "evicted: ID-" + i);
        }
        for (int i = 5; i <= 20; i++)
        {
            assertEquals(100 + i, state.orderIdFor("ID-" + i));
            assertFalse(state.register("ID-" + i, 999), "still in the window: ID-" + i);
        }

        assertTrue(state.register("ID-1", 201), "an evicted id is new to the window (the engine decides)");
        assertEquals(201, state.orderIdFor("ID-1"));
        assertEquals(SessionState.NOT_FOUND, state.orderIdFor("ID-5"), "made way for ID-1");
        assertEquals(16, state.clOrdIdCount());
    }

    @Test
    void shouldRefuseAWindowOfNoIds()
    {
        final IllegalArgumentException ex = assertThrows(
            IllegalArgumentException.class, () -> new SessionState(0, SESSION, null, null, 0));
        assertTrue(ex.getMessage().contains("at least 1"), ex.getMessage());
    }

    @Test
    void shouldNotAllocatePerOrderOnceTheWindowIsFull()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long threadId = Thread.currentThread().getId();
        final int window = 4096;
        final SessionState state = new SessionState(0, SESSION, null, null, window);
        final StringBuilder clOrdId = new StringBuilder(32);
        long orderId = 1;
        orderId = registerAndLookUp(state, clOrdId, orderId, 3 * window);

        final long before = threads.getThreadAllocatedBytes(threadId);
        final long last = registerAndLookUp(state, clOrdId, orderId, 100_000);
        final long allocated = threads.getThreadAllocatedBytes(threadId) - before;

        assertEquals(window, state.clOrdIdCount());
        assertEquals(last - 1, state.orderIdFor(clOrdId), "the last id registered is found");
        assertTrue(allocated < 10_000, "bytes allocated for 100,000 ids through a full window: " + allocated);
    }

    /**
     * Register ids "C" + order id, each looked up and its predecessor refused again, as the order path does.
     */
    private static long registerAndLookUp(
        final SessionState state, final StringBuilder clOrdId, final long firstOrderId, final int count)
    {
        long orderId = firstOrderId;
        for (int i = 0; i < count; i++)
        {
            clOrdId.setLength(0);
            clOrdId.append('C').append(orderId);
            if (!state.register(clOrdId, orderId) || state.orderIdFor(clOrdId) != orderId)
            {
                throw new AssertionError("not registered: " + clOrdId);
            }
            orderId++;
        }
        return orderId;
    }
}
