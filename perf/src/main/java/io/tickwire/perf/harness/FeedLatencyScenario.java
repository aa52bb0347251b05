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
package io.tickwire.perf.harness;

import io.tickwire.latency.CalibratedEpochNanoClock;
import io.aeron.Aeron;
import io.aeron.CommonContext;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code feed-latency}: one-way latency of the feed transport at 10k, 100k and 1M msgs/s, open loop, with the
 * raw kernel UDP baseline measured in the same run at each rate ({@link UdpPingPong}, then {@link AeronOneWay}).
 * Quick mode runs 10k and 100k msgs/s for a fraction of a second each.
 */
public final class FeedLatencyScenario implements Scenario
{
    /**
     * Scenario name.
     */
    public static final String NAME = "feed-latency";

    private static final double[] RATES = { 10_000, 100_000, 1_000_000 };
    private static final double[] QUICK_RATES = { 10_000, 100_000 };

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return NAME;
    }

    /**
     * {@inheritDoc}
     */
    public String description()
    {
        return "one-way SBE AddOrder latency over Aeron UDP multicast on loopback vs raw kernel UDP, open loop";
    }

    /**
     * {@inheritDoc}
     */
    public void run(final ScenarioContext context) throws Exception
    {
        final int cores = Runtime.getRuntime().availableProcessors();
        context.threadPlan("cores available: " + cores +
            (cores < 4 ? " (fewer than 4: every thread below yields, none busy-spins; expect noisy tails)" : ""));
        context.threadPlan("media driver: embedded, ThreadingMode.SHARED, 1 thread, YieldingIdleStrategy");
        context.threadPlan("aeron publisher: the harness thread, open-loop pacer, YieldingIdleStrategy");
        context.threadPlan("aeron subscriber: 1 thread, poll 64 fragments, YieldingIdleStrategy");
        context.threadPlan("udp baseline: ping (pacer) thread + pong thread, non-blocking DatagramChannels, " +
            "YieldingIdleStrategy (run before Aeron at each rate, never at the same time)");
        context.threadPlan("hlog writer: 1 thread, SleepingMillisIdleStrategy(1 ms)");

        final EpochNanoClock clock = CalibratedEpochNanoClock.shared();
        final double[] rates = context.quick() ? QUICK_RATES : RATES;
        for (int i = 0; i < rates.length; i++)
        {
            final String run = rateLabel(rates[i]);
            context.log("rate " + run + ": udp baseline (no media driver running)");
            UdpPingPong.run(context, run, rates[i], clock);

            // A fresh driver per rate, started after the baseline, so the baseline never competes with its thread.
            final MediaDriver.Context driverContext = new MediaDriver.Context()
                .aeronDirectoryName(CommonContext.generateRandomDirName())
                .threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy(new YieldingIdleStrategy())
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true)
                .termBufferSparseFile(true)
                .printConfigurationOnStart(false);
            MediaDriver driver = null;
            Aeron aeron = null;
            try
            {
                driver = MediaDriver.launchEmbedded(driverContext);
                aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
                final String channel = multicastChannel();
                context.log("rate " + run + ": aeron " + channel);
                AeronOneWay.run(context, aeron, channel, 1001 + i, run, rates[i], clock);
            }
            finally
            {
                CloseHelper.closeAll(aeron, driver);
            }
        }
    }

    /**
     * A run label for a rate: {@code 10k/s}, {@code 1M/s}.
     *
     * @param rate messages per second.
     * @return the label.
     */
    public static String rateLabel(final double rate)
    {
        if (rate >= 1_000_000 && rate % 1_000_000 == 0)
        {
            return String.format(Locale.ROOT, "%dM/s", (long)(rate / 1_000_000));
        }
        if (rate >= 1_000 && rate % 1_000 == 0)
        {
            return String.format(Locale.ROOT, "%dk/s", (long)(rate / 1_000));
        }

        return String.format(Locale.ROOT, "%d/s", (long)rate);
    }

    /**
     * A multicast channel on loopback with a random group and a free port, so concurrent runs never cross-talk.
     *
     * @return the Aeron channel URI.
     * @throws Exception if no port can be probed.
     */
    public static String multicastChannel() throws Exception
    {
        final int port;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0)))
        {
            port = probe.getLocalPort();
        }
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        // Aeron takes the data group from the endpoint and uses the next address for control: it must be odd.
        final int lastOctet = 1 + 2 * random.nextInt(0, 126);
        return "aeron:udp?endpoint=239.255." + random.nextInt(1, 255) + "." + lastOctet + ":" + port +
            "|interface=127.0.0.1|ttl=0";
    }
}
