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

import io.tickwire.fix.audit.AuditEntry;
import quickfix.FieldMap;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.field.MsgSeqNum;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.OrdType;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.field.TimeInForce;

import java.util.HashMap;
import java.util.Map;

/**
 * Copies the order fields of a FIX message into an {@link AuditEntry}; shared by the inbound and outbound audit
 * hooks. Missing fields stay at the entry's null values.
 */
final class AuditFields
{
    private final Map<SessionID, String> sessionNames = new HashMap<>();

    void copy(final Message message, final SessionID sessionId, final AuditEntry entry)
    {
        entry.sessionId(sessionNames.computeIfAbsent(sessionId, SessionID::toString))
            .clOrdId(string(message, ClOrdID.FIELD))
            .origClOrdId(string(message, OrigClOrdID.FIELD))
            .symbol(string(message, Symbol.FIELD))
            .text(string(message, Text.FIELD))
            .side(character(message, Side.FIELD))
            .orderType(character(message, OrdType.FIELD))
            .timeInForce(character(message, TimeInForce.FIELD))
            .execType(character(message, ExecType.FIELD))
            .orderQuantity(quantity(message, OrderQty.FIELD))
            .price(price(message, Price.FIELD))
            .lastQuantity(quantity(message, LastQty.FIELD))
            .lastPrice(price(message, LastPx.FIELD))
            .cumulativeQuantity(quantity(message, CumQty.FIELD))
            .leavesQuantity(quantity(message, LeavesQty.FIELD))
            .orderId(quantity(message, OrderID.FIELD));
        final FieldMap header = message.getHeader();
        if (header.isSetField(MsgSeqNum.FIELD))
        {
            try
            {
                entry.msgSeqNum(header.getInt(MsgSeqNum.FIELD));
            }
            catch (final FieldNotFound ignore)
            {
                // Checked just above.
            }
        }
    }

    static String string(final FieldMap message, final int tag)
    {
        try
        {
            return message.isSetField(tag) ? message.getString(tag) : null;
        }
        catch (final FieldNotFound ex)
        {
            return null;
        }
    }

    private static char character(final FieldMap message, final int tag)
    {
        final String value = string(message, tag);
        return null == value || value.isEmpty() ? 0 : value.charAt(0);
    }

    private static long quantity(final FieldMap message, final int tag)
    {
        final String value = string(message, tag);
        if (null == value)
        {
            return 0;
        }
        final long parsed = FixDecimals.parseQuantity(value);
        return FixDecimals.INVALID == parsed ? 0 : parsed;
    }

    private static long price(final FieldMap message, final int tag)
    {
        final String value = string(message, tag);
        if (null == value)
        {
            return AuditEntry.NULL_PRICE;
        }
        final long parsed = FixDecimals.parsePrice(value);
        return FixDecimals.INVALID == parsed ? AuditEntry.NULL_PRICE : parsed;
    }
}
