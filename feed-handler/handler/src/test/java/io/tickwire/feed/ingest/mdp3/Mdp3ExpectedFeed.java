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

import io.tickwire.feed.ingest.PcapUdpReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the feed must hold for an MDP 3.0 capture, worked out from the packet decoder's events alone (not from the
 * normaliser): a PriceLevelUpdate per outright or implied book entry and a TradeSummary per new trade entry, in the
 * text of {@link FeedText}, and the number of definitions.
 */
public final class Mdp3ExpectedFeed
{
    private final List<String> levelsAndTrades;
    private final long definitions;

    private Mdp3ExpectedFeed(final List<String> levelsAndTrades, final long definitions)
    {
        this.levelsAndTrades = levelsAndTrades;
        this.definitions = definitions;
    }

    /**
     * Decode a capture of packets in MsgSeqNum order without duplicates (as {@code mdp3 generate} writes).
     *
     * @param pcap the capture.
     * @return what the feed must hold.
     * @throws IOException if it cannot be read.
     */
    public static Mdp3ExpectedFeed of(final Path pcap) throws IOException
    {
        final Mdp3Recorder recorder = new Mdp3Recorder();
        final Mdp3PacketDecoder decoder = new Mdp3PacketDecoder(recorder, recorder, pcap.toString());
        try (PcapUdpReader reader = new PcapUdpReader(pcap, recorder))
        {
            while (reader.next())
            {
                decoder.decode(reader.buffer(), reader.payloadOffset(), reader.payloadLength(),
                    reader.payloadPosition());
            }
        }
        if (!recorder.reports.isEmpty())
        {
            throw new IllegalStateException("malformed capture: " + recorder.reports);
        }
        return new Mdp3ExpectedFeed(levelsAndTrades(recorder.events),
            recorder.templates.stream().filter((t) -> t == 27 || t == 29 || t == 54 || t == 56).count());
    }

    /**
     * @return the PriceLevelUpdate and TradeSummary messages, in order.
     */
    public List<String> levelsAndTrades()
    {
        return levelsAndTrades;
    }

    /**
     * @return the number of VenueInstrumentDefinition messages.
     */
    public long definitions()
    {
        return definitions;
    }

    /**
     * The feed messages the decoder's book and trade events call for, in the formatting of {@link FeedText}.
     */
    static List<String> levelsAndTrades(final List<String> events)
    {
        final List<String> expected = new ArrayList<>();
        for (final String event : events)
        {
            final String[] f = event.split(" ");
            if (f[0].equals("book"))
            {
                // book SECURITYID RPTSEQ ACTION TYPE PRICEeEXP SIZE LEVEL ORDERS
                final char type = f[4].charAt(0);
                if ("01EF".indexOf(type) < 0)
                {
                    continue;
                }
                final String side = type == '0' || type == 'E' ? "BUY" : "SELL";
                final String implied = type == 'E' || type == 'F' ? "imp" : "out";
                expected.add("level " + id(f[1]) + " " + action(f[3]) + " " + side + " " + implied + " L" + f[7] +
                    " " + price(f[5]) + " x" + orNull(f[6]) + " n" + orNull(f[8]) + " r" + f[2]);
            }
            else if (f[0].equals("trade") && f[3].equals("0"))
            {
                // trade SECURITYID RPTSEQ ACTION PRICEeEXP SIZE ORDERS AGGRESSOR TRADEID
                final String aggressor = switch (f[7])
                {
                    case "1" -> "BUY";
                    case "2" -> "SELL";
                    default -> "NONE";
                };
                expected.add("trade " + id(f[1]) + " " + price(f[4]) + " x" + f[5] + " " + aggressor + " n" + f[6] +
                    " id" + f[8] + " r" + f[2]);
            }
        }
        return expected;
    }

    private static long id(final String securityId)
    {
        return (1L << 24) + Long.parseLong(securityId);
    }

    private static String action(final String updateAction)
    {
        return List.of("NEW", "CHANGE", "DELETE", "DELETE_THRU", "DELETE_FROM", "OVERLAY")
            .get(Integer.parseInt(updateAction));
    }

    private static long price(final String mantissaAndExponent)
    {
        final int e = mantissaAndExponent.indexOf('e');
        final long mantissa = Long.parseLong(mantissaAndExponent.substring(0, e));
        final int exponent = Integer.parseInt(mantissaAndExponent.substring(e + 1));
        return mantissa == Mdp3Schema.NULL_MANTISSA ? Long.MIN_VALUE : mantissa * (exponent == -7 ? 100 : 1);
    }

    private static String orNull(final String int32)
    {
        return Integer.parseInt(int32) == Mdp3Schema.NULL_INT32 ? "0" : int32;
    }
}
