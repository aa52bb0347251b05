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

import io.tickwire.sbe.md.TradingState;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules that take MDP 3.0 field values to feed field values, one by one.
 */
class Mdp3FeedFieldsTest
{
    @Test
    void shouldPlaceCmeInstrumentsAbove2To24()
    {
        assertEquals(16_777_216L + 13950, Mdp3FeedFields.instrumentId(13950));
        assertEquals(16_777_216L + Integer.MAX_VALUE, Mdp3FeedFields.instrumentId(Integer.MAX_VALUE));
    }

    @Test
    void shouldScaleMantissasToExponentMinusNine()
    {
        assertEquals(100, Mdp3FeedFields.scale(-7));
        assertEquals(1, Mdp3FeedFields.scale(-9));
        assertEquals(207_775_000_000_000L, Mdp3FeedFields.price(2_077_750_000_000L, Mdp3FeedFields.scale(-7)));
        assertEquals(Mdp3FeedFields.NULL_PRICE, Mdp3FeedFields.price(Mdp3Schema.NULL_MANTISSA, 100));
        assertThrows(IllegalArgumentException.class, () -> Mdp3FeedFields.scale(-10));
    }

    @Test
    void shouldTakeTheTimeOfDayUtc()
    {
        // 2015-10-30T19:44:44.339172006Z, from the version 5 book capture.
        assertEquals(((19 * 60 + 44) * 60 + 44) * 1_000_000_000L + 339_172_006L,
            Mdp3FeedFields.timeOfDay(1_446_234_284_339_172_006L));
        assertEquals(0, Mdp3FeedFields.timeOfDay(Mdp3FeedFields.NANOS_PER_DAY * 3));
    }

    @Test
    void shouldWriteMaturityAsYyyymmddWithZeroForWhatIsAbsent()
    {
        assertEquals(20260300, Mdp3FeedFields.maturity(2026, 3, 255));
        assertEquals(20261218, Mdp3FeedFields.maturity(2026, 12, 18));
        assertEquals(20260000, Mdp3FeedFields.maturity(2026, 255, 255));
        assertEquals(0, Mdp3FeedFields.maturity(65535, 3, 255));
    }

    @Test
    void shouldMapEveryCmeTradingStatus()
    {
        assertEquals(TradingState.TRADING, Mdp3FeedFields.tradingState(17));
        assertEquals(TradingState.QUOTATION_ONLY, Mdp3FeedFields.tradingState(21));
        assertEquals(TradingState.QUOTATION_ONLY, Mdp3FeedFields.tradingState(24));
        assertEquals(TradingState.QUOTATION_ONLY, Mdp3FeedFields.tradingState(25));
        assertEquals(TradingState.QUOTATION_ONLY, Mdp3FeedFields.tradingState(15));
        assertEquals(TradingState.PAUSED, Mdp3FeedFields.tradingState(2));
        assertEquals(TradingState.HALTED, Mdp3FeedFields.tradingState(4));
        assertEquals(TradingState.HALTED, Mdp3FeedFields.tradingState(18));
        assertEquals(TradingState.HALTED, Mdp3FeedFields.tradingState(26));
        assertNull(Mdp3FeedFields.tradingState(103));
        assertNull(Mdp3FeedFields.tradingState(20));
        assertTrue(Mdp3FeedFields.isKnownStatus(103));
        assertTrue(Mdp3FeedFields.isKnownStatus(20));
        assertFalse(Mdp3FeedFields.isKnownStatus(99));
    }

    @Test
    void shouldPackStatusAndHaltReasonAsFourDigits()
    {
        assertEquals(('0' << 24) | ('0' << 16) | ('2' << 8) | '1', Mdp3FeedFields.reason(2, 1));
        assertEquals(('1' << 24) | ('0' << 16) | ('3' << 8) | ' ', Mdp3FeedFields.reason(103, Mdp3Schema.NULL_UINT8));
    }
}
