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

import java.nio.charset.StandardCharsets;

/**
 * Binary layout of the seal file {@value #FILE_NAME} in a journal directory, version {@value #VERSION}. All
 * integers little-endian.
 * <p>
 * A seal is an HMAC-SHA256, under a key kept outside the journal directory, over the head of the hash chain (which
 * record, where it ends, its hash) and the previous seal's MAC. The hash chain alone lets anyone who can write the
 * journal cut its tail at a frame boundary or rewrite it from some record on and chain it again; a seal names a head
 * that must still be there, with that hash, so both show, unless the key is known too.
 * <pre>
 * File header ({@value #HEADER_LENGTH} bytes)
 *   0  magic            8 bytes  ASCII "TWAUDSEL"
 *   8  version          int32    {@value #VERSION}
 *  12  headerLength     int32    {@value #HEADER_LENGTH}
 *  16  sealLength       int32    {@value #SEAL_LENGTH}
 *  20  macAlgorithm     int32    1 = HMAC-SHA256
 *  24  keyId            8 bytes  first 8 bytes of HMAC(key, "tickwire audit seal key id"): which key sealed
 *  32  createdMicros    int64    UTC micros when the file was created
 *  40  headerCrc        int32    CRC32C of bytes [0, 40)
 *  44  reserved         zeros to {@value #HEADER_LENGTH}
 *
 * Seal ({@value #SEAL_LENGTH} bytes, appended only)
 *   0  sealSequence     int64    from 1, contiguous
 *   8  journalIndex     int64    file holding the head record
 *  16  recordSequence   int64    sequence of the head record (records journalled so far; 0 = none)
 *  24  position         int64    byte offset in that file where the head record's frame ends
 *  32  sealedMicros     int64    UTC micros when sealed
 *  40  reason           int32    1 open, 2 periodic, 3 rotation, 4 shutdown
 *  44  reserved         int32    zero
 *  48  headHash         32 bytes the head record's chain hash (the previous file's last hash when 0 records)
 *  80  mac              32 bytes HMAC-SHA256(key, previous MAC || bytes [0, 80)); the "previous MAC" of seal 1
 *                                is HMAC-SHA256(key, header bytes [0, 40))
 * </pre>
 * Only a head that has been forced to disk is sealed, so a crash never leaves a seal naming records that are gone.
 */
public final class SealDescriptor
{
    /**
     * Layout version written in the header.
     */
    public static final int VERSION = 1;

    /**
     * Name of the seal file in the journal directory.
     */
    public static final String FILE_NAME = "audit.seals";

    /**
     * Magic bytes at the start of the file.
     */
    public static final byte[] MAGIC = "TWAUDSEL".getBytes(StandardCharsets.US_ASCII);

    /**
     * Offset of the version.
     */
    public static final int VERSION_OFFSET = 8;

    /**
     * Offset of the header length.
     */
    public static final int HEADER_LENGTH_OFFSET = 12;

    /**
     * Offset of the seal length.
     */
    public static final int SEAL_LENGTH_OFFSET = 16;

    /**
     * Offset of the MAC algorithm.
     */
    public static final int MAC_ALGORITHM_OFFSET = 20;

    /**
     * Offset of the key id.
     */
    public static final int KEY_ID_OFFSET = 24;

    /**
     * Length of the key id.
     */
    public static final int KEY_ID_LENGTH = 8;

    /**
     * Offset of the creation time.
     */
    public static final int CREATED_MICROS_OFFSET = 32;

    /**
     * Offset of the header CRC; the header's first MAC covers the bytes before it.
     */
    public static final int HEADER_CRC_OFFSET = 40;

    /**
     * Length of the header.
     */
    public static final int HEADER_LENGTH = 64;

    /**
     * MAC algorithm 1: HMAC-SHA256.
     */
    public static final int MAC_HMAC_SHA256 = 1;

    /**
     * JCA name of the MAC algorithm.
     */
    public static final String MAC_ALGORITHM = "HmacSHA256";

    /**
     * Offset of the seal sequence in a seal.
     */
    public static final int SEAL_SEQUENCE_OFFSET = 0;

    /**
     * Offset of the journal index in a seal.
     */
    public static final int JOURNAL_INDEX_OFFSET = 8;

    /**
     * Offset of the head record's sequence in a seal.
     */
    public static final int RECORD_SEQUENCE_OFFSET = 16;

    /**
     * Offset of the head frame's end position in a seal.
     */
    public static final int POSITION_OFFSET = 24;

    /**
     * Offset of the seal time in a seal.
     */
    public static final int SEALED_MICROS_OFFSET = 32;

    /**
     * Offset of the reason in a seal.
     */
    public static final int REASON_OFFSET = 40;

    /**
     * Offset of the head hash in a seal.
     */
    public static final int HEAD_HASH_OFFSET = 48;

    /**
     * Offset of the MAC in a seal; the MAC covers the bytes before it.
     */
    public static final int MAC_OFFSET = 80;

    /**
     * Length of a MAC.
     */
    public static final int MAC_LENGTH = 32;

    /**
     * Length of a seal.
     */
    public static final int SEAL_LENGTH = MAC_OFFSET + MAC_LENGTH;

    /**
     * Reason: the journal was opened (the head left by the previous run).
     */
    public static final int REASON_OPEN = 1;

    /**
     * Reason: the head moved and the seal interval passed.
     */
    public static final int REASON_PERIODIC = 2;

    /**
     * Reason: a file is closed for good and the next one started.
     */
    public static final int REASON_ROTATION = 3;

    /**
     * Reason: the writer closed the journal.
     */
    public static final int REASON_SHUTDOWN = 4;

    /**
     * What the key id is the MAC of.
     */
    static final byte[] KEY_ID_INPUT = "tickwire audit seal key id".getBytes(StandardCharsets.US_ASCII);

    private SealDescriptor()
    {
    }

    /**
     * Name of a reason for reports.
     *
     * @param reason the reason code.
     * @return e.g. {@code rotation}.
     */
    public static String reasonName(final int reason)
    {
        switch (reason)
        {
            case REASON_OPEN:
                return "open";
            case REASON_PERIODIC:
                return "periodic";
            case REASON_ROTATION:
                return "rotation";
            case REASON_SHUTDOWN:
                return "shutdown";
            default:
                return "reason " + reason;
        }
    }
}
