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
package io.tickwire.fix.session;

import quickfix.Log;
import quickfix.LogFactory;
import quickfix.SessionID;

/**
 * Counts, and puts in the audit trail with its raw bytes, every inbound message the FIX session layer discards
 * as garbled.
 * <p>
 * The FIX session rules say a garbled message (bad CheckSum, BodyLength, or fields out of order) is ignored and its
 * MsgSeqNum not counted, so that the next message reveals the gap and a ResendRequest recovers what was sent: the
 * gateway runs QuickFIX/J that way ({@code RejectGarbledMessage=N}). QuickFIX/J then drops the message with no
 * callback to the application, only an error event on the session's {@link Log}, right after it handed the same
 * {@link Log} the raw message on the same thread. Wrapping the log is the one place that sees both.
 */
public final class DiscardRecordingLogFactory implements LogFactory
{
    /**
     * Error event prefixes QuickFIX/J 3.0 writes when it drops an inbound message (AbstractIoHandler, Session).
     */
    private static final String[] DISCARD_PREFIXES =
    {
        "Invalid message: ", "Invalid LOGON message, disconnecting: ", "Skipping invalid message: "
    };

    private final LogFactory delegate;
    private final GatewayCounters counters;
    private final AuditingWireRecorder auditor;

    /**
     * @param delegate the log factory that writes the session logs.
     * @param counters where discards are counted.
     * @param auditor  where discards are journalled, or null without an audit trail.
     */
    public DiscardRecordingLogFactory(
        final LogFactory delegate, final GatewayCounters counters, final AuditingWireRecorder auditor)
    {
        this.delegate = delegate;
        this.counters = counters;
        this.auditor = auditor;
    }

    /**
     * {@inheritDoc}
     */
    public Log create(final SessionID sessionId)
    {
        return new DiscardRecordingLog(sessionId, delegate.create(sessionId));
    }

    static boolean isDiscard(final String errorText)
    {
        for (final String prefix : DISCARD_PREFIXES)
        {
            if (errorText.startsWith(prefix))
            {
                return true;
            }
        }
        return false;
    }

    private final class DiscardRecordingLog implements Log
    {
        private final SessionID sessionId;
        private final Log log;
        private final ThreadLocal<String> lastIncoming = new ThreadLocal<>();

        DiscardRecordingLog(final SessionID sessionId, final Log log)
        {
            this.sessionId = sessionId;
            this.log = log;
        }

        public void clear()
        {
            log.clear();
        }

        public void onIncoming(final String message)
        {
            // The I/O thread logs each message before parsing it; a parse failure is reported on that thread next.
            lastIncoming.set(message);
            log.onIncoming(message);
        }

        public void onOutgoing(final String message)
        {
            log.onOutgoing(message);
        }

        public void onEvent(final String text)
        {
            log.onEvent(text);
        }

        public void onWarnEvent(final String text)
        {
            log.onWarnEvent(text);
        }

        public void onErrorEvent(final String text)
        {
            log.onErrorEvent(text);
            if (isDiscard(text))
            {
                counters.onGarbledDiscarded();
                if (null != auditor)
                {
                    final String raw = lastIncoming.get();
                    auditor.onDiscarded(sessionId, null == raw ? "" : raw, text);
                }
            }
        }
    }
}
