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
            .clOrdId(string(message, 11))
            .origClOrdId(string(message, 41))
            .symbol(string(message, 55))
            .text(string(message, 58))
            .side(character(message, 54))
            .orderType(character(message, 40))
            .timeInForce(character(message, 59))
            .execType(character(message, 150))
            .orderQuantity(quantity(message, 38))
            .price(price(message, 44))
            .lastQuantity(quantity(message, 32))
            .lastPrice(price(message, 31))
            .cumulativeQuantity(quantity(message, 14))
            .leavesQuantity(quantity(message, 151))
            .orderId(quantity(message, 37));
        final FieldMap header = message.getHeader();
        if (header.isSetField(34))
        {
            try
            {
                entry.msgSeqNum(header.getInt(34));
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
