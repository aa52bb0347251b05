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

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import quickfix.Log;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link SecretMasking} masks the values of the secret fields wherever they are in a message, and nothing else;
 * {@link MaskingLogFactory} hands its log only masked texts.
 */
class SecretMaskingTest
{
    /**
     * Messages written with '|' for SOH, for reading.
     */
    private static String fix(final String text)
    {
        return text.replace('|', '\u0001');
    }

    private static void assertMasked(final String expected, final String message)
    {
        assertEquals(fix(expected), SecretMasking.mask(fix(message)), message);
    }

    @Test
    void shouldMaskPasswordInALogon()
    {
        assertMasked("8=FIX.4.4|9=80|35=A|34=1|49=C|56=G|98=0|108=30|553=alice|554=***|10=123|",
            "8=FIX.4.4|9=80|35=A|34=1|49=C|56=G|98=0|108=30|553=alice|554=s3cret|10=123|");
    }

    @Test
    void shouldMaskAtTheStartInTheMiddleAndAtTheEndWithoutSoh()
    {
        assertMasked("554=***|553=alice|", "554=s3cret|553=alice|");
        assertMasked("553=alice|554=***|58=x|", "553=alice|554=s3cret|58=x|");
        assertMasked("553=alice|554=***", "553=alice|554=s3cret");
        assertMasked("554=***", "554=s3cret");
    }

    @Test
    void shouldMaskOnlyWholeTagsNotTagsThatContainOrResembleOne()
    {
        final String message = fix("35=D|5540=x|1554=y|55=554=z|58=pass 554=w|9250=v|");
        assertSame(message, SecretMasking.mask(message));
    }

    @Test
    void shouldMaskSeveralSecretsAndEmptyValues()
    {
        assertMasked("35=BE|553=alice|554=***|925=***|58=hi|", "35=BE|553=alice|554=old|925=new|58=hi|");
        assertMasked("35=A|554=***|925=***|", "35=A|554=|925=|");
        assertMasked("35=A|554=***|554=***|", "35=A|554=a|554=b|");
    }

    @Test
    void shouldMaskEncryptedPasswordsOverTheirDeclaredLengthEvenWithSohInside()
    {
        assertMasked("35=A|1400=101|1401=5|1402=***|1403=3|1404=***|10=1|",
            "35=A|1400=101|1401=5|1402=ab|de|1403=3|1404=x|y|10=1|");
    }

    @Test
    void shouldMaskUpToTheNextSohWhenTheDeclaredLengthIsTooShortAndToTheEndWhenTooLong()
    {
        assertMasked("35=A|1401=1|1402=***|10=1|", "35=A|1401=1|1402=longer|10=1|");
        assertMasked("35=A|1401=99|1402=***", "35=A|1401=99|1402=short|10=1|");
    }

    @Test
    void shouldMaskRawDataInALogonOnly()
    {
        assertMasked("8=FIX.4.2|35=A|95=6|96=***|98=0|", "8=FIX.4.2|35=A|95=6|96=ab|cde|98=0|");
        final String news = fix("8=FIX.4.2|35=B|148=headline|95=4|96=text|");
        assertSame(news, SecretMasking.mask(news));
    }

    @Test
    void shouldMaskAMessageInsideAnEventText()
    {
        assertMasked("Rejecting invalid message: quickfix.FieldException: x: 8=FIX.4.4|35=A|554=***|10=1|",
            "Rejecting invalid message: quickfix.FieldException: x: 8=FIX.4.4|35=A|554=pw|10=1|");
        assertMasked("FIX.4.4:TWGW->C1: 8=FIX.4.4|35=BE|554=***|", "FIX.4.4:TWGW->C1: 8=FIX.4.4|35=BE|554=pw|");
    }

    @Test
    void shouldReturnTheSameStringWhenThereIsNothingToMaskOrItIsMaskedAlready()
    {
        final String order = fix("8=FIX.4.4|9=120|35=D|34=7|49=C|56=G|11=O1|55=AAPL|54=1|38=100|40=2|44=10|10=055|");
        assertSame(order, SecretMasking.mask(order));
        final String masked = SecretMasking.mask(fix("35=A|1401=3|1402=abc|554=pw|"));
        assertSame(masked, SecretMasking.mask(masked));
        final String text = "Created session: FIX.4.4:TWGW->CLIENT1";
        assertSame(text, SecretMasking.mask(text));
        assertSame("", SecretMasking.mask(""));
        assertNull(SecretMasking.mask(null));
    }

    @Test
    void shouldNotTakeLongDigitRunsOrJunkForTags()
    {
        final String junk = fix("99999999554=x|=|554|12345678=y|");
        assertSame(junk, SecretMasking.mask(junk));
        assertMasked("||554=***", "||554=pw");
    }

    @Test
    void shouldHandTheLogOnlyMaskedTextsAndCloseIt() throws Exception
    {
        final List<String> written = new ArrayList<>();
        final boolean[] closed = new boolean[1];
        final MaskingLogFactory factory = new MaskingLogFactory((sessionId) -> new RecordingLog(written, closed));
        final Log log = factory.create(new SessionID("FIX.4.4", "TWGW", "CLIENT1"));
        log.onIncoming(fix("35=A|554=in|"));
        log.onOutgoing(fix("35=A|554=out|"));
        log.onEvent(fix("event 8=FIX.4.4|554=ev|"));
        log.onWarnEvent(fix("warn 8=FIX.4.4|925=wa|"));
        log.onErrorEvent(fix("error 8=FIX.4.4|1401=2|1402=er|"));
        assertEquals(List.of(fix("in 35=A|554=***|"), fix("out 35=A|554=***|"), fix("event event 8=FIX.4.4|554=***|"),
            fix("warn warn 8=FIX.4.4|925=***|"), fix("error error 8=FIX.4.4|1401=2|1402=***|")), written);
        assertTrue(log instanceof Closeable);
        ((Closeable)log).close();
        assertTrue(closed[0], "the file log behind it is closed with the session");
    }

    @Test
    void shouldMaskForTheSlf4jMessageLoggersOnlyWhileTheyLog()
    {
        final LoggerContext context = (LoggerContext)LoggerFactory.getILoggerFactory();
        final Logger incoming = context.getLogger("quickfixj.msg.incoming");
        final Level levelBefore = incoming.getLevel();
        final ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        incoming.addAppender(captured);
        try
        {
            final Log log = MaskingLogFactory.slf4j(new SessionSettings())
                .create(new SessionID("FIX.4.4", "TWGW", "CLIENT1"));
            incoming.setLevel(Level.OFF);
            log.onIncoming(fix("35=A|554=off|"));
            assertEquals(List.of(), captured.list, "nothing logged while the logger is off");

            incoming.setLevel(Level.INFO);
            log.onIncoming(fix("35=A|554=on|"));
            assertEquals(1, captured.list.size());
            final String logged = captured.list.get(0).getFormattedMessage();
            assertTrue(logged.endsWith(fix("35=A|554=***|")), logged);
        }
        finally
        {
            incoming.detachAppender(captured);
            incoming.setLevel(levelBefore);
        }
    }

    private static final class RecordingLog implements Log, Closeable
    {
        private final List<String> written;
        private final boolean[] closed;

        RecordingLog(final List<String> written, final boolean[] closed)
        {
            this.written = written;
            this.closed = closed;
        }

        public void clear()
        {
        }

        public void onIncoming(final String message)
        {
            written.add("in " + message);
        }

        public void onOutgoing(final String message)
        {
            written.add("out " + message);
        }

        public void onEvent(final String text)
        {
            written.add("event " + text);
        }

        public void onWarnEvent(final String text)
        {
            written.add("warn " + text);
        }

        public void onErrorEvent(final String text)
        {
            written.add("error " + text);
        }

        public void close()
        {
            closed[0] = true;
        }
    }
}
