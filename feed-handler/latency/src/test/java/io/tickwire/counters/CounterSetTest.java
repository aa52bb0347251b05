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
package io.tickwire.counters;

import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersReader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A component's counters in memory of their own (the fallback without a driver): labelled by component, name and
 * instance, typed in Tickwire's range, readable by a second reader, and kept when the set is closed.
 */
class CounterSetTest
{
    @Test
    void shouldLabelAndTypeCountersSoThatAReaderSeesThem()
    {
        final CounterSet set = CounterSet.local("tickwire-test", "aeron:ipc stream 7", 4);
        final AtomicCounter gaps = set.add(3990, "gaps");
        final AtomicCounter rejects = set.add(3991, "rejects TOO_LATE");
        gaps.incrementRelease();
        rejects.getAndAddRelease(5);

        final List<String> seen = new ArrayList<>();
        final CountersReader reader = set.localReader();
        reader.forEach((counterId, typeId, keyBuffer, label) ->
            seen.add(typeId + " " + label + " = " + reader.getCounterValue(counterId)));
        assertEquals(List.of(
            "3990 tickwire-test gaps: aeron:ipc stream 7 = 1",
            "3991 tickwire-test rejects TOO_LATE: aeron:ipc stream 7 = 5"), seen);
        assertEquals(1, set.get(gaps));
    }

    @Test
    void shouldKeepTheValuesAndFreeTheCountersOnClose()
    {
        final CounterSet set = CounterSet.local("tickwire-test", "one", 2);
        final AtomicCounter counter = set.add(3990, "messages");
        counter.getAndAddRelease(42);

        set.close();
        set.close();

        assertTrue(set.isClosed());
        assertTrue(counter.isClosed());
        assertEquals(42, set.get(counter));
        final int[] allocated = new int[1];
        set.localReader().forEach((counterId, typeId, keyBuffer, label) -> allocated[0]++);
        assertEquals(0, allocated[0], "a closed component's counters are no longer listed");
        assertThrows(IllegalStateException.class, () -> set.add(3990, "late"));
    }

    @Test
    void shouldRefuseTypeIdsOutsideTickwiresRange()
    {
        final CounterSet set = CounterSet.local("tickwire-test", "one", 2);
        assertThrows(IllegalArgumentException.class, () -> set.add(101, "clashes with Aeron's"));
        assertThrows(IllegalArgumentException.class, () -> set.add(CounterSet.MAX_TYPE_ID + 1, "too high"));
    }

    @Test
    void shouldAllocateThroughTheAllocatorGivenAndCutLongInstancesAtTheFront()
    {
        final LocalCounters driver = new LocalCounters(2);
        final String instance = "x".repeat(300) + "stream 9";
        final CounterSet set = CounterSet.of(driver, "tickwire-test", instance, 2);
        set.add(3990, "gaps");

        assertNull(set.localReader(), "the counters are the allocator's, read where it keeps them");
        final String label = driver.reader().getCounterLabel(0);
        assertTrue(label.startsWith("tickwire-test gaps: ...x") && label.endsWith("stream 9"), label);
        assertEquals(CounterSet.MAX_INSTANCE_LENGTH + 3, set.instance().length());
    }
}
