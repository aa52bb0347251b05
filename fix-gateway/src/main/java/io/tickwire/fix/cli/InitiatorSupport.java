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
package io.tickwire.fix.cli;

import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.SessionSettings;

/**
 * The client side of a session with the gateway, as every QuickFIX/J order client of it does it (the command line
 * clients, the demo, the end-to-end benchmark and the test client): the initiator settings, the credentials on
 * Logon and the reason the gateway gives for a refusal. One place, so that a session option the gateway comes to
 * need (say, a new FIX version's default application version) reaches all of them.
 */
public final class InitiatorSupport
{
    private InitiatorSupport()
    {
    }

    /**
     * Settings for one initiator session that is always in session, resets sequence numbers on Logon, logs on
     * again a second after a disconnect, stamps microseconds and sends with TCP_NODELAY.
     *
     * @param host      gateway host.
     * @param port      gateway FIX port.
     * @param sessionId session; its BeginString chooses the version options (FIX.4.2, FIXT.1.1).
     * @return settings to which the caller may add its own.
     */
    public static SessionSettings create(final String host, final int port, final SessionID sessionId)
    {
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "initiator");
        settings.setString("SocketConnectHost", host);
        settings.setLong("SocketConnectPort", port);
        settings.setString("StartTime", "00:00:00");
        settings.setString("EndTime", "00:00:00");
        settings.setLong("HeartBtInt", 30);
        settings.setLong("ReconnectInterval", 1);
        settings.setString("ResetOnLogon", "Y");
        settings.setString("TimeStampPrecision", "MICROS");
        settings.setString("SocketTcpNoDelay", "Y");
        final String beginString = sessionId.getBeginString();
        if ("FIX.4.2".equals(beginString))
        {
            // FIX 4.2 has no Username/Password in Logon: let 553/554 through the 4.2 dictionary.
            settings.setString(sessionId, "AllowUnknownMsgFields", "Y");
        }
        if ("FIXT.1.1".equals(beginString))
        {
            settings.setString(sessionId, "DefaultApplVerID", "FIX.5.0SP2");
        }
        settings.setString(sessionId, "BeginString", beginString);
        return settings;
    }

    /**
     * Adds Username (553) and Password (554, empty when null) to an outbound Logon; other messages, and every
     * message when the username is null, pass unchanged. Call from {@code Application.toAdmin}.
     *
     * @param message  outbound admin message.
     * @param username Username (553) or null for none.
     * @param password Password (554) or null.
     */
    public static void addCredentials(final Message message, final String username, final String password)
    {
        try
        {
            if (null != username && "A".equals(message.getHeader().getString(35)))
            {
                message.setString(553, username);
                message.setString(554, null == password ? "" : password);
            }
        }
        catch (final FieldNotFound ignore)
        {
            // Every outbound message has a MsgType.
        }
    }

    /**
     * Why the gateway ended or refused a session, from the Text (58) of its Logout or session Reject. Call from
     * {@code Application.fromAdmin}.
     *
     * @param message inbound admin message.
     * @return the reason, or null when the message is neither or carries no Text.
     */
    public static String refusal(final Message message)
    {
        try
        {
            final String msgType = message.getHeader().getString(35);
            if (("5".equals(msgType) || "3".equals(msgType)) && message.isSetField(58))
            {
                return ("5".equals(msgType) ? "logged out by the gateway: " : "session reject from the gateway: ") +
                    message.getString(58);
            }
        }
        catch (final FieldNotFound ignore)
        {
            // Checked with isSetField; every message has a MsgType.
        }
        return null;
    }
}
