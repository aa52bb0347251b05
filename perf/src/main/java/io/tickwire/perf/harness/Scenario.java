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

/**
 * An end-to-end benchmark scenario run by {@code tickwire bench}.
 * <p>
 * A scenario sends load open loop (each message at its intended time, latency measured from that time), records
 * latencies (ns) only after its warm-up through {@link ScenarioContext#recorder(String, String)}, adds other
 * figures with {@link ScenarioContext#metric}, and describes its threads with
 * {@link ScenarioContext#threadPlan(String)}. It measures its own baseline in the same run. The harness writes
 * the recorders to {@code <out>/<scenario>.hlog}, and computes percentiles from them for {@code results.json} and
 * {@code report.html}.
 * <p>
 * Implementations in {@code io.tickwire.perf.e2e} with a public no-argument constructor are picked up by name
 * (see {@link ScenarioCatalog}).
 */
public interface Scenario
{
    /**
     * The name used on the command line, e.g. {@code feed-latency}.
     *
     * @return the scenario name.
     */
    String name();

    /**
     * One line saying what is measured.
     *
     * @return the description.
     */
    String description();

    /**
     * Run the scenario; called once per bench run.
     *
     * @param context where to record and report.
     * @throws Exception if the scenario fails; the harness reports it as failed and goes on.
     */
    void run(ScenarioContext context) throws Exception;
}
