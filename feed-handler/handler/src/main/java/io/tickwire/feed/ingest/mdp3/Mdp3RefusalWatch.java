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

import io.tickwire.feed.ring.MessageNormaliser;
import io.tickwire.feed.ring.MessageSink;
import io.tickwire.sbe.md.BookResetDecoder;
import io.tickwire.sbe.md.MessageHeaderDecoder;
import io.tickwire.sbe.md.OrderUpdateDecoder;
import io.tickwire.sbe.md.PriceLevelUpdateDecoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.IntArrayList;

/**
 * A live channel's normaliser as the ingest agent sees it: the {@link Mdp3Normaliser} writing through a sink that
 * watches for feed messages the ring refused (a live source's full ring drops them, counted). A refused
 * PriceLevelUpdate or BookReset leaves subscribers' book of that instrument behind the venue's, so once the packet is
 * done the instrument recovers from the snapshot loop ({@link Mdp3Recovery#onRefused(int)}); a refused BookReset of
 * every instrument (a ChannelReset) recovers the whole channel. On a market-by-order channel a refused OrderUpdate
 * (or BookReset) leaves an order book behind; orders have no RptSeq, so every order book waits for an MBO snapshot
 * (53) at or past the packet ({@link Mdp3Normaliser#onOrderBooksRefused()}). Refused trades and statuses do not touch
 * a book and are only counted by the agent.
 * <p>
 * Nothing is allocated per packet once the list of refused instruments has grown to a packet's worth.
 * Single-threaded (the ingest agent's).
 */
final class Mdp3RefusalWatch implements MessageNormaliser, MessageSink
{
    private final Mdp3Normaliser normaliser;
    private final Mdp3Recovery recovery;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final PriceLevelUpdateDecoder level = new PriceLevelUpdateDecoder();
    private final BookResetDecoder reset = new BookResetDecoder();
    private final IntArrayList refused = new IntArrayList();
    private boolean channelRefused;
    private boolean orderBooksRefused;
    private MessageSink sink;

    /**
     * @param normaliser of the live channel.
     * @param recovery   the channel's recovery state.
     */
    Mdp3RefusalWatch(final Mdp3Normaliser normaliser, final Mdp3Recovery recovery)
    {
        this.normaliser = normaliser;
        this.recovery = recovery;
    }

    /**
     * @return the normaliser watched.
     */
    Mdp3Normaliser normaliser()
    {
        return normaliser;
    }

    /**
     * {@inheritDoc}
     */
    public int normalise(
        final long sequence, final DirectBuffer src, final int offset, final int length, final MessageSink sink)
    {
        this.sink = sink;
        final int written = normaliser.normalise(sequence, src, offset, length, this);
        // After the packet: a snapshot's restatement refused mid-way must not be undone by its own completion.
        if (channelRefused)
        {
            channelRefused = false;
            recovery.recoverChannel();
        }
        for (int i = 0, n = refused.size(); i < n; i++)
        {
            recovery.onRefused(refused.getInt(i));
        }
        refused.clear();
        if (orderBooksRefused)
        {
            orderBooksRefused = false;
            normaliser.onOrderBooksRefused();
        }
        return written;
    }

    /**
     * {@inheritDoc}
     */
    public int maxMessagesPerInput()
    {
        return normaliser.maxMessagesPerInput();
    }

    /**
     * {@inheritDoc}
     */
    public MutableDirectBuffer buffer()
    {
        return sink.buffer();
    }

    /**
     * {@inheritDoc}
     */
    public void write(final int length)
    {
        sink.write(length);
        if (!sink.lastWriteAccepted())
        {
            onRefused(sink.buffer());
        }
    }

    /**
     * {@inheritDoc}
     */
    public boolean lastWriteAccepted()
    {
        return sink.lastWriteAccepted();
    }

    private void onRefused(final MutableDirectBuffer message)
    {
        header.wrap(message, 0);
        final int templateId = header.templateId();
        if (normaliser.isMarketByOrder() &&
            (OrderUpdateDecoder.TEMPLATE_ID == templateId || BookResetDecoder.TEMPLATE_ID == templateId))
        {
            orderBooksRefused = true;
        }
        final long instrumentId;
        if (PriceLevelUpdateDecoder.TEMPLATE_ID == header.templateId())
        {
            instrumentId = level.wrapAndApplyHeader(message, 0, header).instrumentId();
        }
        else if (BookResetDecoder.TEMPLATE_ID == header.templateId())
        {
            instrumentId = reset.wrapAndApplyHeader(message, 0, header).instrumentId();
        }
        else
        {
            return;
        }
        if (0 == instrumentId)
        {
            channelRefused = true;
        }
        else
        {
            final int securityId = (int)(instrumentId - Mdp3FeedFields.instrumentId(0));
            if (!refused.containsInt(securityId))
            {
                refused.addInt(securityId);
            }
        }
    }
}
