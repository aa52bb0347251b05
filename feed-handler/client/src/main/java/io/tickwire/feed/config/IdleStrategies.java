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
package io.tickwire.feed.config;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Idle strategies by the names configuration files and system properties use: {@code backoff}, {@code yield},
 * {@code busy-spin} and {@code sleep}. A supplier, not an instance, because each agent thread needs its own.
 */
public final class IdleStrategies
{
    /**
     * The names accepted, for errors and documentation.
     */
    public static final String NAMES = "backoff, yield, busy-spin or sleep";

    private IdleStrategies()
    {
    }

    /**
     * The idle strategy of a name.
     *
     * @param name {@code backoff} (spin 10, yield 20, then park 1 us doubling to 1 ms), {@code yield},
     *             {@code busy-spin} (a whole core: only on an isolated one) or {@code sleep} (1 ms), any case.
     * @return a supplier of new instances.
     * @throws IllegalArgumentException for any other name.
     */
    public static Supplier<IdleStrategy> parse(final String name)
    {
        switch (name.trim().toLowerCase(Locale.ROOT))
        {
            case "backoff":
                return () -> new BackoffIdleStrategy(10, 20, 1_000, 1_000_000);
            case "yield":
                return YieldingIdleStrategy::new;
            case "busy-spin":
                return BusySpinIdleStrategy::new;
            case "sleep":
                return () -> new SleepingMillisIdleStrategy(1);
            default:
                throw new IllegalArgumentException("unknown idle strategy '" + name + "': use " + NAMES);
        }
    }
}
