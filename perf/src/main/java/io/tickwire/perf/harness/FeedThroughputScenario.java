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

import io.tickwire.perf.e2e.FeedThroughput;

import java.util.concurrent.TimeUnit;

/**
 * {@code feed-throughput}: runs the feed code's own end-to-end throughput test
 * ({@link FeedThroughput}: source to publisher to UDP multicast subscriber with sequence checking) and reports
 * its figures. Zero loss is required: a run with gaps or missing messages is reported with
 * {@code zero-loss = 0}, and as a failed scenario.
 */
public final class FeedThroughputScenario implements Scenario
{
    /**
     * Scenario name.
     */
    public static final String NAME = "feed-throughput";

    private static final String RUN = "max";

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
        return "maximum feed rate, synthetic AddOrders through the feed handler to a multicast subscriber, " +
            "zero loss required (io.tickwire.perf.e2e.FeedThroughput)";
    }

    /**
     * {@inheritDoc}
     */
    public void run(final ScenarioContext context) throws Exception
    {
        final long messages = context.quick() ? 200_000 : 5_000_000;
        final FeedThroughput.Result result = FeedThroughput.run(new FeedThroughput.Config()
            .messages(messages)
            .channel(FeedLatencyScenario.multicastChannel())
            .timeoutNs(TimeUnit.MINUTES.toNanos(context.quick() ? 1 : 3)));
        context.threadPlan("feed handler threading profile: " + result.profile().displayName() +
            " (chosen by the feed handler from the core count); subscriber: the harness thread");
        context.log(result.describe());
        context.metric(RUN, "feed", "published", result.published(), "msgs");
        context.metric(RUN, "feed", "received", result.received(), "msgs");
        context.metric(RUN, "feed", "sequence-gaps", result.sequenceGaps(), "times");
        context.metric(RUN, "feed", "throughput", result.messagesPerSecond(), "msgs/s");
        context.metric(RUN, "feed", "elapsed", result.elapsedNs() / 1e9, "s");
        context.metric(RUN, "feed", "back-pressured", result.backPressured(), "times");
        context.metric(RUN, "feed", "ring-full", result.ringFull(), "times");
        context.metric(RUN, "feed", "zero-loss", result.zeroLoss() ? 1 : 0, "bool");
        if (!result.zeroLoss())
        {
            throw new IllegalStateException("loss in feed throughput run: " + result.describe());
        }
    }
}
