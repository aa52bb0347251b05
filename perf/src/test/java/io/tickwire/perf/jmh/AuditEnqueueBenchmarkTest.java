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

import io.tickwire.sbe.audit.AuditRecordDecoder;
import io.tickwire.sbe.audit.MessageHeaderDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A fast wrong answer is not a result: the benchmark's enqueue must produce the record it claims to.
 */
@Timeout(30)
class AuditEnqueueBenchmarkTest
{
    @Test
    void shouldEnqueueTheStampedNewOrderRecord()
    {
        final AuditEnqueueBenchmark benchmark = new AuditEnqueueBenchmark();
        final AuditEnqueueBenchmark.SessionThread state = new AuditEnqueueBenchmark.SessionThread();
        state.setUp();

        assertEquals(1, benchmark.stampAndEnqueue(state));
        assertEquals(2, benchmark.stampAndEnqueue(state));

        final String[] clOrdId = new String[1];
        final String[] raw = new String[1];
        final long[] micros = new long[1];
        final int read = state.ringBuffer.read((msgTypeId, buffer, index, length) ->
        {
            final AuditRecordDecoder decoder = new AuditRecordDecoder()
                .wrapAndApplyHeader(buffer, index, new MessageHeaderDecoder());
            decoder.recordSequence();
            micros[0] = decoder.timestampMicros();
            decoder.skipSessionId();
            clOrdId[0] = decoder.clOrdId();
            decoder.skipOrigClOrdId();
            decoder.skipSymbol();
            decoder.skipText();
            final byte[] bytes = new byte[decoder.rawMessageLength()];
            decoder.getRawMessage(bytes, 0, bytes.length);
            raw[0] = new String(bytes, StandardCharsets.US_ASCII);
        }, 1);

        assertEquals(1, read);
        assertEquals("ORD-000001042", clOrdId[0]);
        assertEquals(AuditEnqueueBenchmark.RAW, raw[0]);
        assertEquals(System.currentTimeMillis() / 1000, micros[0] / 1_000_000, 5);
        assertEquals(1, benchmark.drain(state));
    }
}
