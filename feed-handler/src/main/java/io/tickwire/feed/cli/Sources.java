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
package io.tickwire.feed.cli;

import io.tickwire.feed.FeedHandler;

/**
 * Turns the source options of {@code feed publish} into {@link io.tickwire.feed.FeedSource}s and the ITCH
 * normaliser: the one place that knows the ingest classes.
 */
final class Sources
{
    private Sources()
    {
    }

    static void configure(final FeedHandler.Context ctx, final FeedPublishCommand command)
    {
        throw new IllegalStateException("ITCH sources are not available in this build yet");
    }
}
