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
 * A problem found in a journal file: what, where (file and byte offset) and at which record.
 *
 * @param kind     what is wrong.
 * @param file     the file.
 * @param offset   byte offset in the file of the header or frame concerned.
 * @param sequence record sequence expected at that offset, 0 when not applicable.
 * @param message  human readable detail.
 */
public record JournalIssue(Kind kind, Path file, long offset, long sequence, String message)
{
    /**
     * Kinds of issue.
     */
    public enum Kind
    {
        /**
         * The file header is missing, short, has the wrong magic/version or a bad CRC.
         */
        BAD_HEADER,

        /**
         * The header does not continue the previous file (index, first sequence or previous hash).
         */
        FILE_DISCONTINUITY,

        /**
         * The file ends inside a frame: a torn tail (crash) or a cut file.
         */
        TRUNCATED,

        /**
         * A frame's record length is outside the valid range.
         */
        BAD_LENGTH,

        /**
         * A frame's CRC32C does not match its bytes: corruption or tampering.
         */
        BAD_CRC,

        /**
         * A frame's CRC matches but its hash does not continue the chain: the record was altered and its CRC
         * recomputed, or a record was removed or reordered.
         */
        CHAIN_BROKEN,

        /**
         * A frame's sequence is not the previous sequence + 1, or the record's own sequence disagrees.
         */
        SEQUENCE_GAP,

        /**
         * A file's header names another journal index than its file name: files renamed or swapped.
         */
        INDEX_MISMATCH,

        /**
         * A seal names a head record beyond the journal's last record: records cut off at the tail.
         */
        TAIL_CUT,

        /**
         * The record at a sealed sequence has another hash or place than the seal names: the journal was rewritten
         * (and chained again) from that record or before.
         */
        REWRITTEN,

        /**
         * A sealed head could not be checked because the journal is damaged before it.
         */
        SEAL_UNREACHED,

        /**
         * A seal's MAC does not hold: the seal was altered or made without the key.
         */
        SEAL_MAC_INVALID,

        /**
         * Seal sequence numbers are not contiguous: seals removed or reordered.
         */
        SEAL_GAP,

        /**
         * The seal file was made with another key than the one given.
         */
        SEAL_KEY_MISMATCH,

        /**
         * The seal file is missing, unreadable or its header is damaged.
         */
        SEAL_DAMAGED
    }

    /**
     * One line for reports: {@code KIND file @offset (record n): message}.
     *
     * @return the description.
     */
    public String describe()
    {
        return kind + " " + file + " @" + offset + (sequence > 0 ? " (record " + sequence + ")" : "") + ": " + message;
    }
}
