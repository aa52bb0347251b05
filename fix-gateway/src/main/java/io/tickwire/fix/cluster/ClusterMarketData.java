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
import io.aeron.ChannelUri;
import io.aeron.CommonContext;
import io.aeron.ExclusivePublication;
import io.aeron.cluster.service.Cluster;
import io.tickwire.feed.protocol.FeedDefaults;
import io.tickwire.feed.snapshot.SnapshotServer;
import io.tickwire.fix.match.BookListener;
import io.tickwire.fix.match.BookPublisher;
import io.tickwire.fix.match.MatchingEngine;
import io.tickwire.latency.CalibratedEpochNanoClock;
import org.agrona.CloseHelper;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A cluster member's market data: while the member leads, the book changes its engine makes go out on the feed;
 * a follower applies the same commands and publishes nothing. Publishing is a side effect of applying the log, never
 * part of the replicated state: nothing here feeds back into the engine.
 * <p>
 * Each time the member becomes leader it opens a new publication, so subscribers see a new Aeron session. Its
 * sequence starts at 1 with a {@code PublisherEpoch} (the leadership term id and the member id), followed by an
 * {@code AddOrder} for every resting order (the books as they stand), then the live changes. A subscriber that sees
 * that session from its start can rebuild the books from the stream alone; the feed client recovers by snapshot
 * (docs/FEED-CLIENT.md, "Publisher change"). The announcement waits until the member's service has read its own
 * new leadership term from the log and the publication is connected, and is never made while a command is being
 * applied; changes made before it are part of the books it restates.
 * <p>
 * Snapshots for recovering subscribers come from the feed's {@link SnapshotServer}, run on the service thread
 * between commands: it follows this member's publication through a spy (which keeps the publication connected,
 * {@code ssc=true}), so it knows the session from sequence 1. Every member runs one on the same request channel
 * (multicast); only the leader's follows a live publication, the others refuse requests.
 * <p>
 * A message Aeron refuses (back pressure beyond the publisher's retries) would leave subscribers silently behind:
 * the session is abandoned instead (closed, counted) and a new one announced, which subscribers see as a publisher
 * change.
 * <p>
 * Publication and snapshot server use the service's Aeron client (the member's own media driver), unless
 * {@link #aeron(Aeron)} names another: the gateway's embedded member publishes through the gateway's market data
 * client, so that its feed is where the gateway's subscribers and counters already are.
 */
public final class ClusterMarketData implements BookListener
{
    /**
     * Default feed channel: the market data channel of the shipped gateway.cfg.
     */
    public static final String CHANNEL_DEFAULT = "aeron:udp?endpoint=239.255.77.5:40460|interface=127.0.0.1|ttl=0";

    /**
     * Default feed stream id: the gateway's market data stream.
     */
    public static final int STREAM_ID_DEFAULT = 2001;

    /**
     * Default snapshot request channel: multicast, so that every member hears a request and the leader answers.
     */
    public static final String SNAPSHOT_REQUEST_CHANNEL_DEFAULT =
        "aeron:udp?endpoint=239.255.77.7:40461|interface=127.0.0.1|ttl=0";

    /**
     * Default snapshot request stream id: the feed client's default.
     */
    public static final int SNAPSHOT_REQUEST_STREAM_ID_DEFAULT = FeedDefaults.SNAPSHOT_REQUEST_STREAM_ID;

    /**
     * Default snapshot response channel.
     */
    public static final String SNAPSHOT_RESPONSE_CHANNEL_DEFAULT =
        "aeron:udp?endpoint=239.255.77.9:40462|interface=127.0.0.1|ttl=0";

    /**
     * Default snapshot response stream id: the feed client's default.
     */
    public static final int SNAPSHOT_RESPONSE_STREAM_ID_DEFAULT = FeedDefaults.SNAPSHOT_RESPONSE_STREAM_ID;

    private static final int NO_MEMBER = -1;

    private final String channel;
    private final String publicationChannel;
    private final int streamId;
    private final String requestChannel;
    private final int requestStreamId;
    private final String responseChannel;
    private final int responseStreamId;
    private final AtomicLong sessionsAnnounced = new AtomicLong();
    private final AtomicLong sessionsAbandoned = new AtomicLong();
    private final AtomicLong messagesPublished = new AtomicLong();
    private final AtomicLong snapshotsServed = new AtomicLong();
    private final AtomicLong snapshotRequestsRefused = new AtomicLong();
    private volatile long epoch = -1;
    private volatile boolean publishing;

    private Aeron clientAeron;
    private Aeron aeron;
    private Cluster cluster;
    private MatchingEngine engine;
    private SnapshotServer snapshotServer;
    private boolean leading;
    private boolean termAnnounced;
    private ExclusivePublication publication;
    private BookPublisher publisher;
    private long publishedBefore;

    /**
     * Market data on the default channels.
     */
    public ClusterMarketData()
    {
        this(CHANNEL_DEFAULT, STREAM_ID_DEFAULT, SNAPSHOT_REQUEST_CHANNEL_DEFAULT, SNAPSHOT_REQUEST_STREAM_ID_DEFAULT,
            SNAPSHOT_RESPONSE_CHANNEL_DEFAULT, SNAPSHOT_RESPONSE_STREAM_ID_DEFAULT);
    }

    /**
     * @param channel          the feed's Aeron channel (every member the same).
     * @param streamId         the feed's stream id.
     * @param requestChannel   where snapshot requests arrive (multicast, every member the same), or null for no
     *                         snapshot server.
     * @param requestStreamId  snapshot request stream id.
     * @param responseChannel  where snapshots are sent.
     * @param responseStreamId snapshot response stream id.
     */
    public ClusterMarketData(
        final String channel,
        final int streamId,
        final String requestChannel,
        final int requestStreamId,
        final String responseChannel,
        final int responseStreamId)
    {
        if (null == channel || (null != requestChannel && null == responseChannel))
        {
            throw new IllegalArgumentException("market data needs a channel, and a snapshot request channel a " +
                "response channel: channel=" + channel + " request=" + requestChannel + " response=" +
                responseChannel);
        }
        this.channel = channel;
        this.streamId = streamId;
        this.requestChannel = requestChannel;
        this.requestStreamId = requestStreamId;
        this.responseChannel = responseChannel;
        this.responseStreamId = responseStreamId;
        this.publicationChannel = publicationChannel(channel, null != requestChannel);
    }

    /**
     * Publish and serve snapshots through this client instead of the service's: for a member in the gateway's
     * process, whose market data subscribers (an IPC channel's among them) are on the gateway's media driver. The
     * client must outlive the member. Before the member starts.
     *
     * @param aeron the client, or null for the service's own.
     * @return this.
     */
    public ClusterMarketData aeron(final Aeron aeron)
    {
        this.clientAeron = aeron;
        return this;
    }

    /**
     * @return the snapshot request stream id.
     */
    public int requestStreamId()
    {
        return requestStreamId;
    }

    /**
     * @return the snapshot response stream id.
     */
    public int responseStreamId()
    {
        return responseStreamId;
    }

    /**
     * @return the feed channel.
     */
    public String channel()
    {
        return channel;
    }

    /**
     * @return the feed stream id.
     */
    public int streamId()
    {
        return streamId;
    }

    /**
     * @return the snapshot request channel, or null without a snapshot server.
     */
    public String requestChannel()
    {
        return requestChannel;
    }

    /**
     * @return the snapshot response channel.
     */
    public String responseChannel()
    {
        return responseChannel;
    }

    /**
     * @return publisher sessions this member announced (one per leadership, plus one per abandoned session); any
     * thread.
     */
    public long sessionsAnnounced()
    {
        return sessionsAnnounced.get();
    }

    /**
     * @return sessions abandoned because Aeron refused a message; any thread.
     */
    public long sessionsAbandoned()
    {
        return sessionsAbandoned.get();
    }

    /**
     * @return messages published by this member, in all its sessions; any thread.
     */
    public long messagesPublished()
    {
        return messagesPublished.get();
    }

    /**
     * @return snapshots this member's snapshot server sent completely; any thread.
     */
    public long snapshotsServed()
    {
        return snapshotsServed.get();
    }

    /**
     * @return snapshot requests refused because this member's server follows no live publication (a follower's);
     * any thread.
     */
    public long snapshotRequestsRefused()
    {
        return snapshotRequestsRefused.get();
    }

    /**
     * @return the epoch of the last session this member announced, -1 before; any thread.
     */
    public long epoch()
    {
        return epoch;
    }

    /**
     * @return whether a session is announced and publishing; any thread.
     */
    public boolean isPublishing()
    {
        return publishing;
    }

    /**
     * {@inheritDoc}
     */
    public void onAdd(final int instrumentId, final long orderId, final byte side, final long quantity,
        final long price)
    {
        if (null != publisher)
        {
            publisher.onAdd(instrumentId, orderId, side, quantity, price);
            checkDelivered();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onExecuted(final int instrumentId, final long orderId, final long quantity, final long matchNumber)
    {
        if (null != publisher)
        {
            publisher.onExecuted(instrumentId, orderId, quantity, matchNumber);
            checkDelivered();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onCancel(final int instrumentId, final long orderId, final long cancelledQuantity)
    {
        if (null != publisher)
        {
            publisher.onCancel(instrumentId, orderId, cancelledQuantity);
            checkDelivered();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onDelete(final int instrumentId, final long orderId)
    {
        if (null != publisher)
        {
            publisher.onDelete(instrumentId, orderId);
            checkDelivered();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onReplace(final int instrumentId, final long originalOrderId, final long newOrderId,
        final long quantity, final long price)
    {
        if (null != publisher)
        {
            publisher.onReplace(instrumentId, originalOrderId, newOrderId, quantity, price);
            checkDelivered();
        }
    }

    /**
     * The service started (service thread): open the snapshot server on the Aeron client it publishes through.
     *
     * @param cluster the member's cluster.
     * @param engine  whose books are restated when this member becomes leader.
     */
    void onStart(final Cluster cluster, final MatchingEngine engine)
    {
        this.cluster = cluster;
        this.engine = engine;
        this.aeron = null != clientAeron ? clientAeron : cluster.aeron();
        if (null != requestChannel && null == snapshotServer)
        {
            snapshotServer = new SnapshotServer(new SnapshotServer.Context()
                .aeron(aeron)
                .feed(channel.startsWith(CommonContext.IPC_CHANNEL) ? channel : CommonContext.SPY_PREFIX + channel,
                    streamId)
                .request(requestChannel, requestStreamId)
                .response(responseChannel, responseStreamId));
        }
    }

    /**
     * A new leadership term was read from the log (service thread). The leader announces its session only once it
     * has read its own: the epoch is then this term's id.
     *
     * @param leadershipTermId the term.
     * @param leaderMemberId   its leader.
     */
    void onNewLeadershipTerm(final long leadershipTermId, final int leaderMemberId)
    {
        if (leading && null != cluster && leaderMemberId == cluster.memberId())
        {
            epoch = leadershipTermId;
            termAnnounced = true;
        }
    }

    /**
     * The member's role changed (service thread, between commands): a leader opens its publication, anyone else
     * closes it.
     *
     * @param role the new role.
     */
    void onRoleChange(final Cluster.Role role)
    {
        final boolean lead = Cluster.Role.LEADER == role;
        if (lead != leading)
        {
            leading = lead;
            termAnnounced = false;
            closeSession();
        }
    }

    /**
     * Between commands (service thread): serve snapshots, and announce the session once it can be.
     *
     * @return work done.
     */
    int doWork()
    {
        int work = 0;
        if (null != snapshotServer)
        {
            work += snapshotServer.doWork();
            snapshotsServed.lazySet(snapshotServer.snapshotsServed());
            snapshotRequestsRefused.lazySet(snapshotServer.requestsRefused());
        }
        if (leading && null == publisher && null != aeron)
        {
            if (null == publication)
            {
                publication = aeron.addExclusivePublication(publicationChannel, streamId);
                work++;
            }
            if (termAnnounced && publication.isConnected())
            {
                announce();
                work++;
            }
        }
        return work;
    }

    /**
     * Close the publication and the snapshot server (after the service stopped).
     */
    void close()
    {
        closeSession();
        CloseHelper.quietClose(snapshotServer);
        snapshotServer = null;
    }

    private void announce()
    {
        final BookPublisher newPublisher = new BookPublisher(publication, CalibratedEpochNanoClock.shared());
        newPublisher.announceEpoch(epoch, cluster.memberId(), engine.forEachRestingOrder(BookListener.NO_OP));
        engine.forEachRestingOrder(newPublisher);
        publisher = newPublisher;
        publishing = true;
        publishedBefore = messagesPublished.get();
        sessionsAnnounced.lazySet(sessionsAnnounced.get() + 1);
        checkDelivered();
    }

    private void checkDelivered()
    {
        messagesPublished.lazySet(publishedBefore + publisher.sequence());
        if (publisher.droppedCount() > 0)
        {
            // Subscribers would miss a change without seeing a gap: start a new session, which they see.
            sessionsAbandoned.lazySet(sessionsAbandoned.get() + 1);
            closeSession();
        }
    }

    private void closeSession()
    {
        publisher = null;
        publishing = false;
        CloseHelper.quietClose(publication);
        publication = null;
    }

    private static String publicationChannel(final String channel, final boolean spied)
    {
        if (!spied || channel.startsWith(CommonContext.IPC_CHANNEL))
        {
            return channel;
        }
        // The snapshot server's spy keeps the publication connected from its first message on, with or without
        // subscribers on the network, so that the session it follows is whole from sequence 1.
        final ChannelUri uri = ChannelUri.parse(channel);
        uri.put(CommonContext.SPIES_SIMULATE_CONNECTION_PARAM_NAME, "true");
        return uri.toString();
    }
}
