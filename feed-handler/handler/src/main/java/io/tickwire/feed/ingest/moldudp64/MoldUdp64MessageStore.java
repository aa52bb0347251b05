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
package io.tickwire.feed.ingest.moldudp64;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.collections.IntArrayList;

/**
 * Append-only store of every message of one MoldUDP64 session, so any of them can be sent again on request.
 * <p>
 * Messages are kept as MoldUDP64 message blocks (u16 big-endian length, then the bytes) back to back, so a run
 * of consecutive sequence numbers is one contiguous range that a packet takes with a single copy. The message
 * with sequence number {@code n} (from 1) is the {@code n}-th block. Single-threaded: the server and the request
 * server that share a store run on the same thread.
 */
public final class MoldUdp64MessageStore
{
    private final ExpandableDirectByteBuffer blocks;
    private final IntArrayList blockOffsets;
    private int length;

    /**
     * A store with room for about {@code initialBytes} of blocks before it grows.
     *
     * @param initialBytes initial capacity of the block buffer.
     * @param initialMessages initial capacity of the offset index.
     */
    public MoldUdp64MessageStore(final int initialBytes, final int initialMessages)
    {
        blocks = new ExpandableDirectByteBuffer(Math.max(initialBytes, 64));
        blockOffsets = new IntArrayList(Math.max(initialMessages, 16), IntArrayList.DEFAULT_NULL_VALUE);
    }

    /**
     * A store sized for about a million short messages before it grows.
     */
    public MoldUdp64MessageStore()
    {
        this(32 * 1024 * 1024, 1024 * 1024);
    }

    /**
     * Append the next message of the session.
     *
     * @param buffer holding the message.
     * @param offset of the message.
     * @param messageLength of the message, 0 to {@link MoldUdp64Packet#MAX_MESSAGE_LENGTH}.
     * @return the sequence number given to the message.
     * @throws IllegalArgumentException if the message is too long to frame.
     * @throws IllegalStateException if the store is full (2 GiB of blocks).
     */
    public long append(final DirectBuffer buffer, final int offset, final int messageLength)
    {
        if (messageLength < 0 || messageLength > MoldUdp64Packet.MAX_MESSAGE_LENGTH)
        {
            throw new IllegalArgumentException("message length out of range: " + messageLength);
        }
        final long newLength = (long)length + MoldUdp64Packet.MESSAGE_LENGTH_FIELD_LENGTH + messageLength;
        if (newLength > ExpandableDirectByteBuffer.MAX_BUFFER_LENGTH)
        {
            throw new IllegalStateException("message store full at " + blockOffsets.size() + " messages");
        }

        blocks.putShort(length, (short)messageLength, MoldUdp64Packet.BYTE_ORDER);
        blocks.putBytes(length + MoldUdp64Packet.MESSAGE_LENGTH_FIELD_LENGTH, buffer, offset, messageLength);
        blockOffsets.addInt(length);
        length = (int)newLength;

        return blockOffsets.size();
    }

    /**
     * Sequence number of the last message stored, 0 when empty.
     *
     * @return the last sequence number.
     */
    public long lastSequence()
    {
        return blockOffsets.size();
    }

    /**
     * Buffer holding the message blocks.
     *
     * @return the buffer; valid until the next {@link #append(DirectBuffer, int, int)}.
     */
    public DirectBuffer blocks()
    {
        return blocks;
    }

    /**
     * Offset in {@link #blocks()} of the block (length field) of a message.
     *
     * @param sequence of the message, 1 to {@link #lastSequence()}.
     * @return the offset.
     */
    public int blockOffset(final long sequence)
    {
        return blockOffsets.getInt((int)(sequence - 1));
    }

    /**
     * Length of the block of a message: its length field plus the message.
     *
     * @param sequence of the message, 1 to {@link #lastSequence()}.
     * @return the block length.
     */
    public int blockLength(final long sequence)
    {
        return MoldUdp64Packet.MESSAGE_LENGTH_FIELD_LENGTH +
            (blocks.getShort(blockOffset(sequence), MoldUdp64Packet.BYTE_ORDER) & 0xFFFF);
    }

    /**
     * Total bytes of blocks stored.
     *
     * @return the length in bytes.
     */
    public int length()
    {
        return length;
    }
}
