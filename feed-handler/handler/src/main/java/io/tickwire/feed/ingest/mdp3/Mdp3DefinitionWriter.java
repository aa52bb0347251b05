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
import io.tickwire.sbe.md.InstrumentKind;
import io.tickwire.sbe.md.InstrumentSource;
import io.tickwire.sbe.md.MessageHeaderEncoder;
import io.tickwire.sbe.md.VenueInstrumentDefinitionEncoder;
import org.agrona.MutableDirectBuffer;

import static io.tickwire.feed.ingest.mdp3.Mdp3FeedFields.instrumentId;

/**
 * Encodes a decoded MDP 3.0 instrument definition (future or spread, any schema version) as the feed's
 * VenueInstrumentDefinition: venue XCME, a price-level book, prices at exponent -9, tick size from
 * MinPriceIncrement, DisplayFactor at -9, maturity as YYYYMMDD, GBX and GBI depths, and CME's text fields space
 * padded. Reused for every definition; nothing is allocated.
 */
final class Mdp3DefinitionWriter
{
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final VenueInstrumentDefinitionEncoder encoder = new VenueInstrumentDefinitionEncoder();

    /**
     * Encode the definition at offset 0.
     *
     * @param buffer          to encode into.
     * @param def             a definition with a positive SecurityID.
     * @param sourceTimestamp nanoseconds since midnight UTC.
     * @param ingestTimestamp nanoseconds since the epoch.
     * @param bookType        which books subscribers build: PRICE_LEVEL, or ORDER_BOOK for a market-by-order channel.
     * @return the encoded length, header included.
     */
    int encode(
        final MutableDirectBuffer buffer,
        final Mdp3InstrumentDefinition def,
        final long sourceTimestamp,
        final long ingestTimestamp,
        final BookType bookType)
    {
        final int securityId = def.securityId();
        final long scale = Mdp3FeedFields.scale(def.priceExponent());
        final long tick = def.minPriceIncrement();
        final int gbx = def.depthOf(Mdp3InstrumentDefinition.FEED_TYPE_GBX);
        final int gbi = def.depthOf(Mdp3InstrumentDefinition.FEED_TYPE_GBI);
        final int multiplier = def.contractMultiplier();
        encoder.wrapAndApplyHeader(buffer, 0, header)
            .sequence(0)
            .sourceTimestamp(sourceTimestamp)
            .ingestTimestamp(ingestTimestamp)
            .publishTimestamp(0)
            .instrumentId(instrumentId(securityId))
            .putVenue(Mdp3Normaliser.X, Mdp3Normaliser.C, Mdp3Normaliser.M, Mdp3Normaliser.E)
            .venueInstrumentId(securityId)
            .source(InstrumentSource.CME_MDP3)
            .kind(def.isSpread() ? InstrumentKind.SPREAD : InstrumentKind.FUTURE)
            .bookType(bookType)
            .priceExponent(Mdp3FeedFields.FEED_PRICE_EXPONENT)
            .tickSize(tick == Mdp3Schema.NULL_MANTISSA ? 0 : tick * scale)
            .displayFactor(def.displayFactor() * Mdp3FeedFields.scale(def.displayFactorExponent()))
            .contractMultiplier(multiplier == Mdp3Schema.NULL_INT32 ? 0 : multiplier)
            .maturity(Mdp3FeedFields.maturity(def.maturityYear(), def.maturityMonth(), def.maturityDay()))
            .marketDepth((short)Math.max(0, gbx))
            .impliedMarketDepth((short)Math.max(0, gbi));
        final int body = MessageHeaderEncoder.ENCODED_LENGTH;
        putText(buffer, body + VenueInstrumentDefinitionEncoder.symbolEncodingOffset(), def.symbol(),
            VenueInstrumentDefinitionEncoder.symbolEncodingLength());
        putText(buffer, body + VenueInstrumentDefinitionEncoder.assetEncodingOffset(), def.asset(),
            VenueInstrumentDefinitionEncoder.assetEncodingLength());
        putText(buffer, body + VenueInstrumentDefinitionEncoder.securityGroupEncodingOffset(), def.securityGroup(),
            VenueInstrumentDefinitionEncoder.securityGroupEncodingLength());
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }

    /**
     * ASCII text, space padded as the feed's fixed-length text fields are.
     */
    private static void putText(
        final MutableDirectBuffer buffer, final int offset, final CharSequence text, final int length)
    {
        final int n = Math.min(text.length(), length);
        for (int i = 0; i < n; i++)
        {
            final char c = text.charAt(i);
            buffer.putByte(offset + i, (byte)(c < 0x80 ? c : '?'));
        }
        for (int i = n; i < length; i++)
        {
            buffer.putByte(offset + i, (byte)' ');
        }
    }
}
