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
package io.tickwire.perf.e2e;

import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.FileStoreFactory;
import quickfix.Message;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.UtcTimestampPrecision;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The latency baseline: a bare QuickFIX/J acceptor, same settings as the gateway, that answers each
 * NewOrderSingle with an ExecutionReport(New) straight from {@code fromApp} - no stamp, audit, risk, rings or
 * matching.
 */
public final class BareAckAcceptor implements Application, AutoCloseable
{
    private final SocketAcceptor acceptor;
    private long orderId;

    /**
     * @param settings acceptor settings (the same the gateway gets).
     * @throws ConfigError if QuickFIX/J rejects them.
     */
    public BareAckAcceptor(final SessionSettings settings) throws ConfigError
    {
        acceptor = new SocketAcceptor(this, new FileStoreFactory(settings), settings, new SLF4JLogFactory(settings),
            new DefaultMessageFactory());
        acceptor.start();
    }

    /**
     * {@inheritDoc}
     */
    public void fromApp(final Message message, final SessionID sessionId) throws FieldNotFound
    {
        if (!"D".equals(message.getHeader().getString(35)))
        {
            return;
        }
        final Message report = new Message();
        report.getHeader().setString(35, "8");
        report.setString(37, Long.toString(++orderId));
        report.setString(11, message.getString(11));
        report.setString(17, Long.toString(orderId));
        report.setChar(150, '0');
        report.setChar(39, '0');
        report.setString(55, message.getString(55));
        report.setChar(54, message.getChar(54));
        report.setChar(40, message.getChar(40));
        report.setString(38, message.getString(38));
        report.setString(44, message.getString(44));
        report.setString(151, message.getString(38));
        report.setString(14, "0");
        report.setString(6, "0");
        report.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC), UtcTimestampPrecision.MICROS);
        Session.lookupSession(sessionId).send(report);
    }

    /**
     * {@inheritDoc}
     */
    public void onCreate(final SessionID sessionId)
    {
    }

    /**
     * {@inheritDoc}
     */
    public void onLogon(final SessionID sessionId)
    {
    }

    /**
     * {@inheritDoc}
     */
    public void onLogout(final SessionID sessionId)
    {
    }

    /**
     * {@inheritDoc}
     */
    public void toAdmin(final Message message, final SessionID sessionId)
    {
    }

    /**
     * {@inheritDoc}
     */
    public void fromAdmin(final Message message, final SessionID sessionId)
    {
    }

    /**
     * {@inheritDoc}
     */
    public void toApp(final Message message, final SessionID sessionId)
    {
    }

    /**
     * Stop accepting.
     */
    public void close()
    {
        acceptor.stop(true);
    }
}
