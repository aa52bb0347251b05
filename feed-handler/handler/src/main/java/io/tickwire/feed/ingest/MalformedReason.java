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
 * Why a piece of input could not be used. Every malformed input is counted under exactly one reason.
 */
public enum MalformedReason
{
    /** The input ended in the middle of a message or record. */
    TRUNCATED_MESSAGE,
    /** The framed length does not match the ITCH 5.0 length for the message type. */
    WRONG_LENGTH_FOR_TYPE,
    /** The message type byte is not one of the 23 ITCH 5.0 types. */
    UNKNOWN_TYPE,
    /** A zero-length message in the framing. */
    EMPTY_MESSAGE,
    /** A pcap file header that is not classic pcap (e.g. pcapng) or is damaged. */
    BAD_PCAP_HEADER,
    /** A pcap record header whose lengths are impossible. */
    BAD_PCAP_RECORD,
    /** A frame that is not Ethernet / IPv4 / UDP. */
    NOT_UDP,
    /** A UDP payload that is not a well-formed MoldUDP64 packet. */
    BAD_MOLDUDP64_PACKET,
    /** A field value outside what the specification allows (e.g. side other than B or S). */
    BAD_FIELD_VALUE,
    /** A reference to an instrument that no Stock Directory message defined. */
    UNKNOWN_INSTRUMENT,
    /** Bytes that frame as no message (e.g. inserted junk); skipped until the framing resynchronises. */
    GARBAGE,
    /** The input could not be read any further (e.g. a corrupt gzip stream); the source stops. */
    READ_ERROR,
    /** A UDP payload that is not a well-formed MDP 3.0 packet: shorter than its header, or a MsgSize too small. */
    BAD_MDP3_PACKET,
    /** An SBE message header naming a schema id other than the one the venue's decoder reads. */
    UNKNOWN_SCHEMA,
    /** An SBE template id the venue does not define; the message is skipped by its framed size. */
    UNKNOWN_TEMPLATE,
    /** An SBE root block too short for the fields of its version, or running past the end of its message. */
    BAD_BLOCK_LENGTH,
    /** An SBE repeating group whose header, entry length or entry count does not fit its message. */
    BAD_GROUP,
}
