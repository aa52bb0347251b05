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

/**
 * Where a component's counters are allocated: an Aeron client ({@code aeron::addCounter}), so that they live in the
 * media driver's CnC file beside the driver's own and {@code AeronStat}, {@code tickwire stat} and the metrics
 * endpoint read them, or {@link LocalCounters} for a component that runs without a driver (a book builder in a test,
 * a capture dump). The component only sees {@link AtomicCounter}s either way, so its hot path is the same.
 */
@FunctionalInterface
public interface CounterAllocator
{
    /**
     * Allocate one counter, starting at zero.
     *
     * @param typeId of the counter, see {@link CounterSet#MIN_TYPE_ID}.
     * @param label  its label text, as {@code stat} prints it.
     * @return the counter; closing it frees it.
     */
    AtomicCounter allocate(int typeId, String label);
}
