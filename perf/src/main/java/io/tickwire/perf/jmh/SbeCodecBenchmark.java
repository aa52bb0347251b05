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
package io.tickwire.perf.jmh;

import io.tickwire.sbe.audit.AuditEventType;
import io.tickwire.sbe.audit.AuditRecordDecoder;
import io.tickwire.sbe.audit.AuditRecordEncoder;
import io.tickwire.sbe.audit.BooleanType;
import io.tickwire.sbe.audit.ClockSyncStatus;
import io.tickwire.sbe.audit.Direction;
import io.tickwire.sbe.audit.Outcome;
import io.tickwire.sbe.md.AddOrderDecoder;
import io.tickwire.sbe.md.AddOrderEncoder;
import io.tickwire.sbe.md.MessageHeaderDecoder;
import io.tickwire.sbe.md.MessageHeaderEncoder;
import io.tickwire.sbe.md.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * SBE encode and decode of the two hottest records: a market data AddOrder (every tick) and an audit record
 * (every order event), with flyweights and buffers allocated once, as the code base uses them. Variable-length
 * audit fields are copied from pre-encoded ASCII buffers (the zero-allocation form).
 */
@Fork(value = 1, jvmArgsAppend = {
    "--add-opens", "java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens", "java.base/java.util.zip=ALL-UNNAMED",
    "-Dagrona.disable.bounds.checks=true", "-Dsbe.enable.precedence.checks=false" })
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class SbeCodecBenchmark
{
    private static final byte[] RAW_FIX = ("8=FIX.4.4\u00019=148\u000135=D\u000134=1080\u000149=CLIENT1\u000152=" +
        "20260320-14:30:00.123456\u000156=TICKWIRE\u000111=ORD-000000123\u000121=1\u000138=100\u000140=2\u0001" +
        "44=123.4500\u000154=1\u000155=AAPL\u000159=0\u000160=20260320-14:30:00.123400\u000110=123\u0001")
        .getBytes(StandardCharsets.US_ASCII);

    private final UnsafeBuffer marketData = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
    private final UnsafeBuffer audit = new UnsafeBuffer(ByteBuffer.allocateDirect(1024));
    private final MessageHeaderEncoder mdHeaderEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder mdHeaderDecoder = new MessageHeaderDecoder();
    private final AddOrderEncoder addOrderEncoder = new AddOrderEncoder();
    private final AddOrderDecoder addOrderDecoder = new AddOrderDecoder();
    private final io.tickwire.sbe.audit.MessageHeaderEncoder auditHeaderEncoder =
        new io.tickwire.sbe.audit.MessageHeaderEncoder();
    private final io.tickwire.sbe.audit.MessageHeaderDecoder auditHeaderDecoder =
        new io.tickwire.sbe.audit.MessageHeaderDecoder();
    private final AuditRecordEncoder auditEncoder = new AuditRecordEncoder();
    private final AuditRecordDecoder auditDecoder = new AuditRecordDecoder();
    private final UnsafeBuffer sessionId = ascii("FIX.4.4:TICKWIRE->CLIENT1");
    private final UnsafeBuffer clOrdId = ascii("ORD-000000123");
    private final UnsafeBuffer symbol = ascii("AAPL");
    private final UnsafeBuffer rawMessage = new UnsafeBuffer(RAW_FIX);
    private long sequence;

    /**
     * Encode one of each so the decode benchmarks have something to read.
     */
    @Setup
    public void setUp()
    {
        encodeAddOrder();
        encodeAuditRecord();
    }

    /**
     * Encode a market data AddOrder with its header.
     *
     * @return encoded length.
     */
    @Benchmark
    public int encodeAddOrder()
    {
        final long seq = ++sequence;
        addOrderEncoder.wrapAndApplyHeader(marketData, 0, mdHeaderEncoder)
            .sequence(seq)
            .sourceTimestamp(34_200_000_000_000L + seq)
            .ingestTimestamp(1_790_000_000_000_000_000L + seq)
            .publishTimestamp(1_790_000_000_000_001_000L + seq)
            .instrumentId(13)
            .orderId(seq)
            .side(Side.BUY)
            .quantity(100)
            .price(1_234_500)
            .putAttribution((byte)'T', (byte)'K', (byte)'W', (byte)'R');

        return MessageHeaderEncoder.ENCODED_LENGTH + addOrderEncoder.encodedLength();
    }

    /**
     * Decode an AddOrder: header, template check, every field.
     *
     * @return a checksum of the fields.
     */
    @Benchmark
    public long decodeAddOrder()
    {
        mdHeaderDecoder.wrap(marketData, 0);
        if (mdHeaderDecoder.templateId() != AddOrderDecoder.TEMPLATE_ID)
        {
            return -1;
        }
        addOrderDecoder.wrapAndApplyHeader(marketData, 0, mdHeaderDecoder);

        return addOrderDecoder.sequence() + addOrderDecoder.sourceTimestamp() + addOrderDecoder.ingestTimestamp() +
            addOrderDecoder.publishTimestamp() + addOrderDecoder.instrumentId() + addOrderDecoder.orderId() +
            addOrderDecoder.sideRaw() + addOrderDecoder.quantity() + addOrderDecoder.price() +
            addOrderDecoder.attribution(0);
    }

    /**
     * Encode an audit record of an inbound NewOrderSingle, with the raw FIX bytes.
     *
     * @return encoded length.
     */
    @Benchmark
    public int encodeAuditRecord()
    {
        final long seq = ++sequence;
        auditEncoder.wrapAndApplyHeader(audit, 0, auditHeaderEncoder)
            .recordSequence(seq)
            .timestampMicros(1_790_000_000_000_000L + seq)
            .monotonicNanos(seq * 1000)
            .clockStatus(ClockSyncStatus.UNSYNCHRONISED)
            .clockErrorBoundMicros(16_000_000)
            .withinTolerance(BooleanType.FALSE)
            .direction(Direction.INBOUND)
            .eventType(AuditEventType.NEW_ORDER)
            .outcome(Outcome.RECEIVED)
            .msgSeqNum(1080)
            .side((byte)'1')
            .orderType((byte)'2')
            .timeInForce((byte)'0')
            .execType((byte)0)
            .orderQuantity(100)
            .price(1_234_500)
            .lastQuantity(0)
            .lastPrice(AuditRecordEncoder.lastPriceNullValue())
            .cumulativeQuantity(0)
            .leavesQuantity(100)
            .orderId(0)
            .putSessionId(sessionId, 0, sessionId.capacity())
            .putClOrdId(clOrdId, 0, clOrdId.capacity())
            .putOrigClOrdId(clOrdId, 0, 0)
            .putSymbol(symbol, 0, symbol.capacity())
            .putText(symbol, 0, 0)
            .putRawMessage(rawMessage, 0, rawMessage.capacity());

        return io.tickwire.sbe.audit.MessageHeaderEncoder.ENCODED_LENGTH + auditEncoder.encodedLength();
    }

    /**
     * Decode an audit record: fixed fields and the lengths of every variable field (skipping their bytes).
     *
     * @return a checksum.
     */
    @Benchmark
    public long decodeAuditRecord()
    {
        auditHeaderDecoder.wrap(audit, 0);
        if (auditHeaderDecoder.templateId() != AuditRecordDecoder.TEMPLATE_ID)
        {
            return -1;
        }
        auditDecoder.wrapAndApplyHeader(audit, 0, auditHeaderDecoder);
        long sum = auditDecoder.recordSequence() + auditDecoder.timestampMicros() + auditDecoder.monotonicNanos() +
            auditDecoder.clockStatusRaw() + auditDecoder.clockErrorBoundMicros() + auditDecoder.withinToleranceRaw() +
            auditDecoder.directionRaw() + auditDecoder.eventTypeRaw() + auditDecoder.outcomeRaw() +
            auditDecoder.msgSeqNum() + auditDecoder.side() + auditDecoder.orderType() + auditDecoder.timeInForce() +
            auditDecoder.execType() + auditDecoder.orderQuantity() + auditDecoder.price() +
            auditDecoder.lastQuantity() + auditDecoder.lastPrice() + auditDecoder.cumulativeQuantity() +
            auditDecoder.leavesQuantity() + auditDecoder.orderId();
        sum += auditDecoder.skipSessionId();
        sum += auditDecoder.skipClOrdId();
        sum += auditDecoder.skipOrigClOrdId();
        sum += auditDecoder.skipSymbol();
        sum += auditDecoder.skipText();
        sum += auditDecoder.skipRawMessage();

        return sum;
    }

    private static UnsafeBuffer ascii(final String text)
    {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.US_ASCII));
    }
}
