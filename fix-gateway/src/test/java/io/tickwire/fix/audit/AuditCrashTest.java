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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The durability contract under a crash: a child JVM journals records under load and prints the durable ticket
 * as it advances; it is killed with SIGKILL; every record it reported durable must be in the journal, in order,
 * and the journal must verify (a torn last frame is allowed and reported), then reopen and continue the chain.
 */
@Timeout(60)
class AuditCrashTest
{
    private static final long TARGET_DURABLE = 20_000;

    @TempDir
    Path dir;

    @Test
    void shouldKeepEveryRecordReportedDurableAcrossKillMinus9() throws Exception
    {
        final long maxFileSize = 512 * 1024;
        final List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-opens");
        command.add("java.base/jdk.internal.misc=ALL-UNNAMED");
        command.add("--add-opens");
        command.add("java.base/sun.nio.ch=ALL-UNNAMED");
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(AuditCrashChild.class.getName());
        command.add(dir.toString());
        command.add(Long.toString(maxFileSize));

        final Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        long lastDurable = 0;
        final List<String> other = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII)))
        {
            String line;
            while (lastDurable < TARGET_DURABLE && null != (line = reader.readLine()))
            {
                if (line.startsWith("DURABLE "))
                {
                    final long durable = Long.parseLong(line.substring("DURABLE ".length()));
                    assertTrue(durable > lastDurable, line);
                    lastDurable = durable;
                }
                else if (!line.startsWith("STARTED"))
                {
                    other.add(line);
                }
            }
            // SIGKILL while the child is still publishing and committing: what we read is what a client saw.
            child.destroyForcibly();
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
        }
        finally
        {
            child.destroyForcibly();
        }
        assertTrue(lastDurable >= TARGET_DURABLE, "child reported durable up to " + lastDurable + "; output " + other);

        final List<Path> files = JournalReader.journalFiles(dir);
        final long[] count = { 0 };
        final boolean[] inOrder = { true };
        final AuditExporter exporter = new AuditExporter();
        final JournalVerifyReport report = new JournalReader().verify(files,
            (file, offset, sequence, buffer, recordOffset, length) ->
            {
                count[0]++;
                final String clOrdId = exporter.toRow(file, offset, buffer, recordOffset, length).get("clOrdId");
                inOrder[0] &= ("T" + count[0]).equals(clOrdId) && sequence == count[0];
            });
        assertTrue(report.isValidExceptTruncatedTail(), report.issues()::toString);
        assertTrue(inOrder[0], "records in publication order");
        assertTrue(count[0] >= lastDurable,
            "journal holds " + count[0] + " records but " + lastDurable + " were reported durable");
        assertTrue(files.size() > 1, "rotated into " + files.size() + " files");

        try (AuditTrail reopened = AuditTrail.launch(AuditFixture.context(dir).maxFileSize(maxFileSize)))
        {
            assertEquals(count[0] + 1, reopened.writerAgent().journal().nextSequence());
            new AuditFixture().publish(reopened.publisher(), 0);
            AuditFixture.drain(reopened);
        }
        final JournalVerifyReport after = new JournalReader().verify(JournalReader.journalFiles(dir), null);
        assertTrue(after.isValid(), after.issues()::toString);
        assertEquals(count[0] + 1, after.records());
    }
}
