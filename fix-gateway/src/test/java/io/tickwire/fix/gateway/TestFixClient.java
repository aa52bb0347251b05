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
package io.tickwire.fix.gateway;

import io.tickwire.fix.cli.InitiatorSupport;
import quickfix.Application;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SLF4JLogFactory;
import quickfix.SocketInitiator;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real QuickFIX/J initiator for tests: records every inbound message, sends Username/Password on Logon.
 */
final class TestFixClient implements Application, AutoCloseable
{
    final BlockingQueue<Message> appMessages = new LinkedBlockingQueue<>();
    final BlockingQueue<Message> adminMessages = new LinkedBlockingQueue<>();
    final SessionID sessionId;
    private final String username;
    private final String password;
    private final SocketInitiator initiator;
    private volatile boolean loggedOn;

    TestFixClient(
        final String beginString,
        final String senderCompId,
        final int port,
        final String username,
        final String password,
        final boolean ssl) throws Exception
    {
        this(beginString, senderCompId, port, username, password, ssl ? new String[0] : null, true);
    }

    TestFixClient(
        final String beginString,
        final String senderCompId,
        final int port,
        final String username,
        final String password,
        final String[] sslSettings,
        final boolean resetOnLogon) throws Exception
    {
        this.username = username;
        this.password = password;
        sessionId = new SessionID(beginString, senderCompId, GatewayTestSupport.GATEWAY_COMP_ID);
        final SessionSettings settings = InitiatorSupport.create("127.0.0.1", port, sessionId);
        settings.setString("ResetOnLogon", resetOnLogon ? "Y" : "N");
        if (null != sslSettings)
        {
            settings.setString("SocketUseSSL", "Y");
            for (int i = 0; i + 1 < sslSettings.length; i += 2)
            {
                settings.setString(sslSettings[i], sslSettings[i + 1]);
            }
        }
        if (null != System.getProperty("tickwire.test.fixlog"))
        {
            settings.setString("FileLogPath", System.getProperty("tickwire.test.fixlog") + "-client");
        }
        final boolean fileLog = null != System.getProperty("tickwire.test.fixlog");
        initiator = new SocketInitiator(this, new MemoryStoreFactory(), settings,
            fileLog ? new quickfix.FileLogFactory(settings) : new SLF4JLogFactory(settings),
            new DefaultMessageFactory());
        initiator.start();
    }

    boolean awaitLogon(final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + timeoutMs;
        while (!loggedOn && System.currentTimeMillis() < deadline)
        {
            Thread.sleep(10);
        }
        return loggedOn;
    }

    boolean isLoggedOn()
    {
        return loggedOn;
    }

    void send(final Message message)
    {
        Session.lookupSession(sessionId).send(message);
    }

    Message next() throws InterruptedException
    {
        return appMessages.poll(10, TimeUnit.SECONDS);
    }

    Message nextAdmin(final String msgType) throws InterruptedException, FieldNotFound
    {
        while (true)
        {
            final Message message = adminMessages.poll(10, TimeUnit.SECONDS);
            if (null == message || msgType.equals(message.getHeader().getString(35)))
            {
                return message;
            }
        }
    }

    public void onCreate(final SessionID sessionId)
    {
    }

    public void onLogon(final SessionID sessionId)
    {
        loggedOn = true;
    }

    public void onLogout(final SessionID sessionId)
    {
        loggedOn = false;
    }

    public void toAdmin(final Message message, final SessionID sessionId)
    {
        InitiatorSupport.addCredentials(message, username, password);
    }

    public void fromAdmin(final Message message, final SessionID sessionId)
    {
        adminMessages.add(message);
    }

    public void toApp(final Message message, final SessionID sessionId)
    {
    }

    public void fromApp(final Message message, final SessionID sessionId)
    {
        appMessages.add(message);
    }

    public void close()
    {
        initiator.stop(true);
    }
}
