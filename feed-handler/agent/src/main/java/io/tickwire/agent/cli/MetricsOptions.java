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
package io.tickwire.agent.cli;

import io.tickwire.agent.metrics.MetricsServer;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code --metrics-port} and {@code --metrics-host} options for any long-running command; add them with
 * {@code @Mixin MetricsOptions metrics;}, check them with {@link #validate(CommandLine)} before starting anything,
 * and build the server from {@link #builder()} once the process's drivers are up. Off unless a port is given.
 */
public final class MetricsOptions
{
    @Option(
        names = "--metrics-port",
        paramLabel = "PORT",
        description = "Serve Prometheus metrics (Aeron counters, stage latencies) on http://HOST:PORT/metrics " +
        "(default: off; 0 for any free port).")
    private Integer port;

    @Option(
        names = "--metrics-host",
        paramLabel = "HOST",
        defaultValue = MetricsServer.DEFAULT_HOST,
        description = "Address the metrics endpoint listens on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every " +
        "interface: the endpoint has no authentication).")
    private String host = MetricsServer.DEFAULT_HOST;

    /**
     * Whether {@code --metrics-port} was given.
     *
     * @return true when metrics are to be served.
     */
    public boolean isEnabled()
    {
        return null != port;
    }

    /**
     * The port given.
     *
     * @return the port, or -1 when off.
     */
    public int port()
    {
        return null == port ? -1 : port;
    }

    /**
     * The address given.
     *
     * @return the host.
     */
    public String host()
    {
        return host;
    }

    /**
     * Set the port, as from a configuration file when {@code --metrics-port} is not given.
     *
     * @param port the port, 0 for any free one, or null for no endpoint.
     * @return this.
     */
    public MetricsOptions port(final Integer port)
    {
        this.port = port;
        return this;
    }

    /**
     * Set the address, as from a configuration file when {@code --metrics-host} is not given.
     *
     * @param host the address to listen on.
     * @return this.
     */
    public MetricsOptions host(final String host)
    {
        this.host = host;
        return this;
    }

    /**
     * Reject a port out of range as a usage error, before anything starts.
     *
     * @param commandLine the command, for the error.
     * @throws CommandLine.ParameterException if the port is out of range.
     */
    public void validate(final CommandLine commandLine)
    {
        if (null != port && (port < 0 || port > 65535))
        {
            throw new CommandLine.ParameterException(commandLine, "--metrics-port must be 0..65535: " + port);
        }
        if (null != port && host.isBlank())
        {
            throw new CommandLine.ParameterException(commandLine, "--metrics-host must not be empty");
        }
    }

    /**
     * A server on the address these options give; add what to export, then start it.
     *
     * @return a builder.
     * @throws IllegalStateException when {@code --metrics-port} was not given.
     */
    public MetricsServer.Builder builder()
    {
        if (null == port)
        {
            throw new IllegalStateException("no --metrics-port");
        }
        return MetricsServer.builder().host(host).port(port);
    }
}
