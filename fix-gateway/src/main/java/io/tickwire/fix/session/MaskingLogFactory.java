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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Log;
import quickfix.LogFactory;
import quickfix.SLF4JLogFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.function.BooleanSupplier;

/**
 * Wraps any QuickFIX/J {@link LogFactory} (file, SLF4J, screen) so that the session logs it writes never hold a
 * password: every message and event text goes through {@link SecretMasking#mask(String)} first.
 * <p>
 * QuickFIX/J's own logs write a Logon as received or sent, {@code 554=} and all; wrapping the factory is the one
 * place that covers every log the sessions write, whatever the backend. What QuickFIX/J logs outside a session's
 * log (its class loggers) is not seen here.
 * <p>
 * Masking is a scan of the whole message, on the session thread, for every message in and out. Over QuickFIX/J's
 * SLF4J log with its default message categories, whose loggers are usually off (the audit journal keeps the
 * messages), {@link #slf4j(SessionSettings)} asks the logger first and skips the scan of a message nobody logs.
 */
public final class MaskingLogFactory implements LogFactory
{
    private static final BooleanSupplier ALWAYS = () -> true;

    private final LogFactory delegate;
    private final BooleanSupplier incomingLogged;
    private final BooleanSupplier outgoingLogged;

    /**
     * @param delegate the log factory that writes the logs; every message is masked.
     */
    public MaskingLogFactory(final LogFactory delegate)
    {
        this(delegate, ALWAYS, ALWAYS);
    }

    private MaskingLogFactory(
        final LogFactory delegate, final BooleanSupplier incomingLogged, final BooleanSupplier outgoingLogged)
    {
        this.delegate = delegate;
        this.incomingLogged = incomingLogged;
        this.outgoingLogged = outgoingLogged;
    }

    /**
     * QuickFIX/J's SLF4J log, masked. With the default message categories ({@code quickfixj.msg.incoming},
     * {@code quickfixj.msg.outgoing}) a message is masked only while its logger logs at INFO, the level
     * QuickFIX/J logs messages at; with categories of one's own every message is masked.
     *
     * @param settings the sessions' settings.
     * @return the masked factory.
     */
    public static MaskingLogFactory slf4j(final SessionSettings settings)
    {
        final SLF4JLogFactory delegate = new SLF4JLogFactory(settings);
        if (settings.isSetting(SLF4JLogFactory.SETTING_INMSG_CATEGORY) ||
            settings.isSetting(SLF4JLogFactory.SETTING_OUTMSG_CATEGORY) ||
            hasSessionSetting(settings))
        {
            return new MaskingLogFactory(delegate);
        }
        final Logger incoming = LoggerFactory.getLogger("quickfixj.msg.incoming");
        final Logger outgoing = LoggerFactory.getLogger("quickfixj.msg.outgoing");
        return new MaskingLogFactory(delegate, incoming::isInfoEnabled, outgoing::isInfoEnabled);
    }

    private static boolean hasSessionSetting(final SessionSettings settings)
    {
        for (final Iterator<SessionID> it = settings.sectionIterator(); it.hasNext(); )
        {
            final SessionID sessionId = it.next();
            if (settings.isSetting(sessionId, SLF4JLogFactory.SETTING_INMSG_CATEGORY) ||
                settings.isSetting(sessionId, SLF4JLogFactory.SETTING_OUTMSG_CATEGORY))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * {@inheritDoc}
     */
    public Log create(final SessionID sessionId)
    {
        return new MaskingLog(delegate.create(sessionId), incomingLogged, outgoingLogged);
    }

    private static final class MaskingLog implements Log, Closeable
    {
        private final Log log;
        private final BooleanSupplier incomingLogged;
        private final BooleanSupplier outgoingLogged;

        MaskingLog(final Log log, final BooleanSupplier incomingLogged, final BooleanSupplier outgoingLogged)
        {
            this.log = log;
            this.incomingLogged = incomingLogged;
            this.outgoingLogged = outgoingLogged;
        }

        public void clear()
        {
            log.clear();
        }

        public void onIncoming(final String message)
        {
            if (incomingLogged.getAsBoolean())
            {
                log.onIncoming(SecretMasking.mask(message));
            }
        }

        public void onOutgoing(final String message)
        {
            if (outgoingLogged.getAsBoolean())
            {
                log.onOutgoing(SecretMasking.mask(message));
            }
        }

        public void onEvent(final String text)
        {
            log.onEvent(SecretMasking.mask(text));
        }

        public void onWarnEvent(final String text)
        {
            log.onWarnEvent(SecretMasking.mask(text));
        }

        public void onErrorEvent(final String text)
        {
            log.onErrorEvent(SecretMasking.mask(text));
        }

        public void close() throws IOException
        {
            // QuickFIX/J closes a session's log only if it is Closeable: a file log would stay open behind us.
            if (log instanceof Closeable)
            {
                ((Closeable)log).close();
            }
        }
    }
}
