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

import io.tickwire.fix.time.MessageStamp;
import io.tickwire.fix.time.SyncStatus;
import io.tickwire.sbe.audit.AuditRecordEncoder;
import io.tickwire.sbe.audit.BooleanType;
import io.tickwire.sbe.audit.ClockSyncStatus;
import io.tickwire.sbe.audit.MessageHeaderEncoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import java.nio.ByteOrder;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Encodes audit records straight into the single-writer ring buffer that feeds the {@link AuditWriterAgent}.
 * <p>
 * Owned by one thread: not thread safe, by design (the ring has one producer, no lock, no CAS). Each producing
 * thread has its own publisher and ring ({@link AuditTrail#publisher()} for the session thread,
 * {@link AuditTrail#reportPublisher()} for the ExecutionReport sender thread); tickets count the records of one
 * publisher, and its durable ticket advances in that order. A publisher may be <em>ordered after</em> another:
 * each of its records carries the other's {@link #lastTicket()} at publish time, and the writer journals the
 * record only after every record of the other publisher up to that ticket (so a report never precedes the
 * request that caused it in the journal, and is never durable before it). Allocation free: the SBE encoder is
 * reused and text is copied from the entry's {@link CharSequence}s.
 * <p>
 * Never drops a record. When the ring is full the publisher waits with its idle strategy (back pressure on
 * the session, counted in {@link #backPressureCount()}); if the writer has failed it throws
 * {@link IllegalStateException} instead, because a gateway that cannot audit must not trade. A raw message too
 * large for one ring record is truncated to fit and counted in {@link #truncatedCount()}.
 */
public final class AuditPublisher
{
    private static final int VAR_LENGTH_FIELD = 4;
    private static final int VAR_FIELD_COUNT = 6;
    private static final int FIXED_LENGTH =
        MessageHeaderEncoder.ENCODED_LENGTH + AuditRecordEncoder.BLOCK_LENGTH + VAR_FIELD_COUNT * VAR_LENGTH_FIELD;
    private static final int SEQUENCE_OFFSET =
        MessageHeaderEncoder.ENCODED_LENGTH + AuditRecordEncoder.recordSequenceEncodingOffset();
    private static final ClockSyncStatus[] STATUS_BY_ORDINAL = new ClockSyncStatus[SyncStatus.values().length];

    static
    {
        STATUS_BY_ORDINAL[SyncStatus.UNKNOWN.ordinal()] = ClockSyncStatus.UNKNOWN;
        STATUS_BY_ORDINAL[SyncStatus.SYNCHRONISED.ordinal()] = ClockSyncStatus.SYNCHRONISED;
        STATUS_BY_ORDINAL[SyncStatus.UNSYNCHRONISED.ordinal()] = ClockSyncStatus.UNSYNCHRONISED;
    }

    private final RingBuffer ringBuffer;
    private final MutableDirectBuffer ringBytes;
    private final int maxMessageLength;
    private final IdleStrategy backPressureIdle;
    private final AuditDurability durability;
    private final AuditPublisher orderedAfter;
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final AuditRecordEncoder encoder = new AuditRecordEncoder();
    private final AtomicLong publishedTicket = new AtomicLong();
    private long lastTicket;
    private Runnable wakeConsumer;
    private long backPressureCount;
    private long truncatedCount;

    /**
     * Create a publisher on a ring buffer. {@link AuditTrail} builds one; construct directly only in tests.
     *
     * @param ringBuffer       the single-producer ring drained by the writer.
     * @param backPressureIdle how to wait while the ring is full.
     * @param durability       the writer's state, to stop waiting when it has failed.
     */
    public AuditPublisher(
        final RingBuffer ringBuffer, final IdleStrategy backPressureIdle, final AuditDurability durability)
    {
        this(ringBuffer, backPressureIdle, durability, null);
    }

    /**
     * Create a publisher whose records are journalled only after the records of another publisher that were
     * published before them (see the class comment). {@link AuditTrail} builds one.
     *
     * @param ringBuffer       the single-producer ring drained by the writer.
     * @param backPressureIdle how to wait while the ring is full.
     * @param durability       the writer's state for this ring.
     * @param orderedAfter     the publisher whose earlier records must be journalled first, or null.
     */
    public AuditPublisher(
        final RingBuffer ringBuffer,
        final IdleStrategy backPressureIdle,
        final AuditDurability durability,
        final AuditPublisher orderedAfter)
    {
        this.orderedAfter = orderedAfter;
        this.ringBuffer = Objects.requireNonNull(ringBuffer, "ringBuffer");
        this.ringBytes = ringBuffer.buffer();
        this.maxMessageLength = ringBuffer.maxMsgLength();
        this.backPressureIdle = Objects.requireNonNull(backPressureIdle, "backPressureIdle");
        this.durability = Objects.requireNonNull(durability, "durability");
    }

    /**
     * Enqueue one audit record.
     *
     * @param stamp the message's stamp: the inbound receive stamp, or an outbound stamp taken before sending.
     * @param entry the record content.
     * @return the record's ticket: 1 for the first record of this publisher, then +1 per record. The record is
     * durable when {@link AuditDurability#durableTicket()} reaches it.
     * @throws IllegalStateException when the writer has failed.
     */
    public long publish(final MessageStamp stamp, final AuditEntry entry)
    {
        final int length = recordLength(entry, maxMessageLength);
        final int index = claim(length);
        // recordSequence is assigned by the journal writer; in the ring it carries the ordering dependency
        // (ticket of the other publisher this record must follow, 0 for none), read by the writer and overwritten.
        encodeAt(ringBytes, index, length, null == orderedAfter ? 0 : orderedAfter.lastTicket(), stamp, entry);
        return commit(index);
    }

    /**
     * Encode the record {@link #publish} would enqueue into a buffer of the caller's, without enqueueing it: the
     * bytes that travel in a cluster command ({@code cluster.IngressFrame}) and that {@link #publishEncoded}
     * then enqueues, so the record is encoded once for both. Its {@code recordSequence} is 0 and its
     * {@code logPosition} 0. A raw message too large for {@code capacity} (or for a ring record) is truncated and
     * counted in {@link #truncatedCount()}.
     *
     * @param stamp    the message's stamp.
     * @param entry    the record content.
     * @param dst      where to encode.
     * @param offset   of the SBE header in {@code dst}.
     * @param capacity bytes available at {@code offset}.
     * @return the record's length (SBE header included).
     */
    public int encode(
        final MessageStamp stamp,
        final AuditEntry entry,
        final MutableDirectBuffer dst,
        final int offset,
        final int capacity)
    {
        final int length = recordLength(entry, Math.min(capacity, maxMessageLength));
        encodeAt(dst, offset, length, 0, stamp, entry);
        return length;
    }

    /**
     * Enqueue a record encoded by {@link #encode}: a copy, with the ordering dependency set as {@link #publish}
     * sets it.
     *
     * @param src    holding the record.
     * @param offset of its SBE header.
     * @param length of the record.
     * @return the record's ticket, as from {@link #publish}.
     */
    public long publishEncoded(final DirectBuffer src, final int offset, final int length)
    {
        final int index = claim(length);
        ringBytes.putBytes(index, src, offset, length);
        ringBytes.putLong(index + SEQUENCE_OFFSET, null == orderedAfter ? 0 : orderedAfter.lastTicket(),
            ByteOrder.LITTLE_ENDIAN);
        return commit(index);
    }

    private long commit(final int index)
    {
        ringBuffer.commit(index);
        final long ticket = ++lastTicket;
        publishedTicket.lazySet(ticket);
        if (null != wakeConsumer)
        {
            wakeConsumer.run();
        }
        return ticket;
    }

    /**
     * The encoded length of the entry's record, its raw message truncated (and counted) to fit {@code maxLength}.
     */
    private int recordLength(final AuditEntry entry, final int maxLength)
    {
        final int fixedLength = FIXED_LENGTH + length(entry.sessionId) + length(entry.clOrdId) +
            length(entry.origClOrdId) + length(entry.symbol) + length(entry.text);
        final int rawLength = entry.rawMessageLength();
        if (fixedLength + rawLength > maxLength)
        {
            truncatedCount++;
            return fixedLength + Math.max(0, maxLength - fixedLength);
        }
        return fixedLength + rawLength;
    }

    private void encodeAt(
        final MutableDirectBuffer buffer,
        final int index,
        final int length,
        final long dependency,
        final MessageStamp stamp,
        final AuditEntry entry)
    {
        encoder.wrapAndApplyHeader(buffer, index, headerEncoder)
            .recordSequence(dependency)
            .timestampMicros(stamp.epochMicros())
            .monotonicNanos(stamp.monotonicNanos())
            .clockStatus(STATUS_BY_ORDINAL[stamp.status().ordinal()])
            .clockErrorBoundMicros(stamp.errorBoundMicros())
            .withinTolerance(stamp.withinTolerance() ? BooleanType.TRUE : BooleanType.FALSE)
            .direction(entry.direction)
            .eventType(entry.eventType)
            .outcome(entry.outcome)
            .msgSeqNum(entry.msgSeqNum)
            .side(entry.side)
            .orderType(entry.orderType)
            .timeInForce(entry.timeInForce)
            .execType(entry.execType)
            .orderQuantity(entry.orderQuantity)
            .price(entry.price)
            .lastQuantity(entry.lastQuantity)
            .lastPrice(entry.lastPrice)
            .cumulativeQuantity(entry.cumulativeQuantity)
            .leavesQuantity(entry.leavesQuantity)
            .orderId(entry.orderId)
            .logPosition(0);

        // Variable-length fields in schema order, in SBE's var-data layout (uint32 length, bytes), copied
        // straight from the CharSequences so that no byte[] is created.
        int limit = index + MessageHeaderEncoder.ENCODED_LENGTH + AuditRecordEncoder.BLOCK_LENGTH;
        limit = putWireBytes(buffer, limit, entry.sessionId, length(entry.sessionId));
        limit = putWireBytes(buffer, limit, entry.clOrdId, length(entry.clOrdId));
        limit = putWireBytes(buffer, limit, entry.origClOrdId, length(entry.origClOrdId));
        limit = putWireBytes(buffer, limit, entry.symbol, length(entry.symbol));
        limit = putWireBytes(buffer, limit, entry.text, length(entry.text));
        // What is left of the record's length is the raw message (truncated by recordLength when too large).
        final int rawLength = index + length - limit - VAR_LENGTH_FIELD;
        if (null != entry.rawBuffer)
        {
            buffer.putInt(limit, rawLength, ByteOrder.LITTLE_ENDIAN);
            buffer.putBytes(limit + VAR_LENGTH_FIELD, entry.rawBuffer, entry.rawOffset, rawLength);
        }
        else
        {
            putWireBytes(buffer, limit, entry.rawMessage, rawLength);
        }
    }

    /**
     * Wake the writer after each publish, when it idles with a {@link WakeableIdleStrategy}: for the publisher
     * whose records someone waits on (the report sender's). Set before the producing thread starts.
     *
     * @param wakeConsumer e.g. {@code idle::wake}, or null.
     */
    public void wakeOnPublish(final Runnable wakeConsumer)
    {
        this.wakeConsumer = wakeConsumer;
    }

    /**
     * Ticket of the last record published; safe to read from any thread (a status line computing audit lag),
     * published with an ordered store so the owning thread pays no fence.
     *
     * @return ticket of the last record published, 0 when none.
     */
    public long lastTicket()
    {
        return publishedTicket.get();
    }

    /**
     * @return how many times {@link #publish} found the ring full and had to wait.
     */
    public long backPressureCount()
    {
        return backPressureCount;
    }

    /**
     * @return how many raw messages were truncated to fit a ring record.
     */
    public long truncatedCount()
    {
        return truncatedCount;
    }

    private int claim(final int length)
    {
        int index = ringBuffer.tryClaim(AuditRecordEncoder.TEMPLATE_ID, length);
        if (index < 0)
        {
            backPressureIdle.reset();
            do
            {
                final String failure = durability.failure();
                if (null != failure)
                {
                    throw new IllegalStateException("audit writer failed: " + failure);
                }
                backPressureCount++;
                backPressureIdle.idle();
                index = ringBuffer.tryClaim(AuditRecordEncoder.TEMPLATE_ID, length);
            }
            while (index < 0);
        }

        return index;
    }

    private static int length(final CharSequence value)
    {
        return null == value ? 0 : value.length();
    }

    private static int putWireBytes(
        final MutableDirectBuffer buffer, final int limit, final CharSequence value, final int length)
    {
        buffer.putInt(limit, length, ByteOrder.LITTLE_ENDIAN);
        // QuickFIX/J reads the wire as ISO-8859-1, one char per byte: the low byte is the byte that was sent, so
        // an id in UTF-8 or any other encoding is journalled as sent, not as '?'. A char above 0xFF can only come
        // from text built here, never from the wire.
        final int start = limit + VAR_LENGTH_FIELD;
        for (int i = 0; i < length; i++)
        {
            final char c = value.charAt(i);
            buffer.putByte(start + i, c <= 0xFF ? (byte)c : (byte)'?');
        }
        return start + length;
    }
}
