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

import io.tickwire.fix.cli.FixClientCommand;
import io.tickwire.latency.LatencyRecording;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import quickfix.SessionSettings;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class GatewayLatencyLogTest
{
    private static final int ORDERS = 40;

    @TempDir
    Path dir;

    @Test
    void shouldWriteOrderStagesOfGatewayAndClientToHlog() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        final SessionSettings settings = GatewayTestSupport.settings(dir, port);
        final Path hlogDir = dir.resolve("hlog");

        final LatencyRecording recording = LatencyRecording.start(hlogDir, "gateway", 100);
        final int exitCode;
        try (Gateway gateway = Gateway.launch(
            new GatewayContext().settings(settings).latencyRegistry(recording.registry())))
        {
            exitCode = new CommandLine(new FixClientCommand()).execute(
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--username", "alice",
                "--password", GatewayTestSupport.PASSWORD, "--orders", Integer.toString(ORDERS), "--rate", "500",
                "--warmup", "0", "--hlog", hlogDir.toString(), "--hlog-interval-ms", "100");
        }
        finally
        {
            recording.close();
        }
        assertEquals(0, exitCode);

        final Map<String, Long> gatewayCounts = countsByTag(recording.file());
        // Orders alternate buy 1 below / sell 1 above the mid: none trades, each passes risk once and gets a New;
        // when the client logs out, cancel-on-disconnect cancels each one: a second report per order.
        assertEquals(4, gatewayCounts.size(), gatewayCounts.toString());
        assertEquals(ORDERS, gatewayCounts.get(OrderStages.FIX_RECEIVE_TO_RISK), gatewayCounts.toString());
        assertEquals(ORDERS, gatewayCounts.get(OrderStages.RISK_TO_MATCHED), gatewayCounts.toString());
        assertEquals(2 * ORDERS, gatewayCounts.get(OrderStages.MATCHED_TO_ER_SENT), gatewayCounts.toString());
        assertEquals(2 * ORDERS, gatewayCounts.get(OrderStages.FIX_RECEIVE_TO_ER_SENT), gatewayCounts.toString());

        final List<Path> clientLogs;
        try (Stream<Path> files = Files.list(hlogDir))
        {
            clientLogs = files.filter((p) -> p.getFileName().toString().startsWith("fix-client-"))
                .collect(Collectors.toList());
        }
        assertEquals(1, clientLogs.size(), clientLogs.toString());
        final Map<String, Long> clientCounts = countsByTag(clientLogs.get(0));
        assertEquals(Map.of(OrderStages.ORDER_TO_ACK, (long)ORDERS), clientCounts);
    }

    static Map<String, Long> countsByTag(final Path file) throws FileNotFoundException
    {
        final Map<String, Long> counts = new HashMap<>();
        final HistogramLogReader reader = new HistogramLogReader(file.toFile());
        try
        {
            Histogram histogram;
            while (null != (histogram = (Histogram)reader.nextIntervalHistogram()))
            {
                assertTrue(histogram.getMinNonZeroValue() > 0 || 0 == histogram.getTotalCount());
                counts.merge(histogram.getTag(), histogram.getTotalCount(), Long::sum);
            }
        }
        finally
        {
            reader.close();
        }
        return counts;
    }
}
