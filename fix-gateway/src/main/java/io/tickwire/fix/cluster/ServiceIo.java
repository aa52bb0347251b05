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
import io.aeron.Publication;
import io.aeron.cluster.client.ClusterException;
import io.aeron.cluster.service.ClientSession;
import io.aeron.logbuffer.FragmentHandler;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;

/**
 * The three ways a clustered service here talks to Aeron outside its log, each with the same rules: egress to a
 * session, writing a snapshot, reading one back. Back pressure and admin actions are waited out with the cluster's
 * idle strategy (which also services the consensus module while the service thread waits).
 */
final class ServiceIo
{
    private ServiceIo()
    {
    }

    /**
     * Send to a client session. Egress is not replicated state: a session that is gone or not yet connected (after a
     * restart) is not waited for, since waiting would stall the whole cluster.
     *
     * @return true if sent (on a follower, or while replaying, {@code offer} succeeds without sending).
     */
    static boolean offer(
        final ClientSession session,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final IdleStrategy idleStrategy)
    {
        idleStrategy.reset();
        while (true)
        {
            final long result = session.offer(buffer, offset, length);
            if (result > 0)
            {
                return true;
            }
            if (Publication.BACK_PRESSURED != result && Publication.ADMIN_ACTION != result)
            {
                return false;
            }
            idleStrategy.idle();
        }
    }

    /**
     * Write one snapshot message; a closed or unconnected publication fails the snapshot.
     *
     * @param service names the service in the error.
     */
    static void offerSnapshot(
        final ExclusivePublication publication,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final IdleStrategy idleStrategy,
        final String service)
    {
        idleStrategy.reset();
        while (true)
        {
            final long result = publication.offer(buffer, offset, length);
            if (result > 0)
            {
                return;
            }
            if (Publication.BACK_PRESSURED != result && Publication.ADMIN_ACTION != result)
            {
                throw new ClusterException(service + " snapshot not written: " + Publication.errorString(result));
            }
            idleStrategy.idle();
        }
    }

    /**
     * Poll a snapshot image to its end; an image that closes first fails the start.
     *
     * @param fragmentLimit fragments per poll.
     * @param service       names the service in the error.
     */
    static void readSnapshot(
        final Image image,
        final FragmentHandler handler,
        final int fragmentLimit,
        final IdleStrategy idleStrategy,
        final String service)
    {
        idleStrategy.reset();
        while (!image.isEndOfStream())
        {
            final int fragments = image.poll(handler, fragmentLimit);
            if (0 == fragments && image.isClosed())
            {
                throw new ClusterException(service + " snapshot image closed before its end: position=" +
                    image.position());
            }
            idleStrategy.idle(fragments);
        }
    }
}
