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
package io.tickwire.feed.client;

import io.aeron.driver.status.SystemCounterDescriptor;
import org.agrona.concurrent.status.CountersReader;

/**
 * Reads media driver system counters (as AeronStat shows them) through a {@link CountersReader}.
 */
public final class DriverCounters
{
    private DriverCounters()
    {
    }

    /**
     * Value of a system counter.
     *
     * @param reader     of the driver's counters.
     * @param descriptor of the counter.
     * @return the value, or -1 when absent.
     */
    public static long value(final CountersReader reader, final SystemCounterDescriptor descriptor)
    {
        final long[] value = { -1 };
        reader.forEach((counterId, typeId, keyBuffer, label) ->
        {
            if (SystemCounterDescriptor.SYSTEM_COUNTER_TYPE_ID == typeId && descriptor.id() == keyBuffer.getInt(0))
            {
                value[0] = reader.getCounterValue(counterId);
            }
        });
        return value[0];
    }
}
