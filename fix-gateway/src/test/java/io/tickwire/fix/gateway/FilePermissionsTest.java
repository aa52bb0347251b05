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

import io.tickwire.fix.audit.OwnerOnlyFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import quickfix.FileLogFactory;
import quickfix.FileStoreFactory;
import quickfix.SessionSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.tickwire.fix.gateway.OrderFlowTest.assertReport;
import static io.tickwire.fix.gateway.OrderFlowTest.newOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Everything the gateway writes - audit journal, QuickFIX/J FileStore (also after the store is reset at logon) and
 * file logs - is owner-only, whatever the umask.
 */
@Timeout(60)
class FilePermissionsTest
{
    @TempDir
    Path dir;

    @BeforeEach
    void requirePosix()
    {
        Assumptions.assumeTrue(OwnerOnlyFiles.isPosix(dir),
            "file system of " + dir + " has no POSIX permissions: owner-only modes cannot be checked");
    }

    @Test
    void shouldCreateJournalStoreAndLogsOwnerOnly() throws Exception
    {
        final Path state = dir.resolve("state");
        final int port = GatewayTestSupport.freePort();
        final SessionSettings settings = GatewayTestSupport.settings(dir, port);
        settings.setString(FileStoreFactory.SETTING_FILE_STORE_PATH, state.resolve("store").toString());
        settings.setString(FileLogFactory.SETTING_FILE_LOG_PATH, state.resolve("log").toString());
        try (Gateway gateway = Gateway.launch(
            new GatewayContext().settings(settings).auditDirectory(state.resolve("audit")));
            TestFixClient client = new TestFixClient("FIX.4.4", "CLIENT1", port, "alice", GatewayTestSupport.PASSWORD,
                false))
        {
            // The client logs on with ResetSeqNumFlag: the gateway's FileStore deletes and recreates its files.
            assertTrue(client.awaitLogon(10_000));
            client.send(newOrder("P1", "AAPL", '1', "1", '2', "10", '0'));
            assertReport(client.next(), '0', '0', "P1", "0", "1");
            assertTrue(gateway.filePermissionWarnings().isEmpty(), gateway.filePermissionWarnings().toString());
        }

        final List<Path> paths;
        try (Stream<Path> walk = Files.walk(state))
        {
            paths = walk.collect(Collectors.toList());
        }
        assertTrue(paths.stream().anyMatch((p) -> p.getFileName().toString().endsWith(".journal")),
            "journal: " + paths);
        assertTrue(paths.stream().anyMatch((p) -> p.getFileName().toString().endsWith(".body")), "store: " + paths);
        assertTrue(paths.stream().anyMatch((p) -> p.getFileName().toString().endsWith(".messages.log")),
            "log: " + paths);
        for (final Path path : paths)
        {
            final String expected = Files.isDirectory(path) ? "rwx------" : "rw-------";
            assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(path)), path::toString);
        }
    }

    @Test
    void shouldLeaveAnExistingDirectoryAloneAndSayItIsOpenToOthers() throws Exception
    {
        final Path store = Files.createDirectory(dir.resolve("shared-store"));
        Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rwxr-xr-x"));
        final int port = GatewayTestSupport.freePort();
        final SessionSettings settings = GatewayTestSupport.settings(dir, port);
        settings.setString(FileStoreFactory.SETTING_FILE_STORE_PATH, store.toString());
        try (Gateway gateway = Gateway.launch(new GatewayContext().settings(settings)))
        {
            assertEquals(List.of("FileStorePath " + store + " is open to group/others"),
                gateway.filePermissionWarnings());
            try (Stream<Path> files = Files.list(store))
            {
                for (final Path file : files.collect(Collectors.toList()))
                {
                    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                        file::toString);
                }
            }
        }
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(store)));
    }
}
