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
package io.tickwire.feed.ring;

/**
 * What an ingest agent does when its ring has no room for the next message. Neither policy drops silently.
 */
public enum RingFullPolicy
{
    /**
     * Stop reading the source until the publisher has made room, and count each ring-full episode. For input
     * that waits for us (files, captures, the simulator): nothing is lost, the input is only read more slowly.
     */
    BACK_PRESSURE,

    /**
     * Keep reading the source, count every message that does not fit as dropped and report the episode. For
     * live input that does not wait (UDP): stalling would only move the loss into the kernel's socket buffer,
     * where nobody would count it.
     */
    DROP
}
