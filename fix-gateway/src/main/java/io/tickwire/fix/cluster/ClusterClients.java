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

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.CommonContext;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;

import java.util.Objects;

/**
 * Connecting a cluster client ({@link AeronCluster}): the gateway's side of the order path. A client has its own
 * Aeron (a caller's {@link Aeron} instance, or a client created on a running driver's directory, e.g. one from
 * {@link #launchClientDriver(String)}), sends on the ingress channel to the leader found among
 * {@code ingressEndpoints} (see {@link ClusterMember#ingressEndpoints()}) and receives the service's replies on its
 * egress channel, delivered to an {@link EgressListener} from {@link AeronCluster#pollEgress()}.
 * <p>
 * <b>Sending.</b> {@link AeronCluster#offer(DirectBuffer, int, int)} returns a negative value when it did not send:
 * {@link Publication#BACK_PRESSURED} (the leader is behind) and {@link Publication#ADMIN_ACTION} (the ingress term
 * rotated: about once per ingress term of data, 73 times per 100k 32-byte messages at 128 KiB terms) mean "try
 * again"; {@link Publication#NOT_CONNECTED} and {@link Publication#CLOSED} mean the leader is gone: keep polling egress
 * while the client waits for the new leader, and connect again if the client closes itself
 * ({@link AeronCluster#isClosed()}). {@link #offer(AeronCluster, DirectBuffer, int, int, IdleStrategy, long)} does
 * the retrying.
 * <p>
 * <b>Leader changes.</b> Given the ingress endpoints of all members, the client follows a new leader by itself when
 * it is told of it (a {@code NewLeaderEvent} on egress, then {@link EgressListener#onNewLeader}); if the new leader
 * takes longer than the client's new-leader timeout (twice the cluster's leader heartbeat timeout by default) the
 * client closes and the caller connects again. Either way, only from a thread that polls egress. After a
 * {@code NewLeaderEvent} the client must send something (a message or {@link AeronCluster#sendKeepAlive()}) within
 * its message timeout (5 s), or it closes itself.
 * <p>
 * <b>A positive offer result is not delivery.</b> After the leader has died, its ingress publication stays
 * "connected" until the publication connection timeout (seconds), so offers keep returning positions while the
 * messages go nowhere; they are lost, not queued. The caller therefore keeps every request until the service's reply
 * arrives, sends the unanswered ones again after {@link EgressListener#onNewLeader} or a reconnect, and the service
 * recognises a request it has already applied (a message the old leader sequenced just before it died comes twice).
 */
public final class ClusterClients
{
    private ClusterClients()
    {
    }

    /**
     * A client context with this project's channels ({@link ClusterConfiguration#ingressChannel()},
     * {@link ClusterConfiguration#egressChannel()}), for callers who want to set more (timeouts, idle strategy)
     * before {@link AeronCluster#connect(AeronCluster.Context)}.
     *
     * @param ingressEndpoints of all members: {@code 0=host:port,1=host:port,...}.
     * @param listener         for the service's replies and session events.
     * @return a new context; the caller sets an Aeron or a directory.
     */
    public static AeronCluster.Context context(final String ingressEndpoints, final EgressListener listener)
    {
        return new AeronCluster.Context()
            .ingressChannel(ClusterConfiguration.ingressChannel())
            .ingressEndpoints(Objects.requireNonNull(ingressEndpoints, "ingressEndpoints"))
            .egressChannel(ClusterConfiguration.egressChannel())
            .egressListener(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Connect on the caller's Aeron, which the client does not close. Blocks until the leader has opened the
     * session, or throws after the client's message timeout (5 s by default), e.g. while an election is under way.
     *
     * @param aeron            the client's own Aeron (not a cluster member's).
     * @param ingressEndpoints of all members.
     * @param listener         for the service's replies.
     * @return the connected client; close it to end the session.
     */
    public static AeronCluster connect(final Aeron aeron, final String ingressEndpoints, final EgressListener listener)
    {
        return AeronCluster.connect(context(ingressEndpoints, listener)
            .aeron(Objects.requireNonNull(aeron, "aeron"))
            .ownsAeronClient(false));
    }

    /**
     * Connect to a one-member cluster launched with {@code ClusterMemberContext.ipc(true)} on the same media driver:
     * ingress and egress over IPC.
     *
     * @param aeronDirectoryName of the member's driver.
     * @param listener           for egress.
     * @return the connected client; it owns its Aeron client.
     */
    public static AeronCluster connectIpc(final String aeronDirectoryName, final EgressListener listener)
    {
        return AeronCluster.connect(new AeronCluster.Context()
            .ingressChannel(CommonContext.IPC_CHANNEL)
            .egressChannel(CommonContext.IPC_CHANNEL)
            .egressListener(Objects.requireNonNull(listener, "listener"))
            .aeronDirectoryName(Objects.requireNonNull(aeronDirectoryName, "aeronDirectoryName"))
            .ownsAeronClient(true));
    }

    /**
     * Connect with an Aeron client of its own on the driver in {@code aeronDirectoryName}, closed with the client.
     * Blocks as {@link #connect(Aeron, String, EgressListener)} does.
     *
     * @param aeronDirectoryName of a running media driver (not a cluster member's).
     * @param ingressEndpoints   of all members.
     * @param listener           for the service's replies.
     * @return the connected client; close it to end the session and its Aeron client.
     */
    public static AeronCluster connect(
        final String aeronDirectoryName, final String ingressEndpoints, final EgressListener listener)
    {
        return AeronCluster.connect(context(ingressEndpoints, listener)
            .aeronDirectoryName(Objects.requireNonNull(aeronDirectoryName, "aeronDirectoryName"))
            .ownsAeronClient(true));
    }

    /**
     * Launch an embedded media driver for clients: one shared thread with back-off idling (a client driver busy
     * spinning next to the members would starve them on a small host), sparse term buffers, its directory
     * replaced if stale and deleted on close.
     *
     * @param aeronDirectoryName for the driver.
     * @return the running driver; close it after the clients on it.
     */
    public static MediaDriver launchClientDriver(final String aeronDirectoryName)
    {
        return MediaDriver.launch(new MediaDriver.Context()
            .aeronDirectoryName(aeronDirectoryName)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(ClusterConfiguration.idleStrategySupplier(ClusterConfiguration.IDLE_STRATEGY_DEFAULT)
                .get())
            .termBufferSparseFile(true)
            .dirDeleteOnStart(false)
            .dirDeleteOnShutdown(true));
    }

    /**
     * Offer a message on ingress, retrying while the result is {@link Publication#BACK_PRESSURED} or
     * {@link Publication#ADMIN_ACTION}. Between attempts it polls egress, so that the echo of earlier messages
     * cannot back-pressure the service and through it this very ingress (the listener may therefore be called from
     * here), then idles.
     *
     * @param client    connected client.
     * @param buffer    holding the message.
     * @param offset    of the message.
     * @param length    of the message.
     * @param idle      between attempts (reset here).
     * @param timeoutNs how long to retry, 0 for a single attempt.
     * @return the new ingress position (positive) if sent; otherwise the last result: still back-pressured at the
     * deadline, or {@link Publication#NOT_CONNECTED}, {@link Publication#CLOSED} or
     * {@link Publication#MAX_POSITION_EXCEEDED} at once.
     */
    public static long offer(
        final AeronCluster client,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final IdleStrategy idle,
        final long timeoutNs)
    {
        long result = client.offer(buffer, offset, length);
        if (result > 0 || !isRetryable(result))
        {
            return result;
        }

        final long deadlineNs = System.nanoTime() + timeoutNs;
        idle.reset();
        while (System.nanoTime() - deadlineNs < 0)
        {
            idle.idle(client.pollEgress());
            result = client.offer(buffer, offset, length);
            if (result > 0 || !isRetryable(result))
            {
                return result;
            }
        }

        return result;
    }

    /**
     * @param result of an ingress {@code offer} or {@code tryClaim}.
     * @return true if trying again soon may succeed without reconnecting.
     */
    public static boolean isRetryable(final long result)
    {
        return Publication.BACK_PRESSURED == result || Publication.ADMIN_ACTION == result;
    }
}
