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

import io.tickwire.sbe.audit.AuditEventType;
import io.tickwire.sbe.audit.Direction;
import io.tickwire.sbe.audit.Outcome;
import io.tickwire.fix.time.ClockSyncPolicy;
import io.tickwire.fix.time.ManualGatewayClock;
import io.tickwire.fix.time.MessageStamp;
import io.tickwire.fix.time.MessageStamper;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Member journals written record by record (as the member writer does, with log positions) and compared: equal
 * journals agree, a journal behind agrees up to its end, a record rewritten with a consistent chain is found at its
 * record and field.
 */
class JournalComparatorTest
{
    @TempDir
    Path dir;

    @Test
    void shouldAgreeFindAMemberBehindAndNameTheFieldThatDiverges() throws Exception
    {
        final Path a = write("a", 10, -1);
        final Path same = write("same", 10, -1);
        final Path behind = write("behind", 6, -1);
        final Path other = write("other", 10, 4);

        final JournalComparator.Result agree = JournalComparator.compare(List.of(a, same, behind));
        assertTrue(agree.agree(), agree.lines()::toString);
        assertEquals(6, agree.records());
        assertEquals(6 * 1000, agree.position());
        assertTrue(agree.lines().get(3).startsWith("AGREE up to position 6000 (6 records)"), agree.lines()::toString);

        final JournalComparator.Result diverge = JournalComparator.compare(List.of(a, other));
        assertFalse(diverge.agree());
        assertEquals(3, diverge.records());
        final String line = diverge.lines().get(2);
        assertTrue(line.startsWith("DIVERGE at record 4 (log position 4000 in " + a + ", 4000 in " + other + ")"),
            line);
        assertTrue(line.contains("field price differs"), line);
    }

    private Path write(final String name, final int records, final int changedRecord) throws Exception
    {
        final Path journal = dir.resolve(name);
        final AuditPublisher encoder = new AuditPublisher(new OneToOneRingBuffer(new UnsafeBuffer(
            ByteBuffer.allocateDirect(64 * 1024 + RingBufferDescriptor.TRAILER_LENGTH))), new NoOpIdleStrategy(),
            new AuditDurability());
        final MessageStamper stamper =
            new MessageStamper(new ManualGatewayClock(1_700_000_000_000_000L, 1), ClockSyncPolicy.defaults());
        final MessageStamp stamp = new MessageStamp();
        final AuditEntry entry = new AuditEntry();
        final UnsafeBuffer record = new UnsafeBuffer(new byte[4096]);
        try (JournalWriter writer = new JournalWriter(journal, AuditConfiguration.maxFileSize(), () -> 1L))
        {
            for (int i = 1; i <= records; i++)
            {
                stamper.stamp(stamp);
                entry.reset().direction(Direction.INBOUND).eventType(AuditEventType.NEW_ORDER)
                    .outcome(Outcome.RECEIVED).msgSeqNum(i).sessionId("FIX.4.4:TW->C1").clOrdId("C" + i)
                    .symbol("AAPL").side('1').orderQuantity(100).price(i == changedRecord ? 1_500_001 : 1_500_000)
                    .rawMessage("8=FIX.4.4\u000135=D\u000111=C" + i + "\u000110=123\u0001");
                final int length = encoder.encode(stamp, entry, record, 0, record.capacity());
                record.putLong(MemberAuditJournal.LOG_POSITION_OFFSET, i * 1000L, ByteOrder.LITTLE_ENDIAN);
                writer.append(record, 0, length);
            }
            writer.commit();
        }
        return journal;
    }
}
