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
package io.tickwire.fix.audit;

/**
 * Told, on the writer thread, each time a group commit makes more records durable.
 */
@FunctionalInterface
public interface DurableListener
{
    /**
     * Every ticket up to and including these is durable, per ring.
     *
     * @param durableTicket       the highest durable ticket of the session thread's publisher.
     * @param reportDurableTicket the highest durable ticket of the report sender's publisher.
     */
    void onDurable(long durableTicket, long reportDurableTicket);
}
