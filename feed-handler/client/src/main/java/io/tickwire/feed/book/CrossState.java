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
package io.tickwire.feed.book;

/**
 * Whether the best bid and best offer of a book overlap. A locked or crossed book is reported, never hidden:
 * on a lit venue it means the subscriber's view is wrong or the venue is in an auction state.
 */
public enum CrossState
{
    /**
     * Best bid below best offer, or at least one side empty.
     */
    NORMAL,

    /**
     * Best bid equal to best offer.
     */
    LOCKED,

    /**
     * Best bid above best offer.
     */
    CROSSED
}
