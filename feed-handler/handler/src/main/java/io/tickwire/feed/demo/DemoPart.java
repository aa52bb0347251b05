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

import java.io.PrintWriter;
import java.util.List;

/**
 * One half of {@code tickwire demo} (the feed, the order gateway), run by {@link DemoRun} beside the others: started,
 * stepped and asked for a status line while it runs, then checked and summarised, then closed.
 */
public interface DemoPart extends AutoCloseable
{
    /**
     * Start every component of the part and print what runs on which thread.
     *
     * @param out where the demo prints.
     * @throws Exception if a component cannot start.
     */
    void start(PrintWriter out) throws Exception;

    /**
     * Called about every 20 ms from the demo's main thread while the part runs.
     *
     * @param nowNs {@link System#nanoTime()}.
     * @param out   where the demo prints.
     */
    void step(long nowNs, PrintWriter out);

    /**
     * @return one status line, printed every second.
     */
    String status();

    /**
     * @return whether the part has done all it set out to do and everything it sent has arrived.
     */
    boolean isComplete();

    /**
     * Stop the moving parts, check the outcome and print the summary.
     *
     * @param failures where each failed check is added, in words.
     * @param out      where the demo prints.
     * @throws Exception if a check cannot be made.
     */
    void finish(List<String> failures, PrintWriter out) throws Exception;

    /**
     * Release everything the part started; safe after a failed start.
     */
    void close();
}
