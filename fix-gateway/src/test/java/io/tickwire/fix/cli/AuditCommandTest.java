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
package io.tickwire.fix.cli;

import io.tickwire.fix.audit.AuditEntry;
import io.tickwire.fix.audit.AuditSealKey;
import io.tickwire.fix.audit.AuditTrail;
import io.tickwire.fix.audit.JournalDescriptor;
import io.tickwire.fix.audit.JournalReader;
import io.tickwire.fix.audit.SealDescriptor;
import io.tickwire.fix.time.ClockSyncPolicy;
import io.tickwire.fix.time.ManualGatewayClock;
import io.tickwire.fix.time.MessageStamp;
import io.tickwire.fix.time.MessageStamper;
import io.tickwire.sbe.audit.AuditEventType;
import io.tickwire.sbe.audit.Direction;
import io.tickwire.sbe.audit.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class AuditCommandTest
{
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path journal;

    @BeforeEach
    void writeJournal()
    {
        final ManualGatewayClock clock = new ManualGatewayClock(1_763_600_000_000_001L, 0).unsynchronised(16_000_000);
        final MessageStamper stamper = new MessageStamper(clock, ClockSyncPolicy.defaults());
        final MessageStamp stamp = new MessageStamp();
        final AuditEntry entry = new AuditEntry();
        try (AuditTrail audit = AuditTrail.launch(new AuditTrail.Context().directory(dir).ringCapacity(1 << 16)))
        {
            for (int i = 0; i < 3; i++)
            {
                audit.publisher().publish(stamper.stamp(stamp), entry.reset()
                    .direction(Direction.INBOUND).eventType(AuditEventType.NEW_ORDER).outcome(Outcome.RECEIVED)
                    .msgSeqNum(i + 2).clOrdId("C" + i).symbol("MSFT").side('2').orderQuantity(10)
                    .price(4_100_000).sessionId("FIX.4.4:TW->C1")
                    .rawMessage("8=FIX.4.4\u000135=D\u000111=C" + i + "\u000110=123\u0001"));
            }
        }
        journal = dir.resolve(JournalDescriptor.fileName(0));
    }

    private int run(final String... args)
    {
        final CommandLine commandLine = new CommandLine(new AuditCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void shouldVerifyIntactJournal()
    {
        assertEquals(0, run("verify", journal.toString()), out::toString);
        assertTrue(out.toString().contains("OK 3 records in 1 files"), out::toString);
        assertEquals(0, run("verify", dir.toString()), out::toString);
    }

    @Test
    void shouldFailVerifyWithFileAndOffsetOfTamperedRecord() throws IOException
    {
        final long offset = JournalDescriptor.HEADER_LENGTH + Files.size(journal) / 2;
        try (RandomAccessFile raf = new RandomAccessFile(journal.toFile(), "rw"))
        {
            raf.seek(offset);
            final int value = raf.read();
            raf.seek(offset);
            raf.write(value ^ 0xFF);
        }

        assertEquals(1, run("verify", journal.toString()));
        assertTrue(out.toString().matches("(?s).*BAD_CRC " + java.util.regex.Pattern.quote(journal.toString()) +
            " @\\d+ \\(record \\d\\).*"), out::toString);
        assertTrue(out.toString().contains("FAILED"), out::toString);
    }

    @Test
    void shouldReportTruncationAndAllowTornTailOnlyWhenAsked() throws IOException
    {
        try (RandomAccessFile raf = new RandomAccessFile(journal.toFile(), "rw"))
        {
            raf.setLength(raf.length() - 1);
        }

        assertEquals(1, run("verify", journal.toString()));
        assertTrue(out.toString().contains("TRUNCATED " + journal), out::toString);
        assertEquals(0, run("verify", "--allow-torn-tail", journal.toString()));
    }

    @Test
    void shouldCheckSealsWithKeyAndReportATailCutThatVerifiesWithoutThem() throws IOException
    {
        final Path sealed = dir.resolve("sealed");
        final AuditSealKey key = AuditSealKey.loadOrCreate(AuditSealKey.defaultFile(sealed), sealed);
        try (AuditTrail audit = AuditTrail.launch(new AuditTrail.Context().directory(sealed).ringCapacity(1 << 16)
            .sealKey(key)))
        {
            final MessageStamp stamp = new MessageStamp();
            final MessageStamper stamper = new MessageStamper(
                new ManualGatewayClock(1_763_600_000_000_001L, 0).unsynchronised(16_000_000),
                ClockSyncPolicy.defaults());
            for (int i = 0; i < 3; i++)
            {
                audit.publisher().publish(stamper.stamp(stamp), new AuditEntry().direction(Direction.INBOUND)
                    .eventType(AuditEventType.NEW_ORDER).outcome(Outcome.RECEIVED).clOrdId("S" + i)
                    .rawMessage("8=FIX.4.4\u000135=D\u000111=S" + i + "\u000110=123\u0001"));
            }
        }
        final String keyFile = key.file().toString();
        assertEquals(0, run("verify", sealed.toString(), "--seal-key", keyFile), out::toString);
        assertTrue(out.toString().contains("OK 3 records in 1 files, 2 seals checked"), out::toString);

        final Path file = sealed.resolve(JournalDescriptor.fileName(0));
        final List<Long> frames = new ArrayList<>();
        new JournalReader().verify(List.of(file), (f, frameOffset, sequence, buffer, offset, length) ->
            frames.add(frameOffset));
        final long end = Files.size(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.setLength(frames.get(2));
        }

        out.getBuffer().setLength(0);
        assertEquals(0, run("verify", sealed.toString()), out::toString);
        assertTrue(out.toString().contains("OK 2 records in 1 files"), out::toString);
        assertTrue(out.toString().contains("note: seals present (2 in " + sealed.resolve(SealDescriptor.FILE_NAME) +
            "), not checked: no --seal-key"), out::toString);

        out.getBuffer().setLength(0);
        assertEquals(1, run("verify", sealed.toString(), "--seal-key", keyFile), out::toString);
        assertTrue(out.toString().contains("TAIL_CUT " + file + " @" + end +
            " (record 3): sealed head #3 at position " +
            end + " missing: journal ends at #2 (tail cut)"), out::toString);
        assertEquals(1, run("verify", "--allow-torn-tail", sealed.toString(), "--seal-key", keyFile), out::toString);
    }

    @Test
    void shouldRejectUnreadableSealKeyAsUsageError()
    {
        assertEquals(2, run("verify", dir.toString(), "--seal-key", dir.resolve("absent.key").toString()));
        assertTrue(err.toString().contains("--seal-key"), err::toString);
    }

    @Test
    void shouldExportCsvAndJson() throws IOException
    {
        assertEquals(0, run("export", journal.toString(), "--format", "csv"));
        final List<String> csv = out.toString().lines().toList();
        assertEquals(4, csv.size());
        assertTrue(csv.get(0).startsWith("file,frameOffset,sequence,recordType,timestampMicros"), csv.get(0));
        assertTrue(csv.get(2).contains(",C1,,MSFT,,8=FIX.4.4|35=D|11=C1|10=123|,"), csv.get(2));
        assertTrue(csv.get(2).contains(",UNSYNCHRONISED,16000000,FALSE,INBOUND,NEW_ORDER,RECEIVED,3,2,"), csv.get(2));
        assertTrue(csv.get(2).contains(",410.0000,"), csv.get(2));

        final Path json = dir.resolve("out.json");
        assertEquals(0, run("export", dir.toString(), "--format", "json", "--output", json.toString()));
        final List<String> lines = Files.readAllLines(json);
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).contains("\"clOrdId\":\"C0\""), lines.get(0));
        assertTrue(lines.get(0).contains("\"rawMessage\":\"8=FIX.4.4|35=D|11=C0|10=123|\""), lines.get(0));
        assertTrue(lines.get(0).contains("\"timestampUtc\":\"2025-11-20T00:53:20.000001Z\""), lines.get(0));
    }

    @Test
    void shouldFailOnMissingFile()
    {
        assertEquals(1, run("verify", dir.resolve("absent.journal").toString()));
        assertTrue(err.toString().contains("no such file or directory"), err::toString);
    }

    @Test
    void shouldRejectUnknownFormatAsUsageError()
    {
        assertEquals(2, run("export", journal.toString(), "--format", "xml"));
    }

    @Test
    void shouldPrintClockState()
    {
        assertEquals(0, run("clock", "--tolerance-micros", String.valueOf(ClockSyncPolicy.HFT_TOLERANCE_MICROS)));
        assertTrue(out.toString().startsWith("clock: "), out::toString);
        assertTrue(out.toString().contains("tolerance: 100us"), out::toString);
    }
}
