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
package io.tickwire.agent.metrics;

import io.tickwire.latency.LatencyRegistry;
import io.tickwire.latency.StageRecorder;
import org.HdrHistogram.Histogram;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The endpoint on its own, scraped over HTTP: counters of a {@link CountersManager} standing in for a driver's CnC
 * file, latencies with a clock the test moves, supplied values, names, the address.
 */
@Timeout(30)
class MetricsServerTest
{
    private static final int MESSAGES_IN_TYPE_ID = 3001;
    private static final List<CounterKind> KINDS = List.of(
        CounterKind.counter(MESSAGES_IN_TYPE_ID, "test_messages_in_total", "Messages in", "test msgs-in: (.*)",
            "source"),
        CounterKind.counter(3005, "test_malformed", "Malformed", "test malformed (\\S+): (.*)", "reason", "source"),
        CounterKind.gauge(3015, "test_position_bytes", "Position", "test position: (.*) stream (\\d+)",
            "channel", "stream"));

    private final CountersManager counters = new CountersManager(
        new UnsafeBuffer(new byte[CountersReader.METADATA_LENGTH * 32]),
        new UnsafeBuffer(new byte[CountersReader.COUNTER_LENGTH * 32]));
    private MetricsServer server;

    @AfterEach
    void after()
    {
        CloseHelper.close(server);
    }

    @Test
    void shouldExportCountersByKindSystemCountersAndTheRestOverHttp() throws Exception
    {
        counters.newCounter("Bytes sent", 0).setOrdered(4096);
        counters.newCounter("test msgs-in: feed \"A\"", MESSAGES_IN_TYPE_ID).setOrdered(7);
        counters.newCounter("test msgs-in: feed \"A\"", MESSAGES_IN_TYPE_ID).setOrdered(3);
        counters.newCounter("cut sho", MESSAGES_IN_TYPE_ID).setOrdered(1);
        counters.newCounter("test malformed TOO_SHORT: b", 3005).setOrdered(2);
        counters.newCounter("test position: aeron:ipc stream 1001", 3015).setOrdered(65536);
        counters.newCounter("rcv-pos: 1 2 3 aeron:ipc", 5).setOrdered(128);
        final AtomicCounter freed = counters.newCounter("test msgs-in: gone", MESSAGES_IN_TYPE_ID);
        freed.close();
        server = MetricsServer.builder().port(0).counterKinds(KINDS).countersReader("test", counters).start();

        final Scrape scrape = Scrape.get(server.url());

        assertEquals("counter", scrape.type("test_messages_in_total"), scrape.text());
        final List<Scrape.Sample> twice = scrape.samples("test_messages_in_total", "source", "feed \"A\"");
        assertEquals(2, twice.size(), "two counters of one label text stay apart: " + scrape.text());
        assertEquals(7.0, twice.stream().filter((sample) -> null == sample.label("counter_id")).findFirst()
            .orElseThrow().value(), twice.toString());
        assertEquals(3.0, twice.stream().filter((sample) -> null != sample.label("counter_id")).findFirst()
            .orElseThrow().value(), twice.toString());
        assertEquals(1.0, scrape.value("test_messages_in_total", "label", "cut sho"), "an unmatched label is kept");
        assertTrue(scrape.samples("test_messages_in_total", "source", "gone").isEmpty(), "freed counters go");
        assertEquals(2.0, scrape.value("test_malformed_total", "reason", "TOO_SHORT", "source", "b"));
        assertEquals("gauge", scrape.type("test_position_bytes"));
        assertEquals(65536.0, scrape.value("test_position_bytes", "channel", "aeron:ipc", "stream", "1001"));
        assertEquals("gauge", scrape.type("aeron_system_counter"));
        assertEquals(4096.0, scrape.value("aeron_system_counter", "name", "Bytes sent", "driver", "test"));
        assertEquals(128.0, scrape.value("aeron_counter", "type_id", "5", "label", "rcv-pos: 1 2 3 aeron:ipc"));
    }

    @Test
    void shouldExportLatencyQuantilesOverAWindowWithoutTakingValuesFromTheHlogWriter() throws Exception
    {
        final LatencyRegistry registry = new LatencyRegistry();
        final StageRecorder recorder = registry.recorder("ingest->ring", "ingest-0");
        final AtomicLong nowNs = new AtomicLong();
        server = MetricsServer.builder().port(0).latency(registry)
            .latencyWindow(TimeUnit.SECONDS.toNanos(60), 4).nanoClock(nowNs::get).start();

        for (int i = 1; i <= 1000; i++)
        {
            recorder.recordValue(i * 1_000L);
        }
        final StageRecorder madeLater = registry.recorder("ring->publish", "publisher");
        madeLater.recordValue(-5);
        madeLater.recordValue(7_000);
        final Histogram hlogSample = recorder.sampleInterval();
        assertEquals(1000, hlogSample.getTotalCount(), "the hlog writer's sample is whole before any scrape");
        assertEquals(1, madeLater.sampleInterval().getTotalCount());

        final Scrape scrape = Scrape.get(server.url());
        assertEquals("summary", scrape.type("tickwire_latency_seconds_count"), scrape.text());
        assertEquals(1000.0, scrape.value("tickwire_latency_seconds_count", "stage", "ingest->ring",
            "writer", "ingest-0"), "the metrics reader sees the values too");
        assertEquals(500e-6, quantile(scrape, "0.5"), 1e-6);
        assertEquals(990e-6, quantile(scrape, "0.99"), 1e-6);
        assertEquals(1000e-6, scrape.value("tickwire_latency_max_seconds", "stage", "ingest->ring"), 1e-6);
        assertEquals(500.5e-3, scrape.value("tickwire_latency_seconds_sum", "stage", "ingest->ring"), 1e-3);
        assertEquals(1.0, scrape.value("tickwire_latency_seconds_count", "stage", "ring->publish"),
            "a recorder made after the start is read from its first value, though the hlog writer took it before");
        assertEquals(7e-6, scrape.value("tickwire_latency_max_seconds", "stage", "ring->publish"), 1e-8);
        assertEquals(1.0, scrape.value("tickwire_latency_negative_values_total", "stage", "ring->publish"));

        // 45 s on, still in the window; then past it: the quantiles empty, the count stays.
        recorder.recordValue(2_000_000);
        nowNs.addAndGet(TimeUnit.SECONDS.toNanos(45));
        final Scrape later = Scrape.get(server.url());
        assertEquals(1001.0, later.value("tickwire_latency_seconds_count", "stage", "ingest->ring"));
        assertEquals(2e-3, later.value("tickwire_latency_max_seconds", "stage", "ingest->ring"), 1e-5);
        nowNs.addAndGet(TimeUnit.SECONDS.toNanos(30));
        final Scrape past = Scrape.get(server.url());
        assertEquals(2e-3, past.value("tickwire_latency_max_seconds", "stage", "ingest->ring"), 1e-5,
            "the first values are out of the window, the last one is not");
        assertEquals(1001.0, past.value("tickwire_latency_seconds_count", "stage", "ingest->ring"));
        nowNs.addAndGet(TimeUnit.SECONDS.toNanos(61));
        final Scrape empty = Scrape.get(server.url());
        assertTrue(Double.isNaN(quantile(empty, "0.5")), empty.text());
        assertEquals(1001.0, empty.value("tickwire_latency_seconds_count", "stage", "ingest->ring"));

        assertEquals(1, recorder.sampleInterval().getTotalCount(), "the hlog writer got the late value as well");
    }

    @Test
    void shouldExportSuppliedValuesAndAddUpRepeats() throws Exception
    {
        final AtomicLong orders = new AtomicLong(12);
        server = MetricsServer.builder().port(0)
            .values(() -> List.of(
                NamedValue.counter("test_orders_total", "Orders", orders.get()),
                NamedValue.counter("test_rejects", "Rejects", 2, "reason", "MAX_NOTIONAL"),
                NamedValue.counter("test_rejects", "Rejects", 1, "reason", "MAX_NOTIONAL"),
                NamedValue.gauge("test_lag_records", "Lag", -1)))
            .start();

        assertEquals(12.0, Scrape.get(server.url()).value("test_orders_total"));
        orders.set(13);
        final Scrape scrape = Scrape.get(server.url());
        assertEquals(13.0, scrape.value("test_orders_total"), "values are read at scrape time");
        assertEquals(3.0, scrape.value("test_rejects_total", "reason", "MAX_NOTIONAL"));
        assertEquals(-1.0, scrape.value("test_lag_records"));
        assertEquals("gauge", scrape.type("test_lag_records"));
    }

    @Test
    void shouldRejectNamesPrometheusWouldNotTake()
    {
        assertThrows(IllegalArgumentException.class, () -> NamedValue.gauge("bad name", "h", 1));
        assertThrows(IllegalArgumentException.class, () -> NamedValue.gauge("1st", "h", 1));
        assertThrows(IllegalArgumentException.class, () -> NamedValue.gauge("ok", "h", 1, "bad-label", "v"));
        assertThrows(IllegalArgumentException.class, () -> NamedValue.gauge("ok", "h", 1, "__reserved", "v"));
        assertThrows(IllegalArgumentException.class, () -> NamedValue.gauge("ok", "h", 1, "odd"));
        assertThrows(IllegalArgumentException.class, () -> CounterKind.counter(1, "ok", "h", "(a)(b)", "one"));
        assertThrows(IllegalArgumentException.class, () -> MetricsServer.builder().port(65536));
        assertEquals("test_orders", NamedValue.counter("test_orders_total", "h", 1).name());
    }

    @Test
    void shouldServeOnTheLoopbackByDefaultAndSayWhyAPortIsTaken() throws Exception
    {
        server = MetricsServer.builder().start();
        assertEquals(MetricsServer.DEFAULT_HOST, server.host());
        assertTrue(server.port() > 0);
        assertEquals("http://127.0.0.1:" + server.port() + "/metrics", server.url());
        assertTrue(Scrape.get(server.url()).samples().isEmpty(), "nothing registered, nothing exported");

        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress()))
        {
            final IOException ex = assertThrows(IOException.class,
                () -> MetricsServer.builder().port(taken.getLocalPort()).start());
            assertTrue(ex.getMessage().startsWith("cannot serve metrics on 127.0.0.1:" + taken.getLocalPort()),
                ex.getMessage());
        }

        final String url = server.url();
        server.close();
        assertThrows(ConnectException.class, () -> Scrape.get(url));
    }

    @Test
    void shouldFailToStartWithoutADriverInTheDirectory()
    {
        final IllegalStateException ex = assertThrows(IllegalStateException.class,
            () -> MetricsServer.builder().aeronDirectory("feed", "/nonexistent/aeron").start());
        assertTrue(ex.getMessage().contains("no Aeron media driver at /nonexistent/aeron"), ex.getMessage());
    }

    private static double quantile(final Scrape scrape, final String quantile)
    {
        return scrape.value("tickwire_latency_seconds", "stage", "ingest->ring", "quantile", quantile);
    }
}
