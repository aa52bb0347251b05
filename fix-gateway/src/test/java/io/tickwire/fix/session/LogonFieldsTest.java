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

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogonFieldsTest
{
    private static String fix(final String fields)
    {
        return fields.replace('|', '\u0001');
    }

    @Test
    void shouldRecogniseALogonByItsThirdField()
    {
        assertTrue(LogonFields.isLogon(fix("8=FIX.4.4|9=70|35=A|34=1|49=C|56=G|98=0|108=30|10=123|")));
        assertFalse(LogonFields.isLogon(fix("8=FIX.4.4|9=70|35=D|34=2|49=C|56=G|11=A|10=123|")));
        assertFalse(LogonFields.isLogon(fix("8=FIX.4.4|9=70|35=AE|34=2|10=123|")), "TradeCaptureReport");
        assertFalse(LogonFields.isLogon(fix("8=FIX.4.4|9=70|34=1|35=A|10=123|")), "MsgType not third");
        assertFalse(LogonFields.isLogon("8=FIX.4.4"));
        assertFalse(LogonFields.isLogon(""));
    }

    @Test
    void shouldReadUsernameAndPassword()
    {
        final LogonFields fields = LogonFields.parse(
            fix("8=FIX.4.4|9=90|35=A|34=1|49=C|56=G|98=0|108=30|553=alice|554=p=ss|w0rd|10=123|"));
        assertEquals("alice", fields.username);
        assertEquals("p=ss", fields.password, "a value ends at SOH");
    }

    @Test
    void shouldSkipRawDataByItsDeclaredLengthAndKeepTheFirstOccurrence()
    {
        final LogonFields fields = LogonFields.parse(
            fix("8=FIX.4.4|9=90|35=A|95=12|96=|553=mallory|553=alice|554=secret|554=other|10=123|"));
        assertEquals("alice", fields.username, "553 inside RawData is data");
        assertEquals("secret", fields.password);
    }

    @Test
    void shouldReportAbsentFieldsAsNull()
    {
        final LogonFields fields = LogonFields.parse(fix("8=FIX.4.4|9=20|35=A|98=0|10=123|"));
        assertNull(fields.username);
        assertNull(fields.password);
        final LogonFields garbage = LogonFields.parse("no fields at all");
        assertNull(garbage.username);
        assertNull(garbage.password);
    }
}
