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

import io.tickwire.feed.ingest.MalformedInputListener;
import io.tickwire.feed.ingest.MalformedReason;
import io.tickwire.feed.ingest.MessageHandler;
import io.tickwire.feed.ingest.MessageSource;
import io.tickwire.feed.ingest.PcapUdpReader;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A classic pcap capture (plain or gzip) of CME MDP 3.0 incremental packets, as CME's sample captures and
 * {@code tickwire mdp3 generate} write them: each UDP payload is delivered as one input unit, whole, for
 * {@link Mdp3Normaliser}. Its sequence is the file offset of the payload, so that reports about a packet or a message
 * in it name where it is in the file; MsgSeqNum and RptSeq are the normaliser's concern.
 * <p>
 * The pcap, Ethernet, IPv4 and UDP layers are read by the shared {@link PcapUdpReader}, which reports what it cannot
 * read ({@link MalformedReason#BAD_PCAP_HEADER}, {@link MalformedReason#BAD_PCAP_RECORD},
 * {@link MalformedReason#NOT_UDP}) and skips it.
 */
public final class Mdp3PcapSource implements MessageSource
{
    private final String name;
    private final PcapUdpReader reader;
    private boolean exhausted;

    /**
     * Open a capture and read its file header.
     *
     * @param path     of the capture, plain or gzip.
     * @param listener to be told about malformed input.
     * @throws IOException if the file cannot be opened.
     */
    public Mdp3PcapSource(final Path path, final MalformedInputListener listener) throws IOException
    {
        this.name = path.toString();
        this.reader = new PcapUdpReader(path, listener);
        this.exhausted = reader.isExhausted();
    }

    /**
     * {@inheritDoc}
     */
    public String name()
    {
        return name;
    }

    /**
     * Why the file was rejected, if it was.
     *
     * @return the reason the file header was not accepted, or null when it was.
     */
    public String headerError()
    {
        return reader.headerError();
    }

    /**
     * UDP datagrams delivered so far.
     *
     * @return count of packets.
     */
    public long packetCount()
    {
        return reader.datagramCount();
    }

    /**
     * {@inheritDoc}
     */
    public int poll(final MessageHandler handler, final int limit)
    {
        int delivered = 0;
        while (delivered < limit && !exhausted)
        {
            if (!reader.next())
            {
                exhausted = true;
                break;
            }
            handler.onMessage(reader.payloadPosition(), reader.buffer(), reader.payloadOffset(),
                reader.payloadLength());
            delivered++;
        }
        return delivered;
    }

    /**
     * {@inheritDoc}
     */
    public boolean isExhausted()
    {
        return exhausted;
    }

    /**
     * {@inheritDoc}
     */
    public void close()
    {
        reader.close();
    }
}
