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
package io.tickwire.fix.conformance;

import quickfix.Application;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.UnsupportedMessageType;
import quickfix.field.ClOrdID;
import quickfix.field.MsgType;
import quickfix.field.PossResend;

import java.util.HashSet;
import java.util.Set;

/**
 * The acceptance harness's "reflector": echoes each NewOrderSingle (and SecurityDefinition) back to the sender,
 * ignores a PossResend order it has already seen, and rejects every other application message type as
 * unsupported (QuickFIX/J answers with a BusinessMessageReject).
 */
final class ReflectorApplication implements Application
{
    private final Set<String> seenOrders = new HashSet<>();

    public void onCreate(final SessionID sessionId)
    {
    }

    public void onLogon(final SessionID sessionId)
    {
    }

    public void onLogout(final SessionID sessionId)
    {
    }

    public void toAdmin(final Message message, final SessionID sessionId)
    {
    }

    public void fromAdmin(final Message message, final SessionID sessionId)
    {
    }

    public void toApp(final Message message, final SessionID sessionId)
    {
    }

    public void fromApp(final Message message, final SessionID sessionId)
        throws FieldNotFound, UnsupportedMessageType
    {
        final String msgType = message.getHeader().getString(MsgType.FIELD);
        if ("D".equals(msgType))
        {
            final boolean possResend = message.getHeader().isSetField(PossResend.FIELD) &&
                message.getHeader().getBoolean(PossResend.FIELD);
            final String key = sessionId + "/" + message.getString(ClOrdID.FIELD);
            if (!seenOrders.add(key) && possResend)
            {
                return;
            }
            echo(message, sessionId);
        }
        else if ("d".equals(msgType))
        {
            echo(message, sessionId);
        }
        else
        {
            throw new UnsupportedMessageType();
        }
    }

    void reset()
    {
        seenOrders.clear();
    }

    private static void echo(final Message message, final SessionID sessionId)
    {
        try
        {
            Session.sendToTarget((Message)message.clone(), sessionId);
        }
        catch (final SessionNotFound ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
