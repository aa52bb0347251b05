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
package io.tickwire.feed.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class ItchCommandTest
{
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldGenerateAFileThatDumpsCleanly()
    {
        final Path file = dir.resolve("flow.itch.gz");
        assertEquals(0, run("generate", "--out", file.toString(), "--messages", "5000", "--symbols", "8",
            "--seed", "3"));
        assertTrue(out.toString().contains("messages: 5000"), out.toString());
        assertTrue(Files.exists(file));

        out.getBuffer().setLength(0);
        assertEquals(0, run("dump", "--file", file.toString()), err.toString());
        final String[] lines = out.toString().split("\n");
        assertEquals(5000, lines.length);
        assertEquals("seq=1 type=S locate=0 tracking=0 timestamp=10800000000000 event_code=O", lines[0]);
        assertTrue(lines[1].startsWith("seq=2 type=R locate=1 "), lines[1]);
        assertTrue(err.toString().contains("messages: 5000 S=3 R=8 H=8 "), err.toString());
        assertTrue(err.toString().contains("malformed: 0"), err.toString());
    }

    @Test
    void shouldExitOneAndSummariseMalformedInput() throws IOException
    {
        final Path file = dir.resolve("bad.itch");
        final byte[] delete = {0, 19, 'D', 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 42};
        final byte[] bytes = Arrays.copyOf(delete, delete.length + 5);
        System.arraycopy(delete, 0, bytes, delete.length, 5);
        Files.write(file, bytes);

        assertEquals(1, run("dump", "--file", file.toString()));
        assertEquals("seq=1 type=D locate=1 tracking=0 timestamp=1 ref=42\n", out.toString());
        assertTrue(err.toString().contains("malformed: 1 TRUNCATED_MESSAGE=1"), err.toString());
        assertTrue(err.toString().contains(file + " @21 TRUNCATED_MESSAGE"), err.toString());
    }

    @Test
    void shouldDumpASharedCapture()
    {
        final Path capture = Paths.get(System.getProperty("tickwire.shared.dir", "../shared"), "data",
            "itch50-pcap", "v50-OrderExecutedMessage.pcap");
        Assumptions.assumeTrue(Files.exists(capture), "../shared/data absent: skipping capture dump");

        assertEquals(0, run("dump", "--pcap", capture.toString()));
        assertEquals("seq=14757745 type=E locate=2345 tracking=2 timestamp=34199999934561 ref=23499418 " +
            "executed_shares=25 match=255547\n", out.toString());
    }

    @Test
    void shouldRejectMissingOrBothInputs()
    {
        assertEquals(2, run("dump"));
        assertEquals(2, run("dump", "--file", "a", "--pcap", "b"));
        assertEquals(1, run("dump", "--file", dir.resolve("missing").toString()));
    }

    private int run(final String... args)
    {
        final CommandLine commandLine = new CommandLine(new ItchCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
