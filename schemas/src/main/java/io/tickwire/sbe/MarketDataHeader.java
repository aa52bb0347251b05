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
package io.tickwire.sbe;

import io.tickwire.sbe.md.AddOrderEncoder;
import io.tickwire.sbe.md.MessageHeaderEncoder;

/**
 * The prefix that every market data message shares, at the same offsets in every template.
 * <p>
 * Because the five leading fields sit at fixed offsets, the publisher stamps the stream sequence number and the
 * publish timestamp straight into a claimed Aeron frame without knowing which template it holds, and a subscriber
 * reads them before dispatching on the template id. {@code MarketDataHeaderTest} checks every template against
 * these constants, so a schema change that moved a field would fail the build.
 * <p>
 * Offsets are from the start of the SBE message header unless named {@code *_BODY_OFFSET}.
 */
public final class MarketDataHeader
{
    /**
     * Length of the SBE message header that precedes every message.
     */
    public static final int MESSAGE_HEADER_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH;

    /**
     * Offset of the stream sequence number (u64) within the message body.
     */
    public static final int SEQUENCE_BODY_OFFSET = AddOrderEncoder.sequenceEncodingOffset();

    /**
     * Offset of the venue timestamp (u64, nanoseconds since midnight) within the message body.
     */
    public static final int SOURCE_TIMESTAMP_BODY_OFFSET = AddOrderEncoder.sourceTimestampEncodingOffset();

    /**
     * Offset of the ingest timestamp (i64, epoch nanoseconds) within the message body.
     */
    public static final int INGEST_TIMESTAMP_BODY_OFFSET = AddOrderEncoder.ingestTimestampEncodingOffset();

    /**
     * Offset of the publish timestamp (i64, epoch nanoseconds) within the message body.
     */
    public static final int PUBLISH_TIMESTAMP_BODY_OFFSET = AddOrderEncoder.publishTimestampEncodingOffset();

    /**
     * Offset of the instrument id (u32) within the message body.
     */
    public static final int INSTRUMENT_ID_BODY_OFFSET = AddOrderEncoder.instrumentIdEncodingOffset();

    /**
     * Offset of the stream sequence number from the start of the message header.
     */
    public static final int SEQUENCE_OFFSET = MESSAGE_HEADER_LENGTH + SEQUENCE_BODY_OFFSET;

    /**
     * Offset of the venue timestamp from the start of the message header.
     */
    public static final int SOURCE_TIMESTAMP_OFFSET = MESSAGE_HEADER_LENGTH + SOURCE_TIMESTAMP_BODY_OFFSET;

    /**
     * Offset of the ingest timestamp from the start of the message header.
     */
    public static final int INGEST_TIMESTAMP_OFFSET = MESSAGE_HEADER_LENGTH + INGEST_TIMESTAMP_BODY_OFFSET;

    /**
     * Offset of the publish timestamp from the start of the message header.
     */
    public static final int PUBLISH_TIMESTAMP_OFFSET = MESSAGE_HEADER_LENGTH + PUBLISH_TIMESTAMP_BODY_OFFSET;

    /**
     * Offset of the instrument id from the start of the message header.
     */
    public static final int INSTRUMENT_ID_OFFSET = MESSAGE_HEADER_LENGTH + INSTRUMENT_ID_BODY_OFFSET;

    /**
     * Shortest valid market data message: header plus the shared prefix.
     */
    public static final int MIN_MESSAGE_LENGTH = INSTRUMENT_ID_OFFSET + Integer.BYTES;

    private MarketDataHeader()
    {
    }
}
