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
package io.tickwire.tools.demo;

import io.tickwire.agent.cli.HlogOptions;
import io.tickwire.agent.cli.TickwireHome;
import io.tickwire.feed.demo.DemoPart;
import io.tickwire.feed.demo.DemoRun;
import io.tickwire.feed.demo.FeedDemo;
import io.tickwire.feed.demo.FeedDemoOptions;
import io.tickwire.latency.LatencyRecording;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code tickwire demo}: both halves of the product on one machine, side by side, checked end to end: the feed
 * ({@link FeedDemo}: simulator, feed handler, multicast, subscribers building books, a late joiner recovering by
 * snapshot) and the order gateway ({@link OrderDemo}: a FIX client placing orders that trade through the gateway as
 * shipped, a subscriber building books from its market data, {@code audit verify} of the run's journal).
 * Exits 0 only if every check of every half held.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Run both halves on this machine and check them end to end:",
        "feed: simulator -> publisher -> UDP multicast -> subscribers building order books, with a late joiner",
        "recovering from a snapshot; every book verified, latency per stage.",
        "orders: a FIX client places crossing orders through the gateway (embedded cluster, audit journal); they",
        "trade, a subscriber builds the books from the gateway's market data; order -> ack and order -> tick",
        "latency, the books and the fills compared, audit verify of the run's journal.",
        "Exits 0 only if every check held." })
public final class DemoCommand implements Callable<Integer>
{
    @Mixin
    private FeedDemoOptions options;

    @Mixin
    private HlogOptions hlog;

    @Option(names = "--feed-only", description = "Run only the feed half.")
    private boolean feedOnly;

    @Option(names = "--orders-only", description = "Run only the order gateway half.")
    private boolean ordersOnly;

    @Option(names = "--order-rate", paramLabel = "N", defaultValue = "200",
        description = "Orders per second from the FIX client (default: ${DEFAULT-VALUE}).")
    private int orderRate;

    @Option(names = "--gateway-config", paramLabel = "FILE",
        description = "Gateway configuration (default: config/gateway.cfg of the installation); the demo uses free " +
        "ports on loopback and its own data directory <data>/demo.")
    private Path gatewayConfig;

    @Option(names = "--symbol", defaultValue = "AAPL",
        description = "Instrument the FIX client trades (default: ${DEFAULT-VALUE}).")
    private String symbol;

    @Option(names = "--price", defaultValue = "150",
        description = "Mid price of the orders, within the gateway's price collar: bids rest from 5 below, " +
        "offers from 5 above (default: ${DEFAULT-VALUE}).")
    private BigDecimal price;

    @Option(names = "--order-channel", paramLabel = "URI",
        description = "The gateway's market data channel (default: a free UDP port on loopback).")
    private String orderChannel;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Run the demo.
     *
     * @return 0 when every check held, 1 otherwise.
     */
    public Integer call()
    {
        if (feedOnly && ordersOnly)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--feed-only and --orders-only exclude " +
                "each other");
        }
        if (orderRate <= 0)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--order-rate must be positive");
        }
        final Path config = null != gatewayConfig ? gatewayConfig : TickwireHome.config("gateway.cfg");
        if (!feedOnly && !Files.isRegularFile(config))
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--gateway-config: no such file: " + config +
                (null == gatewayConfig ? " (the installation's; run the demo with ./tickwire)" : ""));
        }
        final PrintWriter out = spec.commandLine().getOut();
        try (LatencyRecording recording = hlog.start("demo"))
        {
            if (recording.isEnabled())
            {
                out.println("latency log: " + recording.file());
            }
            final List<DemoPart> parts = new ArrayList<>();
            if (!ordersOnly)
            {
                parts.add(new FeedDemo(options, recording.registry()));
            }
            if (!feedOnly)
            {
                final OrderDemo orders;
                try
                {
                    orders = new OrderDemo(config, orderRate, options.durationNs(), options.warmupNs(), symbol, price,
                        orderChannel);
                }
                catch (final IllegalArgumentException ex)
                {
                    throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage());
                }
                parts.add(orders);
            }
            return DemoRun.run(parts, options.durationNs(), out);
        }
    }
}
