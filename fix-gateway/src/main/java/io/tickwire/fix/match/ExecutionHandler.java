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
package io.tickwire.fix.match;

/**
 * Told of each execution the book makes, after both orders' quantities are updated and a fully filled resting
 * order has left the book.
 */
interface ExecutionHandler
{
    /**
     * One execution between a resting and an incoming order, at the resting order's price.
     *
     * @param resting   the passive order (its {@code leaves} may now be zero).
     * @param aggressor the incoming order.
     * @param quantity  executed.
     * @param price     executed (mantissa).
     */
    void onExecution(Order resting, Order aggressor, long quantity, long price);
}
