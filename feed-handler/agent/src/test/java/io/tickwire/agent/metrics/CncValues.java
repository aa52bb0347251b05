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
package io.tickwire.agent.metrics;

import org.agrona.concurrent.status.CountersReader;

import java.util.Map;
import java.util.TreeMap;

/**
 * The counters of a running media driver read from its CnC file through a reader of their own, as
 * {@code tickwire stat} reads them: label to value for the labels with a prefix, and their type ids, for tests that
 * compare a component's getters with what an operator would see.
 */
public final class CncValues
{
    private final Map<String, Long> values = new TreeMap<>();
    private final Map<String, Integer> typeIds = new TreeMap<>();

    private CncValues()
    {
    }

    /**
     * Read the counters now.
     *
     * @param aeronDirectoryName the driver's directory.
     * @param labelPrefix        only labels that start with it, e.g. {@code tickwire-feed-client }.
     * @return the values.
     */
    public static CncValues read(final String aeronDirectoryName, final String labelPrefix)
    {
        try (CncCounters cnc = new CncCounters(aeronDirectoryName))
        {
            return read(cnc.reader(), labelPrefix);
        }
    }

    /**
     * Read the counters of a reader now.
     *
     * @param reader      the counters.
     * @param labelPrefix only labels that start with it.
     * @return the values.
     */
    public static CncValues read(final CountersReader reader, final String labelPrefix)
    {
        final CncValues cncValues = new CncValues();
        reader.forEach((counterId, typeId, keyBuffer, label) ->
        {
            if (label.startsWith(labelPrefix))
            {
                if (null != cncValues.values.put(label, reader.getCounterValue(counterId)))
                {
                    throw new IllegalStateException("two counters labelled " + label);
                }
                cncValues.typeIds.put(label, typeId);
            }
        });
        return cncValues;
    }

    /**
     * The value of a counter.
     *
     * @param label its whole label.
     * @return its value.
     * @throws IllegalArgumentException if there is no such counter.
     */
    public long value(final String label)
    {
        final Long value = values.get(label);
        if (null == value)
        {
            throw new IllegalArgumentException("no counter labelled '" + label + "' in " + values.keySet());
        }
        return value;
    }

    /**
     * The type id of a counter.
     *
     * @param label its whole label.
     * @return its type id.
     */
    public int typeId(final String label)
    {
        value(label);
        return typeIds.get(label);
    }

    /**
     * Every counter read.
     *
     * @return label to value, sorted by label.
     */
    public Map<String, Long> values()
    {
        return values;
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return values.toString();
    }
}
