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

import java.io.Closeable;
import java.io.IOException;

/**
 * Wraps any QuickFIX/J {@link LogFactory} (file, SLF4J, screen) so that the session logs it writes never hold a
 * password: every message and event text goes through {@link SecretMasking#mask(String)} first.
 * <p>
 * QuickFIX/J's own logs write a Logon as received or sent, {@code 554=} and all; wrapping the factory is the one
 * place that covers every log the sessions write, whatever the backend. What QuickFIX/J logs outside a session's
 * log (its class loggers) is not seen here.
 */
public final class MaskingLogFactory implements LogFactory
{
    private final LogFactory delegate;

    /**
     * @param delegate the log factory that writes the logs.
     */
    public MaskingLogFactory(final LogFactory delegate)
    {
        this.delegate = delegate;
    }

    /**
     * {@inheritDoc}
     */
    public Log create(final SessionID sessionId)
    {
        return new MaskingLog(delegate.create(sessionId));
    }

    private static final class MaskingLog implements Log, Closeable
    {
        private final Log log;

        MaskingLog(final Log log)
        {
            this.log = log;
        }

        public void clear()
        {
            log.clear();
        }

        public void onIncoming(final String message)
        {
            log.onIncoming(SecretMasking.mask(message));
        }

        public void onOutgoing(final String message)
        {
            log.onOutgoing(SecretMasking.mask(message));
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
