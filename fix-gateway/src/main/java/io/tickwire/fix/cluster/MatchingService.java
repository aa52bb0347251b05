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
import io.aeron.cluster.codecs.CloseReason;
import io.aeron.cluster.service.ClientSession;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.logbuffer.Header;
import io.tickwire.fix.audit.AuditSealKey;
import io.tickwire.fix.audit.MemberAuditJournal;
import io.tickwire.fix.match.BookListener;
import io.tickwire.fix.match.MatchingEngine;
import io.tickwire.fix.match.ReferencePrices;
import io.tickwire.latency.StageRecorder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The matching engine as a replicated state machine: every member applies the same committed commands from the
 * cluster log, in the same order, and so holds the same books. The commands are the gateway's internal SBE
 * commands, exactly as the session thread encoded them; the events the engine emits go back on egress to the
 * gateway, which turns them into ExecutionReports. An event is emitted only while applying a committed log entry,
 * so a report can only ever acknowledge a command a majority of members have (one member: its archive has it).
 * <p>
 * Deterministic: no wall clock, no randomness, no hash-order iteration in the engine ({@code engineNanos} in events
 * is 0 here). A command that cannot be decoded is counted and skipped, never thrown: a throwing service would meet
 * the same entry again at every replay.
 * <p>
 * Several gateways may be clients, each with its own id ({@link IngressFrame} version 3): the last applied ingress
 * sequence and the event history are per gateway id, and the engine sees each command's session index with its
 * gateway's id in the high bits ({@link GatewaySessions}), so that ClOrdIDs, owner checks and session cancels stay
 * within a gateway and every event names the gateway that owns its order.
 * <p>
 * The state snapshot is the service's (every gateway's last ingress sequence) then the engine's
 * ({@link ServiceSnapshot}); a member restarts from its latest snapshot and the log after it.
 */
public final class MatchingService implements ClusteredService, AutoCloseable
{
    /**
     * Name of the member's audit journal directory under its cluster directory.
     */
    public static final String AUDIT_DIR_NAME = "audit";

    private final int[] instrumentIds;
    private final int retainedFinishedOrders;
    private final ClusterMarketData marketData;
    private final ReferencePrices referencePrices;
    private final AtomicLong commandsApplied = new AtomicLong();
    private final AtomicLong malformedCommands = new AtomicLong();
    private final AtomicLong duplicateCommands = new AtomicLong();
    private final CommandAnswers answers = new CommandAnswers();
    private final GatewaySequences lastIngressSequences = new GatewaySequences();
    private final GatewayCommand command = new GatewayCommand();
    private volatile Cluster.Role role = Cluster.Role.FOLLOWER;
    private volatile boolean snapshotLoaded;
    private NanoClock eventClock = () -> 0;
    private StageRecorder riskToMatched;
    private Cluster cluster;
    private IdleStrategy idleStrategy;
    private MatchingEngine engine;
    private Path auditDirectory;
    private AuditSealKey auditSealKey;
    private volatile MemberAuditJournal auditJournal;
    private boolean applying;

    /**
     * @param instrumentIds          the instruments to keep books for (every member the same).
     * @param retainedFinishedOrders finished orders kept queryable (every member the same).
     * @param marketData             publishes the book changes while this member leads and serves snapshots, or
     *                               null for no market data.
     */
    public MatchingService(
        final int[] instrumentIds, final int retainedFinishedOrders, final ClusterMarketData marketData)
    {
        this(instrumentIds, retainedFinishedOrders, marketData, null);
    }

    /**
     * @param instrumentIds          the instruments to keep books for (every member the same).
     * @param retainedFinishedOrders finished orders kept queryable (every member the same).
     * @param marketData             publishes the book changes while this member leads and serves snapshots, or
     *                               null for no market data.
     * @param referencePrices        where the engine publishes last trade and BBO: the gateway's own when the
     *                               member runs in the gateway's process (its price collar reads them), or null.
     */
    public MatchingService(
        final int[] instrumentIds,
        final int retainedFinishedOrders,
        final ClusterMarketData marketData,
        final ReferencePrices referencePrices)
    {
        this.instrumentIds = instrumentIds.clone();
        this.retainedFinishedOrders = retainedFinishedOrders;
        this.marketData = marketData;
        this.referencePrices = referencePrices;
    }

    /**
     * Stamp events with this host's monotonic clock and record the {@code risk->matched} stage, for a member in
     * the gateway's own process, where those times compare with the gateway's. The stamps only travel in events,
     * never into the engine's state; a member on another host leaves them 0. Before the member starts.
     *
     * @param eventClock    stamps {@code engineNanos} in events.
     * @param riskToMatched the stage's recorder, or null.
     * @return this.
     */
    public MatchingService sameHostLatency(final NanoClock eventClock, final StageRecorder riskToMatched)
    {
        this.eventClock = eventClock;
        this.riskToMatched = riskToMatched;
        return this;
    }

    /**
     * Journal the inbound audit record each command carries ({@link IngressFrame} version 2 or 3), keyed by the
     * command's log position, in this member's own hash-chained journal ({@link MemberAuditJournal}, written on its
     * own thread). Before the member starts.
     *
     * @param directory the member's journal directory, e.g. {@code <clusterDir>/audit}, or null for none.
     * @return this.
     */
    public MatchingService memberAudit(final Path directory)
    {
        return memberAudit(directory, null);
    }

    /**
     * As {@link #memberAudit(Path)}, the journal's head sealed with this member's key.
     *
     * @param directory the member's journal directory, or null for none.
     * @param sealKey   the member's seal key (outside the directory), or null for no seals.
     * @return this.
     */
    public MatchingService memberAudit(final Path directory, final AuditSealKey sealKey)
    {
        this.auditDirectory = directory;
        this.auditSealKey = sealKey;
        return this;
    }

    /**
     * @return the member's audit journal, or null; any thread once the service has started.
     */
    public MemberAuditJournal auditJournal()
    {
        return auditJournal;
    }

    /**
     * Build the engine and load the snapshot, if any, by polling the snapshot image to its end.
     *
     * @param cluster       this service runs in.
     * @param snapshotImage to load, or null when the member starts without a snapshot.
     */
    public void onStart(final Cluster cluster, final Image snapshotImage)
    {
        this.cluster = cluster;
        idleStrategy = cluster.idleStrategy();
        answers.onStart(cluster);
        if (null != auditDirectory && null == auditJournal)
        {
            // Opened before the log is replayed: records journalled before a restart are known, and skipped.
            auditJournal = new MemberAuditJournal(auditDirectory, auditSealKey)
                .start("member-audit-" + cluster.memberId());
        }
        // Every member's engine tells the market data of every change, replays included: it publishes them only
        // while this member leads, in a session announced after the replay.
        engine = new MatchingEngine(instrumentIds, null, null, answers,
            null != referencePrices ? referencePrices : new ReferencePrices(maxId()),
            null != marketData ? marketData : BookListener.NO_OP, retainedFinishedOrders, eventClock);
        if (null != riskToMatched)
        {
            engine.riskToMatchedRecorder(riskToMatched);
        }
        if (null != snapshotImage)
        {
            ServiceSnapshot.load(snapshotImage, lastIngressSequences, engine, idleStrategy);
            snapshotLoaded = true;
        }
        if (null != marketData)
        {
            marketData.onStart(cluster, engine);
        }
    }

    /**
     * Sessions are the gateways; they are not part of the engine's state.
     *
     * @param session   opened.
     * @param timestamp cluster time.
     */
    public void onSessionOpen(final ClientSession session, final long timestamp)
    {
    }

    /**
     * Sessions are the gateways; they are not part of the engine's state.
     *
     * @param session     closed.
     * @param timestamp   cluster time.
     * @param closeReason why.
     */
    public void onSessionClose(final ClientSession session, final long timestamp, final CloseReason closeReason)
    {
    }

    /**
     * Apply one committed command.
     *
     * @param session   the gateway that sent it.
     * @param timestamp cluster time at which it was sequenced.
     * @param buffer    holding the command.
     * @param offset    of its SBE header.
     * @param length    of the command.
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
        final int commandLength = length < IngressFrame.COMMAND_OFFSET ? -1 :
            IngressFrame.commandLength(buffer, offset, length);
        if (commandLength < 0)
        {
            malformedCommands.lazySet(malformedCommands.get() + 1);
            return;
        }
        final int gatewayId = IngressFrame.gatewayId(buffer, offset, length);
        if (gatewayId < 0 || gatewayId > GatewaySessions.MAX_GATEWAY_ID)
        {
            malformedCommands.lazySet(malformedCommands.get() + 1);
            return;
        }
        final long sequence = IngressFrame.sequence(buffer, offset);
        if (sequence <= lastIngressSequences.last(gatewayId))
        {
            // Offered again by a gateway that could not know this one was committed (a leader died): applied once,
            // answered again with the events it caused. Sequences are per gateway: another gateway's are no
            // measure.
            duplicateCommands.lazySet(duplicateCommands.get() + 1);
            answers.answerAgain(gatewayId, sequence);
            return;
        }
        lastIngressSequences.put(gatewayId, sequence);
        answers.beginCommand(gatewayId, sequence);
        final int commandOffset = offset + IngressFrame.commandOffset(buffer, offset, length);
        final MemberAuditJournal journal = auditJournal;
        if (null != journal)
        {
            final int auditLength = IngressFrame.auditLength(buffer, offset, length);
            if (auditLength > 0)
            {
                // Keyed by the command's log position: the same on every member, and skipped on a replay of what
                // this member journalled before a restart.
                journal.offer(header.position(), buffer, commandOffset + commandLength, auditLength, idleStrategy);
            }
        }
        if (!command.wrap(buffer, commandOffset, commandLength, gatewayId))
        {
            malformedCommands.lazySet(malformedCommands.get() + 1);
            return;
        }
        try
        {
            // Background work may run while an event waits for egress: market data must not restate half a command.
            applying = true;
            engine.apply(command.buffer(), command.offset());
            commandsApplied.lazySet(commandsApplied.get() + 1);
            answers.endCommand(command.correlationId(), command.sessionIndex() & 0xFFFF_FFFFL);
        }
        catch (final RuntimeException ex)
        {
            // A value no decoder accepts (e.g. an enum out of range). Every member fails the same way on the same
            // entry; throwing would stop the service on it at every replay.
            malformedCommands.lazySet(malformedCommands.get() + 1);
        }
        finally
        {
            applying = false;
        }
    }

    /**
     * No timers.
     *
     * @param correlationId of the timer.
     * @param timestamp     when it fired.
     */
    public void onTimerEvent(final long correlationId, final long timestamp)
    {
    }

    /**
     * Write the engine's state, waiting out back pressure.
     *
     * @param snapshotPublication to write to.
     */
    public void onTakeSnapshot(final ExclusivePublication snapshotPublication)
    {
        final MemberAuditJournal journal = auditJournal;
        if (null != journal)
        {
            // A restart replays the log from this snapshot on: every record below it must be in the journal first.
            journal.awaitJournalled(idleStrategy);
        }
        ServiceSnapshot.take(snapshotPublication, lastIngressSequences, engine, idleStrategy);
    }

    /**
     * Remember the role: only the leader publishes market data.
     *
     * @param newRole of this member.
     */
    public void onRoleChange(final Cluster.Role newRole)
    {
        role = newRole;
        if (null != marketData)
        {
            marketData.onRoleChange(newRole);
        }
    }

    /**
     * {@inheritDoc} Tells the market data which member leads the new term (that leader announces a publisher epoch).
     */
    public void onNewLeadershipTermEvent(
        final long leadershipTermId,
        final long logPosition,
        final long timestamp,
        final long termBaseLogPosition,
        final int leaderMemberId,
        final int logSessionId,
        final TimeUnit timeUnit,
        final int appVersion)
    {
        if (null != marketData)
        {
            marketData.onNewLeadershipTerm(leadershipTermId, leaderMemberId);
        }
    }

    /**
     * Market data work between commands: snapshot requests, a new leader's announcement.
     *
     * @param nowNs the service's clock.
     * @return work done.
     */
    public int doBackgroundWork(final long nowNs)
    {
        return null == marketData || applying ? 0 : marketData.doWork();
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
     * Close the member's audit journal, after journalling what it was handed. Call once the service's container
     * has stopped ({@link ClusterMember#close()} does).
     */
    public void close()
    {
        if (null != marketData)
        {
            marketData.close();
        }
        final MemberAuditJournal journal = auditJournal;
        if (null != journal)
        {
            journal.close();
        }
    }

    /**
     * @return commands applied by this member since it started (snapshot not included); any thread.
     */
    public long commandsApplied()
    {
        return commandsApplied.get();
    }

    /**
     * @return commands in the log that could not be decoded, skipped; any thread.
     */
    public long malformedCommands()
    {
        return malformedCommands.get();
    }

    /**
     * @return events not delivered because the gateway's egress was gone (the gateway asks for order status when
     * it reconnects); any thread.
     */
    public long undeliveredEvents()
    {
        return answers.undeliveredEvents();
    }

    /**
     * @return commands skipped because their ingress sequence was applied already (a gateway's re-offer after a
     * leader change); any thread.
     */
    public long duplicateCommands()
    {
        return duplicateCommands.get();
    }

    /**
     * @return duplicates answered again from the event history; any thread.
     */
    public long reansweredCommands()
    {
        return answers.reansweredCommands();
    }

    /**
     * @return whether the member started from a snapshot; any thread.
     */
    public boolean snapshotLoaded()
    {
        return snapshotLoaded;
    }

    /**
     * @return the member's market data, or null.
     */
    public ClusterMarketData marketData()
    {
        return marketData;
    }

    /**
     * @return the role this member was last told of; any thread.
     */
    public Cluster.Role role()
    {
        return role;
    }

    /**
     * Tell the listener of every resting order, as a new leader restates them on the feed. Only on a quiet member
     * (no command in flight: tests and checks after traffic stopped): the engine belongs to the service thread.
     *
     * @param listener told {@link BookListener#onAdd} per resting order.
     * @return the number of resting orders.
     */
    public int forEachRestingOrder(final BookListener listener)
    {
        return engine.forEachRestingOrder(listener);
    }

    /**
     * @return the engine, for tests on the service thread's state once it is quiet.
     */
    MatchingEngine engine()
    {
        return engine;
    }

    private int maxId()
    {
        int max = 0;
        for (final int id : instrumentIds)
        {
            max = Math.max(max, id);
        }
        return max;
    }
}
