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

import io.tickwire.agent.metrics.CncValues;
import io.tickwire.agent.metrics.MetricsServer;
import io.tickwire.agent.metrics.Scrape;
import io.tickwire.fix.cli.FixClientCommand;
import io.tickwire.fix.session.GatewayCounterTypes;
import io.tickwire.fix.session.GatewayCounters;
import io.tickwire.fix.session.PreLogonCloseReason;
import io.tickwire.sbe.internal.RejectReason;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import quickfix.SessionSettings;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A gateway with a market data driver while a FIX client trades: its {@link GatewayCounters} are in that driver's
 * CnC file, and a reader of their own (as {@code tickwire stat} reads the file) sees the values the getters give; the
 * metrics endpoint exports them by type with the same values; closing the gateway keeps the getters' last values.
 */
@Timeout(90)
class GatewayCountersCncTest
{
    private static final int ORDERS = 20;

    @TempDir
    Path dir;

    @Test
    void shouldKeepTheGatewayCountersInTheMarketDataDriversCncFile() throws Exception
    {
        final int port = GatewayTestSupport.freePort();
        final SessionSettings settings = GatewayTestSupport.settings(dir, port);
        settings.setString(GatewayConfiguration.MARKET_DATA_CHANNEL_PROP_NAME, "aeron:ipc");
        Gateway gateway = null;
        MetricsServer metrics = null;
        try
        {
            gateway = Gateway.launch(new GatewayContext().settings(settings));
            metrics = GatewayMetrics.export(MetricsServer.builder().port(0), gateway, null).start();
            final GatewayCounters counters = gateway.counters();
            assertNull(counters.localReader(), "allocated in the market data driver");

            assertEquals(0, new CommandLine(new FixClientCommand()).execute(
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--username", "alice",
                "--password", GatewayTestSupport.PASSWORD, "--orders", Integer.toString(ORDERS), "--rate", "500",
                "--warmup", "0"));
            final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (counters.reportsSent() < 2 * ORDERS && System.nanoTime() < deadlineNs)
            {
                Thread.sleep(10);
            }

            final String instance = ": fix port " + port;
            final CncValues cnc = CncValues.read(gateway.aeronDirectoryName(), GatewayCounters.COMPONENT + " ");
            assertEquals(2 * ORDERS, counters.reportsSent());
            assertEquals(counters.requestsReceived(), cnc.value("tickwire-gateway requests-received" + instance));
            assertEquals(counters.ordersReceived(), cnc.value("tickwire-gateway orders-received" + instance));
            assertEquals(counters.reportsSent(), cnc.value("tickwire-gateway reports-sent" + instance));
            assertEquals(counters.logonFailures(), cnc.value("tickwire-gateway logon-failures" + instance));
            assertEquals(counters.resendRequestsRefused(),
                cnc.value("tickwire-gateway resend-requests-refused" + instance));
            assertEquals(counters.garbledDiscarded(), cnc.value("tickwire-gateway garbled-discarded" + instance));
            assertEquals(counters.agentErrors(), cnc.value("tickwire-gateway agent-errors" + instance));
            assertEquals(counters.logonLockouts(), cnc.value("tickwire-gateway logon-lockouts" + instance));
            assertEquals(counters.logonsRefusedLockedOut(),
                cnc.value("tickwire-gateway logons-refused-locked-out" + instance));
            assertEquals(counters.logonVerifications(), cnc.value("tickwire-gateway logon-verifications" + instance));
            assertEquals(counters.logonVerifyMaxNanos(), cnc.value("tickwire-gateway logon-verify-max-ns" + instance));
            assertEquals(counters.logonVerifyMeanNanos(), cnc.value("tickwire-gateway logon-verify-total-ns" +
                instance) / cnc.value("tickwire-gateway logon-verifications" + instance));
            for (final RejectReason reason : RejectReason.values())
            {
                if (RejectReason.NULL_VAL != reason)
                {
                    assertEquals(counters.rejects(reason),
                        cnc.value("tickwire-gateway rejects " + reason + instance), reason.name());
                }
            }
            for (final PreLogonCloseReason reason : PreLogonCloseReason.values())
            {
                assertEquals(counters.preLogonCloses(reason),
                    cnc.value("tickwire-gateway pre-logon-closes " + reason + instance), reason.name());
            }
            assertEquals(GatewayCounterTypes.REPORTS_SENT, cnc.typeId("tickwire-gateway reports-sent" + instance));
            assertTrue(counters.logonVerifications() >= 1 && counters.logonVerifyMaxNanos() > 0, cnc.toString());

            final Scrape scrape = Scrape.get(metrics.url());
            assertEquals(ORDERS, scrape.value("tickwire_gateway_orders_received_total"), scrape.text());
            assertEquals(counters.requestsReceived(), (long)scrape.value("tickwire_gateway_requests_received_total"));
            assertEquals(2 * ORDERS, scrape.value("tickwire_gateway_reports_sent_total"));
            assertEquals(0.0, scrape.value("tickwire_gateway_rejects_total", "reason", "MAX_NOTIONAL"));
            assertEquals("gauge", scrape.type("tickwire_gateway_logon_verify_max_seconds"));
            assertEquals(counters.logonVerifyMaxNanos() / 1e9,
                scrape.value("tickwire_gateway_logon_verify_max_seconds"), 1e-12);
            assertEquals(counters.logonVerifyMeanNanos() / 1e9,
                scrape.value("tickwire_gateway_logon_verify_mean_seconds"), 1e-12);
            for (final Scrape.Sample sample : scrape.samples())
            {
                final String label = sample.label("label");
                assertTrue(null == label || !label.startsWith("tickwire-"), "every counter has a kind: " + sample);
            }

            // Closed with the gateway (its driver too): the getters keep the last values.
            final long reports = counters.reportsSent();
            gateway.close();
            gateway = null;
            assertEquals(reports, counters.reportsSent(), "the last value, once freed");
        }
        finally
        {
            CloseHelper.closeAll(metrics, gateway);
        }
    }
}
