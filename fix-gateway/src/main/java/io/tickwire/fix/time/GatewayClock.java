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
package io.tickwire.fix.time;

/**
 * The gateway's source of time: UTC at microsecond precision, a monotonic nanosecond reading for latency, and
 * the current clock synchronisation state. An interface so that tests inject time and sync states
 * ({@link ManualGatewayClock}); production uses {@link SystemGatewayClock}.
 */
public interface GatewayClock
{
    /**
     * @return microseconds since 1970-01-01T00:00:00Z (UTC, as kept by the host clock).
     */
    long epochMicros();

    /**
     * @return a monotonic nanosecond reading ({@link System#nanoTime()} in production), for latency only.
     */
    long monotonicNanos();

    /**
     * The latest synchronisation reading; cheap (one volatile load), never blocks.
     *
     * @return the latest snapshot, never null.
     */
    ClockSyncSnapshot syncSnapshot();
}
