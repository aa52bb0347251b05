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
package io.tickwire.fix.gateway;

import io.tickwire.fix.audit.SealDescriptor;
import io.tickwire.fix.cli.AuditCommand;
import io.tickwire.fix.cluster.MatchingService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static io.tickwire.fix.gateway.OrderFlowTest.assertReport;
import static io.tickwire.fix.gateway.OrderFlowTest.newOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A gateway with its default seals (key created beside the journal directory) takes orders and shuts down; then
 * {@code audit verify --seal-key} accepts its journal and its embedded cluster member's journal, each sealed.
 */
@Timeout(60)
class AuditSealGatewayTest
{
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int verify(final String... args)
    {
        final CommandLine commandLine = new CommandLine(new AuditCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        final String[] all = new String[args.length + 1];
        all[0] = "verify";
        System.arraycopy(args, 0, all, 1, args.length);
        return commandLine.execute(all);
    }

    @Test
    void shouldSealTheJournalsOfAGatewayRunSoThatTheyVerifyWithTheKey() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        final Path journal = dir.resolve("audit");
        try (Gateway gateway = Gateway.launch(new GatewayContext()
            .settings(GatewayTestSupport.settings(dir, port))
            .auditDirectory(journal));
            TestFixClient client = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", "s3cret-pass", false))
        {
            assertTrue(client.awaitLogon(10_000));
            for (int i = 0; i < 5; i++)
            {
                client.send(newOrder("E" + i, "AAPL", '1', "10", '2', "150", '0'));
                assertReport(client.next(), '0', '0', "E" + i, "0", "10");
            }
            assertTrue(gateway.auditTrail().context().sealKey() != null, "sealing is on by default");
        }

        final Path key = dir.resolve("audit-seal.key");
        assertEquals(32, Files.size(key));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertTrue(Files.exists(journal.resolve(SealDescriptor.FILE_NAME)));

        assertEquals(0, verify(journal.toString(), "--seal-key", key.toString()), out::toString);
        assertTrue(out.toString().matches("(?s).*OK \\d+ records in 1 files, \\d+ seals checked.*"), out::toString);
        assertFalse(out.toString().contains("unsealed tail"), "shutdown sealed the last record: " + out);

        final Path member = dir.resolve("cluster").resolve(MatchingService.AUDIT_DIR_NAME);
        out.getBuffer().setLength(0);
        assertEquals(0, verify(member.toString(), "--seal-key", key.toString()), out::toString);
        assertTrue(out.toString().matches("(?s).*OK 5 records in 1 files, \\d+ seals checked.*"), out::toString);
    }
}
