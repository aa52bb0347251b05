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

import io.tickwire.agent.metrics.MetricsServer;
import io.tickwire.agent.metrics.Scrape;
import io.tickwire.fix.cli.FixClientCommand;
import io.tickwire.latency.LatencyRecording;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import quickfix.SessionSettings;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A gateway on an embedded cluster scraped over HTTP while a client trades: its counters as the status line reads
 * them, its order stages counted as often as the {@code .hlog} writer reading the same recorders counts them, and
 * the cluster member's media driver counters.
 */
@Timeout(90)
class MetricsGatewayTest
{
    private static final int ORDERS = 40;

    @TempDir
    Path dir;

    @Test
    void shouldExportCountersLatenciesAndTheClusterDriverOfARunningGateway() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        final SessionSettings settings = GatewayTestSupport.settings(dir, port);
        final LatencyRecording recording = LatencyRecording.start(dir.resolve("hlog"), "gateway", 50);
        Gateway gateway = null;
        MetricsServer metrics = null;
        final Scrape scrape;
        final Scrape last;
        try
        {
            gateway = Gateway.launch(new GatewayContext().settings(settings).latencyRegistry(recording.registry()));
            metrics = GatewayMetrics.export(MetricsServer.builder().port(0), gateway, recording.registry()).start();

            final int exitCode = new CommandLine(new FixClientCommand()).execute(
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--username", "alice",
                "--password", GatewayTestSupport.PASSWORD, "--orders", Integer.toString(ORDERS), "--rate", "500",
                "--warmup", "0");
            assertEquals(0, exitCode);
            // Each order gets a New, then a Canceled when the client logs out (cancel on disconnect).
            final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (gateway.counters().reportsSent() < 2 * ORDERS && System.nanoTime() < deadlineNs)
            {
                Thread.sleep(10);
            }
            scrape = Scrape.get(metrics.url());

            gateway.close();
            gateway = null;
            last = Scrape.get(metrics.url());
        }
        finally
        {
            CloseHelper.closeAll(metrics, gateway, recording);
        }

        assertEquals("counter", scrape.type("tickwire_gateway_orders_received_total"), scrape.text());
        assertEquals(ORDERS, scrape.value("tickwire_gateway_orders_received_total"));
        assertEquals(2 * ORDERS, scrape.value("tickwire_gateway_reports_sent_total"));
        assertEquals(0.0, scrape.value("tickwire_gateway_rejects_total", "reason", "MAX_NOTIONAL"));
        assertTrue(scrape.value("tickwire_gateway_logon_verifications_total") >= 1, scrape.text());
        assertEquals("gauge", scrape.type("tickwire_gateway_pre_logon_connections"));
        assertFalse(scrape.samples("aeron_system_counter", "driver", GatewayMetrics.CLUSTER_DRIVER,
            "name", "Bytes sent").isEmpty(), "the embedded cluster member's driver: " + scrape.text());
        assertFalse(scrape.samples("aeron_counter", "driver", GatewayMetrics.CLUSTER_DRIVER).isEmpty());

        // The stages as GatewayLatencyLogTest counts them in the log, counted here too from the same recorders.
        final Map<String, Long> hlogCounts = GatewayLatencyLogTest.countsByTag(recording.file());
        final Map<String, Long> expected = Map.of(
            OrderStages.FIX_RECEIVE_TO_RISK, (long)ORDERS,
            OrderStages.RISK_TO_MATCHED, (long)ORDERS,
            OrderStages.MATCHED_TO_ER_SENT, 2L * ORDERS,
            OrderStages.FIX_RECEIVE_TO_ER_SENT, 2L * ORDERS);
        assertEquals(expected, hlogCounts);
        for (final Map.Entry<String, Long> stage : expected.entrySet())
        {
            final List<Scrape.Sample> counts = last.samples("tickwire_latency_seconds_count", "stage", stage.getKey());
            assertFalse(counts.isEmpty(), stage.getKey() + " in " + last.text());
            assertEquals(stage.getValue(), counts.stream().mapToLong((sample) -> (long)sample.value()).sum(),
                stage.getKey() + ": " + counts);
            assertTrue(last.samples("tickwire_latency_max_seconds", "stage", stage.getKey()).stream()
                .anyMatch((sample) -> sample.value() > 0), last.text());
        }
        for (final Scrape.Sample sample : last.samples())
        {
            assertTrue(Scrape.METRIC_NAME.matcher(sample.name()).matches(), sample.toString());
        }
    }
}
