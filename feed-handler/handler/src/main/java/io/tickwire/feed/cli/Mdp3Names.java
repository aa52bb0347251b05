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

/**
 * CME's names of the MDP 3.0 enumerations a dump prints, from the schema's {@code validValue}s; a value the schema
 * does not list prints as its number (or character), so a new CME value never breaks a dump.
 */
final class Mdp3Names
{
    private Mdp3Names()
    {
    }

    static String updateAction(final int value)
    {
        return switch (value)
        {
            case 0 -> "New";
            case 1 -> "Change";
            case 2 -> "Delete";
            case 3 -> "DeleteThru";
            case 4 -> "DeleteFrom";
            case 5 -> "Overlay";
            default -> Integer.toString(value);
        };
    }

    static String orderUpdateAction(final int value)
    {
        return switch (value)
        {
            case 0 -> "New";
            case 1 -> "Update";
            case 2 -> "Delete";
            default -> Integer.toString(value);
        };
    }

    static String entryType(final byte value)
    {
        return switch (value)
        {
            case '0' -> "Bid";
            case '1' -> "Offer";
            case '2' -> "Trade";
            case '4' -> "OpenPrice";
            case '6' -> "SettlementPrice";
            case '7' -> "TradingSessionHighPrice";
            case '8' -> "TradingSessionLowPrice";
            case 'B' -> "ClearedVolume";
            case 'C' -> "OpenInterest";
            case 'E' -> "ImpliedBid";
            case 'F' -> "ImpliedOffer";
            case 'J' -> "BookReset";
            case 'N' -> "SessionHighBid";
            case 'O' -> "SessionLowOffer";
            case 'W' -> "FixingPrice";
            case 'e' -> "ElectronicVolume";
            case 'g' -> "ThresholdLimitsandPriceBandVariation";
            default -> value >= 0x21 && value < 0x7F ? String.valueOf((char)value) : Integer.toString(value & 0xFF);
        };
    }

    static String aggressorSide(final int value)
    {
        return switch (value)
        {
            case 0 -> "NoAggressor";
            case 1 -> "Buy";
            case 2 -> "Sell";
            case 255 -> "null";
            default -> Integer.toString(value);
        };
    }

    static String legSide(final int value)
    {
        return switch (value)
        {
            case 1 -> "Buy";
            case 2 -> "Sell";
            default -> Integer.toString(value);
        };
    }

    static String eventType(final int value)
    {
        return switch (value)
        {
            case 5 -> "Activation";
            case 7 -> "LastEligibleTradeDate";
            default -> Integer.toString(value);
        };
    }

    static String tradingStatus(final int value)
    {
        return switch (value)
        {
            case 2 -> "TradingHalt";
            case 4 -> "Close";
            case 15 -> "NewPriceIndication";
            case 17 -> "ReadyToTrade";
            case 18 -> "NotAvailableForTrading";
            case 20 -> "UnknownorInvalid";
            case 21 -> "PreOpen";
            case 24 -> "PreCross";
            case 25 -> "Cross";
            case 26 -> "PostClose";
            case 103 -> "NoChange";
            case 255 -> "null";
            default -> Integer.toString(value);
        };
    }
}
