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
import io.tickwire.sbe.audit.ClockSyncEventDecoder;
import io.tickwire.sbe.audit.MessageHeaderDecoder;
import org.agrona.DirectBuffer;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns journal records into rows of named fields, and rows into CSV or JSON lines. Every field of every
 * record is exported; raw FIX messages show SOH as {@code |}. Off the hot path: allocates freely.
 */
public final class AuditExporter
{
    /**
     * Output formats.
     */
    public enum Format
    {
        /**
         * One header line, then one comma-separated row per record (RFC 4180 quoting).
         */
        CSV,

        /**
         * One JSON object per line (JSON Lines).
         */
        JSON
    }

    /**
     * Every column, in CSV order: the union of AuditRecord and ClockSyncEvent fields.
     */
    public static final List<String> COLUMNS = List.of(
        "file", "frameOffset", "sequence", "recordType", "timestampMicros", "timestampUtc", "monotonicNanos",
        "clockStatus", "clockErrorBoundMicros", "withinTolerance", "direction", "eventType", "outcome",
        "msgSeqNum", "side", "orderType", "timeInForce", "execType", "orderQuantity", "price", "lastQuantity",
        "lastPrice", "cumulativeQuantity", "leavesQuantity", "orderId", "sessionId", "clOrdId", "origClOrdId",
        "symbol", "text", "rawMessage", "estimatedErrorMicros", "toleranceMicros", "kernelStatusBits", "source",
        "logPosition");

    private static final char SOH = '\u0001';

    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final AuditRecordDecoder auditDecoder = new AuditRecordDecoder();
    private final ClockSyncEventDecoder clockDecoder = new ClockSyncEventDecoder();

    /**
     * Decode one record into named fields.
     *
     * @param file         the file it came from.
     * @param frameOffset  offset of its frame.
     * @param buffer       holding the record.
     * @param recordOffset offset of the record.
     * @param recordLength length of the record.
     * @return column name to value; absent columns do not apply to the record type.
     */
    public Map<String, String> toRow(
        final Path file, final long frameOffset, final DirectBuffer buffer, final int recordOffset,
        final int recordLength)
    {
        final Map<String, String> row = new LinkedHashMap<>();
        row.put("file", String.valueOf(file.getFileName()));
        row.put("frameOffset", Long.toString(frameOffset));
        headerDecoder.wrap(buffer, recordOffset);
        final int templateId = headerDecoder.templateId();
        if (AuditRecordDecoder.SCHEMA_ID != headerDecoder.schemaId())
        {
            row.put("recordType", "UNKNOWN_SCHEMA_" + headerDecoder.schemaId());
        }
        else if (AuditRecordDecoder.TEMPLATE_ID == templateId)
        {
            auditRow(buffer, recordOffset, row);
        }
        else if (ClockSyncEventDecoder.TEMPLATE_ID == templateId)
        {
            clockRow(buffer, recordOffset, row);
        }
        else
        {
            row.put("recordType", "UNKNOWN_TEMPLATE_" + templateId);
        }
        return row;
    }

    private void auditRow(final DirectBuffer buffer, final int offset, final Map<String, String> row)
    {
        final AuditRecordDecoder d = auditDecoder.wrapAndApplyHeader(buffer, offset, headerDecoder);
        row.put("sequence", Long.toString(d.recordSequence()));
        row.put("recordType", "AuditRecord");
        final long micros = d.timestampMicros();
        row.put("timestampMicros", Long.toString(micros));
        row.put("timestampUtc", utc(micros));
        row.put("monotonicNanos", Long.toString(d.monotonicNanos()));
        row.put("clockStatus", String.valueOf(d.clockStatus()));
        row.put("clockErrorBoundMicros", Long.toString(d.clockErrorBoundMicros()));
        row.put("withinTolerance", String.valueOf(d.withinTolerance()));
        row.put("direction", String.valueOf(d.direction()));
        row.put("eventType", String.valueOf(d.eventType()));
        row.put("outcome", String.valueOf(d.outcome()));
        row.put("msgSeqNum", Long.toString(d.msgSeqNum()));
        row.put("side", fixChar(d.side()));
        row.put("orderType", fixChar(d.orderType()));
        row.put("timeInForce", fixChar(d.timeInForce()));
        row.put("execType", fixChar(d.execType()));
        row.put("orderQuantity", Long.toString(d.orderQuantity()));
        row.put("price", price(d.price()));
        row.put("lastQuantity", Long.toString(d.lastQuantity()));
        row.put("lastPrice", price(d.lastPrice()));
        row.put("cumulativeQuantity", Long.toString(d.cumulativeQuantity()));
        row.put("leavesQuantity", Long.toString(d.leavesQuantity()));
        row.put("orderId", Long.toString(d.orderId()));
        // Read here, in block order; shown last. Null (absent) in records older than schema version 3.
        final long logPosition = d.logPosition();
        if (AuditRecordDecoder.logPositionNullValue() != logPosition && 0 != logPosition)
        {
            row.put("logPosition", Long.toString(logPosition));
        }
        row.put("sessionId", d.sessionId());
        row.put("clOrdId", d.clOrdId());
        row.put("origClOrdId", d.origClOrdId());
        row.put("symbol", d.symbol());
        row.put("text", d.text());
        final byte[] raw = new byte[d.rawMessageLength()];
        d.getRawMessage(raw, 0, raw.length);
        row.put("rawMessage", new String(raw, StandardCharsets.ISO_8859_1).replace(SOH, '|'));
    }

    private void clockRow(final DirectBuffer buffer, final int offset, final Map<String, String> row)
    {
        final ClockSyncEventDecoder d = clockDecoder.wrapAndApplyHeader(buffer, offset, headerDecoder);
        row.put("sequence", Long.toString(d.recordSequence()));
        row.put("recordType", "ClockSyncEvent");
        final long micros = d.timestampMicros();
        row.put("timestampMicros", Long.toString(micros));
        row.put("timestampUtc", utc(micros));
        row.put("monotonicNanos", Long.toString(d.monotonicNanos()));
        row.put("clockStatus", String.valueOf(d.clockStatus()));
        row.put("clockErrorBoundMicros", Long.toString(d.clockErrorBoundMicros()));
        row.put("estimatedErrorMicros", Long.toString(d.estimatedErrorMicros()));
        row.put("toleranceMicros", Long.toString(d.toleranceMicros()));
        row.put("kernelStatusBits", "0x" + Integer.toHexString(d.kernelStatusBits()));
        row.put("source", d.source());
    }

    private static String utc(final long micros)
    {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L)
            .toString();
    }

    private static String fixChar(final byte value)
    {
        return 0 == value ? "" : String.valueOf((char)value);
    }

    private static String price(final long mantissa)
    {
        if (AuditEntry.NULL_PRICE == mantissa)
        {
            return "";
        }
        return BigDecimal.valueOf(mantissa, -AuditEntry.PRICE_EXPONENT).toPlainString();
    }

    /**
     * Write the CSV header line.
     *
     * @param out where to write.
     */
    public static void writeCsvHeader(final PrintWriter out)
    {
        out.println(String.join(",", COLUMNS));
    }

    /**
     * Write one row in a format.
     *
     * @param out    where to write.
     * @param format the format.
     * @param row    the row from {@link #toRow}.
     */
    public static void writeRow(final PrintWriter out, final Format format, final Map<String, String> row)
    {
        out.println(Format.CSV == format ? csvLine(row) : jsonLine(row));
    }

    /**
     * One CSV line (no line terminator), columns in {@link #COLUMNS} order, absent columns empty.
     *
     * @param row the row.
     * @return the line.
     */
    public static String csvLine(final Map<String, String> row)
    {
        final StringBuilder sb = new StringBuilder(256);
        for (int i = 0; i < COLUMNS.size(); i++)
        {
            if (i > 0)
            {
                sb.append(',');
            }
            final String value = row.get(COLUMNS.get(i));
            if (null != value)
            {
                if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 ||
                    value.indexOf('\r') >= 0)
                {
                    sb.append('"').append(value.replace("\"", "\"\"")).append('"');
                }
                else
                {
                    sb.append(value);
                }
            }
        }
        return sb.toString();
    }

    /**
     * One JSON object (no line terminator) with the row's columns; every value is a JSON string, so that
     * 64-bit numbers survive JSON readers that use doubles.
     *
     * @param row the row.
     * @return the line.
     */
    public static String jsonLine(final Map<String, String> row)
    {
        final StringBuilder sb = new StringBuilder(512).append('{');
        boolean first = true;
        for (final Map.Entry<String, String> entry : row.entrySet())
        {
            if (!first)
            {
                sb.append(',');
            }
            first = false;
            appendJsonString(sb, entry.getKey());
            sb.append(':');
            appendJsonString(sb, entry.getValue());
        }
        return sb.append('}').toString();
    }

    private static void appendJsonString(final StringBuilder sb, final String value)
    {
        sb.append('"');
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            switch (c)
            {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (c < 0x20)
                    {
                        sb.append(String.format("\\u%04x", (int)c));
                    }
                    else
                    {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
