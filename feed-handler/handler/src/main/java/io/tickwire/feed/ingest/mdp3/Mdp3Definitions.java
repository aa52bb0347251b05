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
package io.tickwire.feed.ingest.mdp3;

import io.tickwire.sbe.md.BookType;
import org.agrona.collections.IntHashSet;

/**
 * Publishes instrument definitions (27, 29, 54, 56) as VenueInstrumentDefinition, each instrument's once from the
 * definition loop of a live channel, which repeats them all the time; definitions in the incremental feed are
 * published as they come. Allocates only when an instrument is defined for the first time.
 */
final class Mdp3Definitions
{
    private final IntHashSet defined = new IntHashSet();
    private final Mdp3PacketContext context;
    private final Mdp3FeedWriter writer;

    Mdp3Definitions(final Mdp3PacketContext context, final Mdp3FeedWriter writer)
    {
        this.context = context;
        this.writer = writer;
    }

    /**
     * A definition: published, skipped as one the loop repeats, or reported.
     *
     * @param def         the definition.
     * @param fromLoop    true when it came in a unit of the definition loop.
     * @param sendingTime of its packet: definitions carry no TransactTime.
     * @param bookType    which books the channel's subscribers build.
     */
    void onDefinition(
        final Mdp3InstrumentDefinition def, final boolean fromLoop, final long sendingTime, final BookType bookType)
    {
        final int securityId = def.securityId();
        if (fromLoop && defined.contains(securityId))
        {
            // The definition loop repeats what this channel has published already.
            return;
        }
        if (!context.validSecurityId(def.templateId(), securityId) || !context.claim())
        {
            return;
        }
        defined.add(securityId);
        writer.definition(def, sendingTime, bookType);
    }
}
