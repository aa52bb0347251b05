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
package io.tickwire.fix.audit;

import java.nio.file.Path;

/**
 * Result of scanning one journal file: header values, how far it is valid, and the first issue if any.
 *
 * @param file          the file.
 * @param journalIndex  journal index from the header, -1 when the header is bad.
 * @param firstSequence first sequence from the header.
 * @param previousHash  previous hash from the header (32 bytes), null when the header is bad.
 * @param validLength   length of the valid prefix: header plus every valid frame.
 * @param fileLength    length of the file.
 * @param frames        valid frames.
 * @param lastSequence  sequence of the last valid frame, {@code firstSequence - 1} when none.
 * @param lastHash      hash of the last valid frame (or the previous hash when none), null when header bad.
 * @param issue         first issue or null when the whole file is valid.
 */
public record JournalFileScan(
    Path file,
    long journalIndex,
    long firstSequence,
    byte[] previousHash,
    long validLength,
    long fileLength,
    long frames,
    long lastSequence,
    byte[] lastHash,
    JournalIssue issue)
{
    /**
     * @return true when the file has no issue.
     */
    public boolean isValid()
    {
        return null == issue;
    }
}
