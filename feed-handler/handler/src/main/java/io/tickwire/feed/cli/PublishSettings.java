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

import io.tickwire.agent.cli.HlogOptions;
import io.tickwire.agent.cli.MetricsOptions;
import io.tickwire.agent.metrics.MetricsServer;
import io.tickwire.feed.FeedHandlerContext;
import io.tickwire.feed.FeedHandlerProperties;
import io.tickwire.feed.config.ConfigFile;
import io.tickwire.feed.ingest.moldudp64.MoldUdp64ClientContext;
import io.tickwire.feed.ingest.moldudp64.MoldUdp64Configuration;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * What a feed handler configuration file ({@code config/feed-handler.properties}) says to {@code feed publish}: the
 * {@link FeedHandlerContext} it configures, the command's own settings (latency log, metrics endpoint, linger) and
 * the MoldUDP64 client's, each read and checked once when the file is loaded. Without a file, every setting is its
 * system property or built-in default.
 */
final class PublishSettings
{
    /** Key: ms to keep the driver up after the input is published, for subscribers to catch up. */
    static final String LINGER_PROP_NAME = "tickwire.feed.linger.ms";
    /** Default linger: as {@code --linger-ms}. */
    static final long LINGER_DEFAULT_MS = 1000;
    /** Key: directory of the HdrHistogram latency log; unset for none. */
    static final String HLOG_DIR_PROP_NAME = "tickwire.feed.hlog.dir";
    /** Key: ms between the latency log's interval histograms. */
    static final String HLOG_INTERVAL_PROP_NAME = "tickwire.feed.hlog.interval.ms";
    /** Key: port of the Prometheus endpoint; unset for none, 0 for any free port. */
    static final String METRICS_PORT_PROP_NAME = "tickwire.feed.metrics.port";
    /** Key: address the Prometheus endpoint listens on. */
    static final String METRICS_HOST_PROP_NAME = "tickwire.feed.metrics.host";
    /** Key: the B line of a MoldUDP64 feed, HOST:PORT, arbitrated with the A line given by {@code --moldudp64}. */
    static final String MOLDUDP64_LINE_B_PROP_NAME = "tickwire.moldudp64.line.b";
    /** Key: local address of the interface to join MoldUDP64 multicast groups on. */
    static final String MOLDUDP64_INTERFACE_PROP_NAME = "tickwire.moldudp64.interface";
    /** Key: the MoldUDP64 re-request server, HOST:PORT ({@code --request-server}). */
    static final String MOLDUDP64_REQUEST_SERVER_PROP_NAME = "tickwire.moldudp64.request.server";

    private static final String ENDPOINT = "HOST:PORT";

    final Path file;
    final FeedHandlerContext context;
    final long lingerMs;
    final Path hlogDir;
    final long hlogIntervalMs;
    final Integer metricsPort;
    final String metricsHost;
    final InetSocketAddress lineB;
    final InetAddress interfaceAddress;
    final InetSocketAddress requestServer;
    private final long arbitrationWaitNs;
    private final long requestTimeoutNs;
    private final int maxRequestMessages;
    private final int maxRequestAttempts;
    private final boolean skipUnrecoverableGaps;
    private final int stashCapacity;
    private final int socketRcvbuf;

    private PublishSettings(final Path file, final ConfigFile config)
    {
        this.file = file;
        this.context = FeedHandlerProperties.apply(config, new FeedHandlerContext());
        lingerMs = config.longAtLeast(LINGER_PROP_NAME, LINGER_DEFAULT_MS, 0);
        hlogDir = config.value(HLOG_DIR_PROP_NAME, null, Path::of, "a directory");
        hlogIntervalMs = config.longAtLeast(HLOG_INTERVAL_PROP_NAME, HlogOptions.INTERVAL_MS_DEFAULT, 1);
        metricsPort = config.value(METRICS_PORT_PROP_NAME, null, PublishSettings::port, "a port, 0..65535");
        metricsHost = config.value(METRICS_HOST_PROP_NAME, MetricsServer.DEFAULT_HOST, PublishSettings::nonBlank,
            "a host name or address");

        lineB = config.value(MOLDUDP64_LINE_B_PROP_NAME, null, PublishSettings::endpoint, ENDPOINT);
        interfaceAddress = config.value(MOLDUDP64_INTERFACE_PROP_NAME, InetAddress.getLoopbackAddress(),
            PublishSettings::address,
            "a local interface address, e.g. 10.0.0.5");
        requestServer = config.value(MOLDUDP64_REQUEST_SERVER_PROP_NAME, null, PublishSettings::endpoint, ENDPOINT);
        arbitrationWaitNs = config.durationNs(
            MoldUdp64Configuration.ARBITRATION_WAIT_PROP_NAME, MoldUdp64Configuration.arbitrationWaitNs());
        requestTimeoutNs = config.durationNs(
            MoldUdp64Configuration.REQUEST_TIMEOUT_PROP_NAME, MoldUdp64Configuration.requestTimeoutNs());
        maxRequestMessages = (int)config.longAtLeast(MoldUdp64Configuration.MAX_REQUEST_MESSAGES_PROP_NAME,
            MoldUdp64Configuration.maxRequestMessages(), 1);
        maxRequestAttempts = (int)config.longAtLeast(MoldUdp64Configuration.MAX_REQUEST_ATTEMPTS_PROP_NAME,
            MoldUdp64Configuration.maxRequestAttempts(), 1);
        skipUnrecoverableGaps = config.bool(MoldUdp64Configuration.SKIP_UNRECOVERABLE_GAPS_PROP_NAME,
            MoldUdp64Configuration.skipUnrecoverableGaps());
        stashCapacity = config.size(
            MoldUdp64Configuration.STASH_CAPACITY_PROP_NAME, MoldUdp64Configuration.stashCapacity());
        socketRcvbuf = config.size(
            MoldUdp64Configuration.SOCKET_RCVBUF_PROP_NAME, MoldUdp64Configuration.socketRcvbuf());
        config.rejectUnread();
    }

    /**
     * Load a configuration file, or none.
     *
     * @param file to read, or null for system properties and built-in defaults only.
     * @return the settings.
     * @throws io.tickwire.feed.config.ConfigException naming file, key and value for an unknown key or a bad value.
     */
    static PublishSettings load(final Path file)
    {
        return new PublishSettings(file, null == file ? ConfigFile.empty(null) : ConfigFile.load(file));
    }

    /**
     * Give the latency log and metrics options the file's values where the command line does not give them.
     *
     * @param hlog    the command's {@code --hlog} options.
     * @param metrics the command's {@code --metrics-*} options.
     * @param given   whether an option was given on the command line.
     */
    void applyTo(final HlogOptions hlog, final MetricsOptions metrics, final Predicate<String> given)
    {
        if (!given.test("--hlog") && null != hlogDir)
        {
            hlog.dir(hlogDir);
        }
        if (!given.test("--hlog-interval-ms"))
        {
            hlog.intervalMs(hlogIntervalMs);
        }
        if (!given.test("--metrics-port") && null != metricsPort)
        {
            metrics.port(metricsPort);
        }
        if (!given.test("--metrics-host"))
        {
            metrics.host(metricsHost);
        }
    }

    /**
     * Give a MoldUDP64 client the file's settings; the caller then sets the endpoint and listeners.
     *
     * @param ctx a new client context.
     * @return the context.
     */
    MoldUdp64ClientContext applyTo(final MoldUdp64ClientContext ctx)
    {
        return ctx
            .lineB(lineB)
            .interfaceAddress(interfaceAddress)
            .arbitrationWaitNs(arbitrationWaitNs)
            .requestTimeoutNs(requestTimeoutNs)
            .maxRequestMessages(maxRequestMessages)
            .maxRequestAttempts(maxRequestAttempts)
            .skipUnrecoverableGaps(skipUnrecoverableGaps)
            .stashCapacity(stashCapacity)
            .socketRcvbuf(socketRcvbuf);
    }

    /**
     * Parse {@code HOST:PORT}.
     *
     * @param value e.g. {@code 233.54.12.111:26477}.
     * @return the socket address (resolved).
     * @throws IllegalArgumentException if there is no port, it is out of range or the host is unknown.
     */
    static InetSocketAddress endpoint(final String value)
    {
        final int colon = value.lastIndexOf(':');
        if (colon <= 0)
        {
            throw new IllegalArgumentException("no port in '" + value + "'");
        }
        final InetSocketAddress address =
            new InetSocketAddress(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
        if (address.isUnresolved())
        {
            throw new IllegalArgumentException("unknown host in '" + value + "'");
        }
        return address;
    }

    private static InetAddress address(final String value)
    {
        try
        {
            return InetAddress.getByName(nonBlank(value));
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalArgumentException(ex);
        }
    }

    private static Integer port(final String value)
    {
        final int port = Integer.parseInt(value);
        if (port < 0 || port > 65535)
        {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        return port;
    }

    private static String nonBlank(final String value)
    {
        if (value.isBlank())
        {
            throw new IllegalArgumentException("empty");
        }
        return value;
    }
}
