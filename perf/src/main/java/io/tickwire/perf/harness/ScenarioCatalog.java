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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenarios {@code tickwire bench} knows, in the order {@code all} runs them.
 * <p>
 * Scenarios written in other parts of the code base are found by class name in {@code io.tickwire.perf.e2e};
 * when the class is absent, or does not implement {@link Scenario}, the scenario is reported as
 * "not available" with the reason, never simulated.
 */
public final class ScenarioCatalog
{
    /**
     * Scenario names and, for external ones, their implementing class.
     */
    private static final Map<String, String> EXTERNAL = new LinkedHashMap<>();

    static
    {
        EXTERNAL.put("fix-latency", "io.tickwire.perf.e2e.FixLatency");
        EXTERNAL.put("order-to-tick", "io.tickwire.perf.e2e.OrderToTick");
        EXTERNAL.put("fix-flood", "io.tickwire.perf.e2e.FixFlood");
    }

    /**
     * A scenario or the reason it cannot run.
     *
     * @param name        scenario name.
     * @param scenario    the scenario, or null.
     * @param unavailable why it is not available, or null.
     */
    public record Entry(String name, Scenario scenario, String unavailable)
    {
    }

    private ScenarioCatalog()
    {
    }

    /**
     * Every scenario name, in run order.
     *
     * @return the names.
     */
    public static List<String> names()
    {
        final List<String> names = new ArrayList<>();
        names.add(FeedLatencyScenario.NAME);
        names.add(FeedThroughputScenario.NAME);
        names.add(FeedBooksScenario.NAME);
        names.add(FeedBooksScenario.MDP3_NAME);
        names.addAll(EXTERNAL.keySet());

        return names;
    }

    /**
     * Look a scenario up.
     *
     * @param name scenario name.
     * @return the entry, or null for an unknown name.
     */
    public static Entry lookup(final String name)
    {
        if (FeedLatencyScenario.NAME.equals(name))
        {
            return new Entry(name, new FeedLatencyScenario(), null);
        }
        if (FeedThroughputScenario.NAME.equals(name))
        {
            return new Entry(name, new FeedThroughputScenario(), null);
        }
        if (FeedBooksScenario.NAME.equals(name))
        {
            return new Entry(name, new FeedBooksScenario(), null);
        }
        if (FeedBooksScenario.MDP3_NAME.equals(name))
        {
            return new Entry(name, FeedBooksScenario.mdp3(), null);
        }
        final String className = EXTERNAL.get(name);
        if (null == className)
        {
            return null;
        }
        try
        {
            final Class<?> type = Class.forName(className);
            if (!Scenario.class.isAssignableFrom(type))
            {
                return new Entry(name, null, className + " exists but does not implement " + Scenario.class.getName());
            }

            return new Entry(name, (Scenario)type.getConstructor().newInstance(), null);
        }
        catch (final ClassNotFoundException ex)
        {
            return new Entry(name, null, className + " is not in this build yet");
        }
        catch (final ReflectiveOperationException ex)
        {
            return new Entry(name, null, className + " cannot be created: " + ex);
        }
    }
}
