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
package io.tickwire.fix.conformance;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The QuickFIX session-level acceptance definitions ({@code ../shared/data/fix-acceptance}), one dynamic test per
 * {@code .def} file, against the gateway's session layer in the reflector configuration ({@link ReflectorAcceptor}).
 * <p>
 * Heartbeat intervals of 5 and 6 seconds in the definitions are run as 2 seconds (in what the client sends and
 * what it expects alike), so the heartbeat and test-request definitions take seconds rather than a minute;
 * the sequence of messages they check is unchanged.
 */
@Timeout(600)
class AcceptanceDefinitionsTest
{
    /**
     * Definitions not run, with the reason. Empty: every definition passes.
     */
    static final Map<String, String> EXCLUDED = Map.of();

    private static final Map<String, String> HEARTBEAT_OVERRIDES = Map.of("5", "2", "6", "2");
    private static final long EXPECT_TIMEOUT_MS = 8_000;
    private static final long DISCONNECT_TIMEOUT_MS = 8_000;

    @TestFactory
    Stream<DynamicTest> fix44() throws IOException
    {
        return definitions("fix44", "FIX.4.4", "FIX44.xml");
    }

    @TestFactory
    Stream<DynamicTest> fix42() throws IOException
    {
        return definitions("fix42", "FIX.4.2", "FIX42.xml");
    }

    private static Stream<DynamicTest> definitions(
        final String directory, final String beginString, final String dataDictionary) throws IOException
    {
        final Path dir = Paths.get(System.getProperty("tickwire.shared.dir", "../shared"), "data", "fix-acceptance",
            directory);
        Assumptions.assumeTrue(Files.isDirectory(dir), "../shared/data absent: skipping FIX acceptance " + directory);

        final List<Path> files;
        try (Stream<Path> list = Files.list(dir))
        {
            final String filter = System.getProperty("tickwire.acceptance.filter", "");
            files = list
                .filter((f) -> f.toString().endsWith(".def"))
                .filter((f) -> f.getFileName().toString().matches(".*" + filter + ".*"))
                .sorted()
                .toList();
        }

        return files.stream().map((file) -> DynamicTest.dynamicTest(directory + "/" + file.getFileName(), () ->
        {
            final String reason = EXCLUDED.get(directory + "/" + file.getFileName());
            Assumptions.assumeTrue(null == reason, () -> "excluded: " + reason);
            final AcceptanceDefinition definition = AcceptanceDefinition.parse(file);
            assertTimeoutPreemptively(Duration.ofSeconds(90), () ->
            {
                try (ReflectorAcceptor acceptor = new ReflectorAcceptor(beginString, dataDictionary))
                {
                    new AcceptanceRunner(
                        acceptor.port(), EXPECT_TIMEOUT_MS, DISCONNECT_TIMEOUT_MS, HEARTBEAT_OVERRIDES,
                        acceptor::awaitIdle).run(definition);
                }
            });
        }));
    }
}
