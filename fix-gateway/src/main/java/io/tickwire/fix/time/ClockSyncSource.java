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
 * Something that can tell how well the host clock is synchronised to UTC: the kernel, chrony, a test.
 * Called off the hot path by {@link ClockSyncMonitor}; may block briefly (a system call, a child process).
 */
@FunctionalInterface
public interface ClockSyncSource
{
    /**
     * Take a reading. Sequence and reading time are assigned by the monitor.
     *
     * @return the reading; {@link SyncStatus#UNKNOWN} with a detail on failure, never null.
     */
    ClockSyncSnapshot read();
}
