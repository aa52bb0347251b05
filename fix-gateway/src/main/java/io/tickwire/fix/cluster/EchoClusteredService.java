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
package io.tickwire.fix.cluster;

import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.cluster.client.ClusterException;
import io.aeron.cluster.codecs.CloseReason;
import io.aeron.cluster.service.ClientSession;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simplest replicated state machine: every session message is echoed back to the session that sent it, and the
 * number of messages applied is the state. The floor that a real service (the matching engine) is measured against:
 * a round trip through ingress, the replicated log, the service and egress, with no work in the service.
 * <p>
 * Deterministic like any clustered service: its state depends only on the log (no clock, no randomness), so every
 * member, and every replay after a restart, reaches the same count.
 * <p>
 * Snapshot layout (one fragment, version 1, little-endian):
 * <pre>
 *   0  int32  magic   0x54574543 ("TWEC")
 *   4  int32  version 1
 *   8  int64  messageCount
 * </pre>
 */
public final class EchoClusteredService implements ClusteredService
{
    /**
     * Marks a snapshot fragment as this service's.
     */
    public static final int SNAPSHOT_MAGIC = 0x54574543;

    /**
     * Version of the snapshot layout; a new layout adds fields at the end and increments it.
     */
    public static final int SNAPSHOT_VERSION = 1;

    /**
     * Length in bytes of the version 1 snapshot fragment.
     */
    public static final int SNAPSHOT_LENGTH = 16;

    /**
     * {@link #restoredMessageCount()} when the service started without a snapshot.
     */
    public static final long NOT_RESTORED = -1;

    private static final int MAGIC_OFFSET = 0;
    private static final int VERSION_OFFSET = 4;
    private static final int MESSAGE_COUNT_OFFSET = 8;

    private final UnsafeBuffer snapshotBuffer =
        new UnsafeBuffer(ByteBuffer.allocateDirect(SNAPSHOT_LENGTH).order(ByteOrder.LITTLE_ENDIAN));
    private final AtomicLong messageCount = new AtomicLong();
    private final AtomicLong undeliveredEchoes = new AtomicLong();
    private volatile long restoredMessageCount = NOT_RESTORED;
    private volatile Cluster.Role role = Cluster.Role.FOLLOWER;
    private IdleStrategy idleStrategy;

    /**
     * Create a service with no state; {@link #onStart(Cluster, Image)} restores it from a snapshot if there is one.
     */
    public EchoClusteredService()
    {
    }

    /**
     * Restore the count from the snapshot, if any, by polling the snapshot image to its end.
     *
     * @param cluster       this service runs in.
     * @param snapshotImage to load, or null when the member starts without a snapshot.
     */
    public void onStart(final Cluster cluster, final Image snapshotImage)
    {
        // The cluster's idle strategy also services the consensus module's requests while this thread waits.
        idleStrategy = cluster.idleStrategy();
        if (null != snapshotImage)
        {
            loadSnapshot(snapshotImage);
        }
    }

    /**
     * Nothing to do: sessions are not part of this service's state.
     *
     * @param session   opened.
     * @param timestamp cluster time of the open.
     */
    public void onSessionOpen(final ClientSession session, final long timestamp)
    {
    }

    /**
     * Nothing to do: sessions are not part of this service's state.
     *
     * @param session     closed.
     * @param timestamp   cluster time of the close.
     * @param closeReason why it closed.
     */
    public void onSessionClose(final ClientSession session, final long timestamp, final CloseReason closeReason)
    {
    }

    /**
     * Count the message and echo it to its session. Back-pressure is waited out with the cluster's idle strategy;
     * an echo that cannot be delivered (the client has gone, or the session's egress is not connected yet after a
     * restart) is counted in {@link #undeliveredEchoes()} and dropped: it is not part of the replicated state, and
     * waiting for a client that has gone would stall the whole cluster. On followers and during replay
     * {@code offer} succeeds without sending.
     *
     * @param session   that sent the message.
     * @param timestamp cluster time at which the message was sequenced.
     * @param buffer    holding the message.
     * @param offset    of the message in the buffer.
     * @param length    of the message.
     * @param header    of the log fragment.
     */
    public void onSessionMessage(
        final ClientSession session,
        final long timestamp,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final Header header)
    {
        // Single writer: a release store, so that other threads may read the count without a locked add here.
        messageCount.lazySet(messageCount.get() + 1);

        if (!ServiceIo.offer(session, buffer, offset, length, idleStrategy))
        {
            undeliveredEchoes.lazySet(undeliveredEchoes.get() + 1);
        }
    }

    /**
     * No timers.
     *
     * @param correlationId of the timer.
     * @param timestamp     at which it fired.
     */
    public void onTimerEvent(final long correlationId, final long timestamp)
    {
    }

    /**
     * Offer the count as one fragment (layout in the class comment), waiting out back-pressure.
     *
     * @param snapshotPublication to write the snapshot to.
     * @throws ClusterException if the publication is closed or not connected (the snapshot fails).
     */
    public void onTakeSnapshot(final ExclusivePublication snapshotPublication)
    {
        snapshotBuffer.putInt(MAGIC_OFFSET, SNAPSHOT_MAGIC, ByteOrder.LITTLE_ENDIAN);
        snapshotBuffer.putInt(VERSION_OFFSET, SNAPSHOT_VERSION, ByteOrder.LITTLE_ENDIAN);
        snapshotBuffer.putLong(MESSAGE_COUNT_OFFSET, messageCount.get(), ByteOrder.LITTLE_ENDIAN);

        ServiceIo.offerSnapshot(snapshotPublication, snapshotBuffer, 0, SNAPSHOT_LENGTH, idleStrategy, "echo service");
    }

    /**
     * Remember the role for {@link #role()}.
     *
     * @param newRole of this member.
     */
    public void onRoleChange(final Cluster.Role newRole)
    {
        role = newRole;
    }

    /**
     * Nothing to release.
     *
     * @param cluster terminating.
     */
    public void onTerminate(final Cluster cluster)
    {
    }

    /**
     * @return messages applied since the cluster began (restored from the snapshot plus replayed and live ones);
     * readable from any thread.
     */
    public long messageCount()
    {
        return messageCount.get();
    }

    /**
     * @return the count loaded from the snapshot at start, or {@link #NOT_RESTORED}; readable from any thread.
     */
    public long restoredMessageCount()
    {
        return restoredMessageCount;
    }

    /**
     * @return echoes dropped because the session's egress was closed or not connected (local, not replicated).
     */
    public long undeliveredEchoes()
    {
        return undeliveredEchoes.get();
    }

    /**
     * @return the role the service was last told about; readable from any thread.
     */
    public Cluster.Role role()
    {
        return role;
    }

    private void loadSnapshot(final Image snapshotImage)
    {
        final long[] loaded = {NOT_RESTORED};
        final FragmentHandler handler = (buffer, offset, length, header) ->
        {
            if (length < SNAPSHOT_LENGTH ||
                SNAPSHOT_MAGIC != buffer.getInt(offset + MAGIC_OFFSET, ByteOrder.LITTLE_ENDIAN))
            {
                throw new ClusterException("not an echo service snapshot fragment: length=" + length +
                    " position=" + header.position());
            }
            final int version = buffer.getInt(offset + VERSION_OFFSET, ByteOrder.LITTLE_ENDIAN);
            if (SNAPSHOT_VERSION != version)
            {
                throw new ClusterException("echo service snapshot version " + version + " not supported (" +
                    SNAPSHOT_VERSION + " is)");
            }
            loaded[0] = buffer.getLong(offset + MESSAGE_COUNT_OFFSET, ByteOrder.LITTLE_ENDIAN);
        };

        ServiceIo.readSnapshot(snapshotImage, handler, 1, idleStrategy, "echo service");

        if (NOT_RESTORED == loaded[0])
        {
            throw new ClusterException("echo service snapshot is empty");
        }
        messageCount.set(loaded[0]);
        restoredMessageCount = loaded[0];
    }
}
