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
 * Whether the host clock is disciplined to UTC, as reported by the kernel and, where present, chrony.
 */
public enum SyncStatus
{
    /**
     * No reading has been taken, or the reading failed.
     */
    UNKNOWN,

    /**
     * The kernel (or chrony) reports the clock synchronised to a UTC reference.
     */
    SYNCHRONISED,

    /**
     * The kernel reports {@code STA_UNSYNC} or {@code TIME_ERROR}: the error bound is the kernel's worst case.
     */
    UNSYNCHRONISED
}
