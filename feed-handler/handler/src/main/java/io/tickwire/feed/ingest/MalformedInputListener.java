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
package io.tickwire.feed.ingest;

/**
 * Told about every piece of input that could not be used, with enough context to find it again.
 * <p>
 * Called off the normal path only; implementations may allocate and format.
 */
@FunctionalInterface
public interface MalformedInputListener
{
    /**
     * Malformed input was skipped.
     *
     * @param reason   the single reason it is counted under.
     * @param source   name of the source, e.g. a file path.
     * @param position byte offset in a file, or MoldUDP64 sequence number for live input.
     * @param detail   human-readable detail, e.g. "type 'A' length 35, expected 36".
     */
    void onMalformed(MalformedReason reason, String source, long position, String detail);
}
