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

import io.tickwire.sbe.audit.AuditRecordDecoder;
import io.tickwire.sbe.audit.MessageHeaderDecoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compares the audit journals of cluster members ({@link MemberAuditJournal}): they are written from the same
 * committed log, so they must hold the same frames (sequence, hash, record) up to the shortest of them. Because each
 * frame's hash chains every record before it, the first frame whose hash differs is the first divergence; the
 * records there are then compared byte by byte to name the field that differs. File headers (creation times) are
 * not compared. A journal that fails verification (bad CRC, broken chain) diverges at its first issue.
 * <p>
 * Memory: the hashes of the first journal (32 bytes a record) are held while the others are read.
 */
public final class JournalComparator
{
    private static final int HASH_LENGTH = JournalDescriptor.HASH_LENGTH;
    private static final String[] VAR_FIELDS =
        { "sessionId", "clOrdId", "origClOrdId", "symbol", "text", "rawMessage" };

    /**
     * The outcome of a comparison.
     *
     * @param agree    whether no journal diverges from the first.
     * @param records  records every journal agrees on (the common prefix).
     * @param position log position of the last of them, 0 when none carries one.
     * @param lines    the report, one line each.
     */
    public record Result(boolean agree, long records, long position, List<String> lines)
    {
    }

    private JournalComparator()
    {
    }

    /**
     * Compare member journals.
     *
     * @param directories two or more journal directories.
     * @return the result.
     */
    public static Result compare(final List<Path> directories)
    {
        final List<String> lines = new ArrayList<>();
        final Path reference = directories.get(0);
        final Scan first = scan(reference, null);
        lines.add(first.describe());
        boolean agree = first.report.isValid() || first.report.isValidExceptTruncatedTail();
        long common = first.count;
        long commonPosition = first.count > 0 ? first.positions[(int)first.count - 1] : 0;
        String divergence = agree ? null : "DIVERGE " + reference + " fails verification: " +
            first.report.issues().get(0).describe();
        for (int i = 1; i < directories.size(); i++)
        {
            final Path other = directories.get(i);
            final Scan scan = scan(other, first);
            lines.add(scan.describe());
            final boolean valid = scan.report.isValid() || scan.report.isValidExceptTruncatedTail();
            final long agreed = -1 == scan.firstMismatch ? Math.min(first.count, scan.count) : scan.firstMismatch - 1;
            if (agreed < common)
            {
                common = agreed;
                commonPosition = agreed > 0 ? first.positions[(int)agreed - 1] : 0;
            }
            if (-1 != scan.firstMismatch)
            {
                agree = false;
                if (null == divergence)
                {
                    divergence = describeDivergence(reference, other, scan.firstMismatch, first, scan);
                }
            }
            else if (!valid)
            {
                agree = false;
                if (null == divergence)
                {
                    divergence = "DIVERGE at record " + (scan.count + 1) + positionText(first, scan.count + 1) +
                        ": " + other + " fails verification: " + scan.report.issues().get(0).describe();
                }
            }
        }
        if (agree)
        {
            lines.add("AGREE up to position " + commonPosition + " (" + common + " records)");
        }
        else
        {
            lines.add(divergence);
            lines.add("agree up to position " + commonPosition + " (" + common + " records)");
        }
        return new Result(agree, common, commonPosition, lines);
    }

    private static String positionText(final Scan scan, final long sequence)
    {
        return sequence <= scan.count ? " (log position " + scan.positions[(int)sequence - 1] + ")" : "";
    }

    private static String describeDivergence(
        final Path reference, final Path other, final long sequence, final Scan first, final Scan scan)
    {
        final byte[] a = recordAt(reference, sequence);
        final byte[] b = recordAt(other, sequence);
        final StringBuilder text = new StringBuilder("DIVERGE at record ").append(sequence)
            .append(" (log position ").append(first.positions[(int)sequence - 1]).append(" in ").append(reference)
            .append(", ").append(scan.positions[(int)sequence - 1]).append(" in ").append(other).append("): ");
        if (null == a || null == b)
        {
            return text.append("hash chain differs").toString();
        }
        final int length = Math.min(a.length, b.length);
        int at = 0;
        while (at < length && a[at] == b[at])
        {
            at++;
        }
        if (at == length && a.length == b.length)
        {
            return text.append("records equal, hash chain differs before it").toString();
        }
        text.append("field ").append(fieldAt(a, at)).append(" differs at byte ").append(at).append(" of the record");
        if (at < length)
        {
            text.append(" (").append(String.format("0x%02x", a[at] & 0xFF)).append(" vs ")
                .append(String.format("0x%02x", b[at] & 0xFF)).append(')');
        }
        else
        {
            text.append(" (lengths ").append(a.length).append(" vs ").append(b.length).append(')');
        }
        return text.toString();
    }

    /**
     * The name of the AuditRecord field that holds a byte of a record.
     *
     * @param record the record (SBE message header first).
     * @param at     byte offset in it.
     * @return the field's name.
     */
    static String fieldAt(final byte[] record, final int at)
    {
        if (at < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return "messageHeader";
        }
        final UnsafeBuffer buffer = new UnsafeBuffer(record);
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, 0);
        if (AuditRecordDecoder.TEMPLATE_ID != header.templateId())
        {
            return "record (template " + header.templateId() + ")";
        }
        final int blockLength = header.blockLength();
        final int inBlock = at - MessageHeaderDecoder.ENCODED_LENGTH;
        if (inBlock < blockLength)
        {
            final int[] offsets = {
                AuditRecordDecoder.recordSequenceEncodingOffset(), AuditRecordDecoder.timestampMicrosEncodingOffset(),
                AuditRecordDecoder.monotonicNanosEncodingOffset(), AuditRecordDecoder.clockStatusEncodingOffset(),
                AuditRecordDecoder.clockErrorBoundMicrosEncodingOffset(),
                AuditRecordDecoder.withinToleranceEncodingOffset(), AuditRecordDecoder.directionEncodingOffset(),
                AuditRecordDecoder.eventTypeEncodingOffset(), AuditRecordDecoder.outcomeEncodingOffset(),
                AuditRecordDecoder.msgSeqNumEncodingOffset(), AuditRecordDecoder.sideEncodingOffset(),
                AuditRecordDecoder.orderTypeEncodingOffset(), AuditRecordDecoder.timeInForceEncodingOffset(),
                AuditRecordDecoder.execTypeEncodingOffset(), AuditRecordDecoder.orderQuantityEncodingOffset(),
                AuditRecordDecoder.priceEncodingOffset(), AuditRecordDecoder.lastQuantityEncodingOffset(),
                AuditRecordDecoder.lastPriceEncodingOffset(), AuditRecordDecoder.cumulativeQuantityEncodingOffset(),
                AuditRecordDecoder.leavesQuantityEncodingOffset(), AuditRecordDecoder.orderIdEncodingOffset(),
                AuditRecordDecoder.logPositionEncodingOffset() };
            final String[] names = {
                "recordSequence", "timestampMicros", "monotonicNanos", "clockStatus", "clockErrorBoundMicros",
                "withinTolerance", "direction", "eventType", "outcome", "msgSeqNum", "side", "orderType",
                "timeInForce", "execType", "orderQuantity", "price", "lastQuantity", "lastPrice",
                "cumulativeQuantity", "leavesQuantity", "orderId", "logPosition" };
            String name = "block";
            for (int i = 0; i < offsets.length; i++)
            {
                if (offsets[i] <= inBlock)
                {
                    name = names[i];
                }
            }
            return name;
        }
        int limit = MessageHeaderDecoder.ENCODED_LENGTH + blockLength;
        for (final String name : VAR_FIELDS)
        {
            if (limit + Integer.BYTES > record.length)
            {
                break;
            }
            final int fieldLength = buffer.getInt(limit, ByteOrder.LITTLE_ENDIAN);
            final int end = limit + Integer.BYTES + Math.max(0, fieldLength);
            if (at < end)
            {
                return name + (at < limit + Integer.BYTES ? " (length)" : "");
            }
            limit = end;
        }
        return "after the record's fields";
    }

    private static byte[] recordAt(final Path directory, final long sequence)
    {
        final byte[][] found = new byte[1][];
        new JournalReader().verify(JournalReader.journalFiles(directory),
            (file, frameOffset, frameSequence, buffer, recordOffset, recordLength) ->
            {
                if (frameSequence == sequence)
                {
                    found[0] = new byte[recordLength];
                    buffer.getBytes(recordOffset, found[0]);
                }
            });
        return found[0];
    }

    private static Scan scan(final Path directory, final Scan reference)
    {
        final Scan scan = new Scan(directory, reference);
        scan.report = new JournalReader().verify(JournalReader.journalFiles(directory), scan::onFrame);
        return scan;
    }

    private static final class Scan
    {
        private final Path directory;
        private final Scan reference;
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final byte[] hash = new byte[HASH_LENGTH];
        private byte[] hashes = new byte[HASH_LENGTH * 1024];
        private long[] positions = new long[1024];
        private long count;
        private long firstMismatch = -1;
        private JournalVerifyReport report;

        Scan(final Path directory, final Scan reference)
        {
            this.directory = directory;
            this.reference = reference;
        }

        void onFrame(
            final Path file,
            final long frameOffset,
            final long sequence,
            final DirectBuffer buffer,
            final int recordOffset,
            final int recordLength)
        {
            final int index = (int)count;
            if (index == positions.length)
            {
                positions = Arrays.copyOf(positions, index * 2);
                if (null == reference)
                {
                    hashes = Arrays.copyOf(hashes, index * 2 * HASH_LENGTH);
                }
            }
            positions[index] = MemberAuditJournal.logPosition(header, buffer, recordOffset, recordLength);
            // The frame's hash sits between its header fields and the record (JournalDescriptor).
            buffer.getBytes(recordOffset - JournalDescriptor.FRAME_HEADER_LENGTH + JournalDescriptor.HASH_OFFSET,
                hash);
            if (null == reference)
            {
                System.arraycopy(hash, 0, hashes, index * HASH_LENGTH, HASH_LENGTH);
            }
            else if (-1 == firstMismatch && index < reference.count && (sequence != index + 1 ||
                !Arrays.equals(hash, 0, HASH_LENGTH, reference.hashes, index * HASH_LENGTH, (index + 1) * HASH_LENGTH)))
            {
                firstMismatch = index + 1;
            }
            count++;
        }

        String describe()
        {
            return directory + ": " + count + " records" +
                (count > 0 ? ", last log position " + positions[(int)count - 1] : "") +
                (report.issues().isEmpty() ? "" : ", " + report.issues().size() + " verification issue(s): " +
                report.issues().get(0).describe());
        }
    }
}
