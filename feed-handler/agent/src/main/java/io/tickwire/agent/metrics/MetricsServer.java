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

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tickwire.latency.LatencyRegistry;
import org.agrona.CloseHelper;
import org.agrona.concurrent.status.CountersReader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A Prometheus endpoint, {@code http://HOST:PORT/metrics}, for a Tickwire process: its media drivers' counters
 * (Tickwire's own under their {@link CounterKind} names, Aeron's system counters as {@code aeron_system_counter},
 * the rest as {@code aeron_counter}), its stage latencies ({@code tickwire_latency_seconds} and friends) and any
 * {@link NamedValue}s a component supplies.
 * <p>
 * Built on the Prometheus Java client ({@code io.prometheus:prometheus-metrics-*}): it writes the exposition
 * formats and serves them with the JDK's HTTP server. Every value is read when a scrape asks for it, on the
 * server's one daemon thread ({@code tickwire-metrics}), never on an agent's thread: counters from the CnC file,
 * latencies through readers of their own ({@link io.tickwire.latency.StageRecorder#newReader()}). Nothing on the
 * hot path knows the endpoint exists.
 * <pre>{@code
 * try (MetricsServer metrics = MetricsServer.builder()
 *     .port(9464)
 *     .counterKinds(FeedMetrics.COUNTER_KINDS)
 *     .aeronDirectory("feed", feed.aeronDirectoryName())
 *     .latency(registry)
 *     .start())
 * {
 *     System.out.println("metrics " + metrics.url());
 * }
 * }</pre>
 */
public final class MetricsServer implements AutoCloseable
{
    /** Listen on the loopback interface unless told otherwise: the endpoint has no authentication. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Path of the metrics. */
    public static final String PATH = "/metrics";
    /** Default window of the latency quantiles and maximum: 60 s. */
    public static final long LATENCY_WINDOW_NS_DEFAULT = TimeUnit.SECONDS.toNanos(60);
    /** Default number of histograms the window is made of: it moves on 15 s at a time. */
    public static final int LATENCY_WINDOW_SLOTS_DEFAULT = 4;
    /** Name of the thread that answers scrapes. */
    public static final String THREAD_NAME = "tickwire-metrics";

    private static final long CLOSE_TIMEOUT_MS = 5_000;

    private final HTTPServer server;
    private final ExecutorService executor;
    private final List<CncCounters> mapped;
    private final LatencyCollector latency;
    private final String host;
    private boolean closed;

    private MetricsServer(
        final HTTPServer server,
        final ExecutorService executor,
        final List<CncCounters> mapped,
        final LatencyCollector latency,
        final String host)
    {
        this.server = server;
        this.executor = executor;
        this.mapped = mapped;
        this.latency = latency;
        this.host = host;
    }

    /**
     * Start describing a server.
     *
     * @return a builder with the defaults: {@value #DEFAULT_HOST}, a free port, nothing exported.
     */
    public static Builder builder()
    {
        return new Builder();
    }

    /**
     * What a {@link MetricsServer} exports and where; {@link #start()} starts it.
     */
    public static final class Builder
    {
        private final List<CounterKind> kinds = new ArrayList<>();
        private final List<String> driverNames = new ArrayList<>();
        private final List<Object> driverSources = new ArrayList<>();
        private final List<LatencyRegistry> registries = new ArrayList<>();
        private final List<Supplier<? extends Collection<NamedValue>>> values = new ArrayList<>();
        private String host = DEFAULT_HOST;
        private int port;
        private long latencyWindowNs = LATENCY_WINDOW_NS_DEFAULT;
        private int latencyWindowSlots = LATENCY_WINDOW_SLOTS_DEFAULT;
        private LongSupplier nanoClock = System::nanoTime;

        private Builder()
        {
        }

        /**
         * The address to listen on.
         *
         * @param host a host name or address; {@code 0.0.0.0} for every interface.
         * @return this.
         */
        public Builder host(final String host)
        {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * The port to listen on.
         *
         * @param port 1 to 65535, or 0 for a free one (see {@link MetricsServer#port()}).
         * @return this.
         */
        public Builder port(final int port)
        {
            if (port < 0 || port > 65535)
            {
                throw new IllegalArgumentException("metrics port must be 0..65535: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Export the Aeron counters of these kinds under their own names.
         *
         * @param kinds the kinds, e.g. a component's table of them.
         * @return this.
         */
        public Builder counterKinds(final Collection<CounterKind> kinds)
        {
            this.kinds.addAll(kinds);
            return this;
        }

        /**
         * Export the counters of the media driver of a directory, read from its CnC file (mapped at
         * {@link #start()}, so the driver must be running by then).
         *
         * @param driverName         the {@code driver} label of its Aeron counters, e.g. {@code feed}.
         * @param aeronDirectoryName the driver's Aeron directory.
         * @return this.
         */
        public Builder aeronDirectory(final String driverName, final String aeronDirectoryName)
        {
            return driver(driverName, Objects.requireNonNull(aeronDirectoryName, "aeronDirectoryName"));
        }

        /**
         * Export the counters of a reader the caller keeps valid until the server is closed (an {@code Aeron}
         * client's {@code countersReader()} while the client is open, a test's counters).
         *
         * @param driverName the {@code driver} label of its Aeron counters.
         * @param reader     the counters.
         * @return this.
         */
        public Builder countersReader(final String driverName, final CountersReader reader)
        {
            return driver(driverName, Objects.requireNonNull(reader, "reader"));
        }

        /**
         * Export the stage latencies of a registry's recorders, those made later included.
         *
         * @param registry the registry.
         * @return this.
         */
        public Builder latency(final LatencyRegistry registry)
        {
            registries.add(Objects.requireNonNull(registry, "registry"));
            return this;
        }

        /**
         * Export values a component supplies; called at each scrape on the server's thread.
         *
         * @param supplier the values now.
         * @return this.
         */
        public Builder values(final Supplier<? extends Collection<NamedValue>> supplier)
        {
            values.add(Objects.requireNonNull(supplier, "supplier"));
            return this;
        }

        /**
         * The window of the latency quantiles and maximum.
         *
         * @param windowNs the window in ns.
         * @param slots    histograms it is made of; it moves on by {@code windowNs / slots} at a time.
         * @return this.
         */
        public Builder latencyWindow(final long windowNs, final int slots)
        {
            if (slots < 1 || windowNs < slots)
            {
                throw new IllegalArgumentException("bad latency window: " + windowNs + " ns in " + slots + " slots");
            }
            this.latencyWindowNs = windowNs;
            this.latencyWindowSlots = slots;
            return this;
        }

        Builder nanoClock(final LongSupplier nanoClock)
        {
            this.nanoClock = nanoClock;
            return this;
        }

        /**
         * Map the drivers' CnC files and start serving.
         *
         * @return the running server; close it before the process ends.
         * @throws IOException if the address cannot be listened on (the port is taken, say).
         * @throws IllegalStateException if a driver directory holds no running driver.
         */
        public MetricsServer start() throws IOException
        {
            final List<CncCounters> mapped = new ArrayList<>();
            LatencyCollector latency = null;
            ExecutorService executor = null;
            try
            {
                final List<AeronCounterCollector.Driver> drivers = new ArrayList<>();
                for (int i = 0; i < driverNames.size(); i++)
                {
                    final Object source = driverSources.get(i);
                    final CountersReader reader;
                    if (source instanceof CountersReader)
                    {
                        reader = (CountersReader)source;
                    }
                    else
                    {
                        final CncCounters cnc = new CncCounters((String)source);
                        mapped.add(cnc);
                        reader = cnc.reader();
                    }
                    drivers.add(new AeronCounterCollector.Driver(driverNames.get(i), reader));
                }

                final PrometheusRegistry registry = new PrometheusRegistry();
                if (!drivers.isEmpty())
                {
                    registry.register(new AeronCounterCollector(drivers, kinds));
                }
                if (!registries.isEmpty())
                {
                    latency = new LatencyCollector(registries, latencyWindowNs, latencyWindowSlots, nanoClock);
                    registry.register(latency);
                }
                if (!values.isEmpty())
                {
                    registry.register(new NamedValueCollector(values));
                }

                // One thread: scrapes are rare, and each one waits for the last rather than competing with the
                // agents for the cores.
                executor = Executors.newSingleThreadExecutor((runnable) ->
                {
                    final Thread thread = new Thread(runnable, THREAD_NAME);
                    thread.setDaemon(true);
                    return thread;
                });
                final HTTPServer server;
                try
                {
                    server = HTTPServer.builder()
                        .hostname(host)
                        .port(port)
                        .registry(registry)
                        .executorService(executor)
                        .buildAndStart();
                }
                catch (final IOException ex)
                {
                    throw new IOException("cannot serve metrics on " + host + ":" + port + ": " + ex.getMessage(), ex);
                }
                return new MetricsServer(server, executor, mapped, latency, host);
            }
            catch (final IOException | RuntimeException ex)
            {
                if (null != executor)
                {
                    executor.shutdownNow();
                }
                CloseHelper.quietClose(latency);
                CloseHelper.quietCloseAll(mapped);
                throw ex;
            }
        }

        private Builder driver(final String driverName, final Object source)
        {
            Objects.requireNonNull(driverName, "driverName");
            if (driverNames.contains(driverName))
            {
                throw new IllegalArgumentException("two drivers named " + driverName);
            }
            driverNames.add(driverName);
            driverSources.add(source);
            return this;
        }
    }

    /**
     * The address listened on.
     *
     * @return the host given.
     */
    public String host()
    {
        return host;
    }

    /**
     * The port listened on: the one given, or the one found when 0 was given.
     *
     * @return the port.
     */
    public int port()
    {
        return server.getPort();
    }

    /**
     * Where the metrics are.
     *
     * @return e.g. {@code http://127.0.0.1:9464/metrics}.
     */
    public String url()
    {
        final String address = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return "http://" + address + ":" + port() + PATH;
    }

    /**
     * Stop serving, wait for a scrape under way, then let go of the recorders and CnC files.
     */
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        server.close();
        boolean idle = false;
        try
        {
            idle = executor.awaitTermination(CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        if (idle)
        {
            // A scrape still reading a CnC file would fault on unmapped memory: keep everything if one is stuck.
            CloseHelper.quietClose(latency);
            CloseHelper.quietCloseAll(mapped);
        }
    }
}
