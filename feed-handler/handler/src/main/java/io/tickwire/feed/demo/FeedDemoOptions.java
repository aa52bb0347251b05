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
package io.tickwire.feed.demo;

import io.tickwire.feed.cli.FeedSubscribeCommand;
import picocli.CommandLine.Option;

/**
 * The demo's run options (picocli mixin): how long it runs, the warm-up reported apart, and the feed part's flow.
 * The duration and the warm-up apply to every part of the demo.
 */
public final class FeedDemoOptions
{
    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "20s",
        converter = FeedSubscribeCommand.DurationConverter.class,
        description = "How long to publish and to place orders (default: ${DEFAULT-VALUE}).")
    long durationNs;

    @Option(names = "--warmup", paramLabel = "TIME", defaultValue = "5s",
        converter = FeedSubscribeCommand.DurationConverter.class,
        description = "Latency of the first TIME (JIT compiling, caches cold) is reported apart from the steady " +
        "state (default: ${DEFAULT-VALUE}).")
    long warmupNs;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "50000",
        description = "Messages per second from the simulator (default: ${DEFAULT-VALUE}).")
    long rate;

    @Option(names = "--symbols", paramLabel = "K", defaultValue = "50",
        description = "Simulated symbols (default: ${DEFAULT-VALUE}).")
    int symbols;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Simulation seed.")
    long seed;

    @Option(names = "--channel", paramLabel = "URI",
        defaultValue = "aeron:udp?endpoint=239.255.77.11:40466|interface=127.0.0.1|ttl=0",
        description = "Feed channel (default: ${DEFAULT-VALUE}).")
    String channel;

    /**
     * @return how long the demo publishes and places orders, in nanoseconds.
     */
    public long durationNs()
    {
        return durationNs;
    }

    /**
     * @return the warm-up whose latency is reported apart, in nanoseconds.
     */
    public long warmupNs()
    {
        return warmupNs;
    }
}
