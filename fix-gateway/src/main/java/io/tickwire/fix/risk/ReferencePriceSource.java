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
package io.tickwire.fix.risk;

/**
 * Where the price collar gets its reference price.
 */
@FunctionalInterface
public interface ReferencePriceSource
{
    /**
     * Returned when there is no reference price: the collar is then not applied.
     */
    long NO_PRICE = Long.MIN_VALUE;

    /**
     * @param instrumentId instrument.
     * @return reference price mantissa or {@link #NO_PRICE}.
     */
    long referencePrice(int instrumentId);
}
