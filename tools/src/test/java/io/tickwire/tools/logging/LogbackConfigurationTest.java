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
package io.tickwire.tools.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.status.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The distribution's Logback configuration ({@code config/logback.xml}, also the jar's default): QuickFIX/J's
 * session events and messages in {@code quickfixj.log}, the rest in {@code tickwire.log}, both under
 * {@code tickwire.log.dir}, rolled by size and bounded; warnings and errors only on the console (stderr); secrets
 * masked in every line, whoever logs them.
 */
@Timeout(60)
class LogbackConfigurationTest
{
    private static final char SOH = '\u0001';
    private static final String PASSWORD = "s3cret-pass";
    private static final String LOGON = "8=FIX.4.4" + SOH + "9=80" + SOH + "35=A" + SOH + "34=1" + SOH + "49=CLIENT1" +
        SOH + "56=TWGW" + SOH + "98=0" + SOH + "108=30" + SOH + "553=alice" + SOH + "554=" + PASSWORD + SOH + "10=123" +
        SOH;

    @TempDir
    Path dir;

    @Test
    void shouldBeTheFileTheLauncherPasses() throws Exception
    {
        final Path shipped = Path.of(System.getProperty("user.dir")).resolve("../config/logback.xml").normalize();
        try (InputStream jarDefault = defaultConfiguration().openStream())
        {
            assertEquals(Files.readString(shipped), new String(jarDefault.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldSplitSessionLogsFromTheRestMaskSecretsAndShowOnlyWarningsOnTheConsole() throws Exception
    {
        final ByteArrayOutputStream console = new ByteArrayOutputStream();
        final LoggerContext context = configure(Map.of("tickwire.log.messages.level", "INFO"), console);
        withConsole(console, () ->
        {
            context.getLogger("quickfixj.event").info("FIX.4.4:TWGW->CLIENT1: Received logon");
            // The gateway masks its session logs itself; the configuration masks what reaches it unmasked too.
            context.getLogger("quickfixj.msg.incoming").info("FIX.4.4:TWGW->CLIENT1: " + LOGON);
            context.getLogger("quickfixj.errorEvent").error("FIX.4.4:TWGW->CLIENT1: Logon rejected");
            context.getLogger("quickfix.mina.acceptor.AcceptorIoHandler")
                .error("Disconnecting; received message for unknown session: {}", LOGON);
            context.getLogger("io.tickwire.fix.gateway.Gateway").info("gateway started");
            context.getLogger("io.tickwire.fix.gateway.Gateway").debug("debug detail");
            context.stop();
        });

        final String session = Files.readString(dir.resolve("quickfixj.log"), StandardCharsets.ISO_8859_1);
        final String rest = Files.readString(dir.resolve("tickwire.log"), StandardCharsets.ISO_8859_1);
        final String err = console.toString(StandardCharsets.ISO_8859_1);

        assertContains(session, "Received logon", "Logon rejected", SOH + "553=alice" + SOH + "554=***" + SOH);
        assertLacks(session, PASSWORD, "gateway started", "unknown session");
        assertContains(rest, "gateway started", "unknown session: 8=FIX.4.4", SOH + "554=***" + SOH);
        assertLacks(rest, PASSWORD, "Received logon", "Logon rejected", "debug detail");
        assertContains(err, "Logon rejected", "unknown session: 8=FIX.4.4", SOH + "554=***" + SOH);
        assertLacks(err, PASSWORD, "gateway started", "Received logon");
    }

    @Test
    void shouldLeaveMessagesToTheAuditJournalByDefaultAndKeepTheEvents() throws Exception
    {
        final LoggerContext context = configure(Map.of(), new ByteArrayOutputStream());
        context.getLogger("quickfixj.event").info("FIX.4.4:TWGW->CLIENT1: Received logon");
        context.getLogger("quickfixj.msg.incoming").info("FIX.4.4:TWGW->CLIENT1: " + LOGON);
        context.getLogger("quickfixj.msg.outgoing").info("FIX.4.4:TWGW->CLIENT1: 8=FIX.4.4" + SOH + "35=0" + SOH);
        context.stop();

        final String session = Files.readString(dir.resolve("quickfixj.log"), StandardCharsets.ISO_8859_1);
        assertContains(session, "Received logon");
        assertLacks(session, "8=FIX.4.4");
    }

    @Test
    void shouldRollBySizeAndKeepABoundedNumberOfFiles() throws Exception
    {
        final LoggerContext context = configure(
            Map.of("tickwire.log.maxFileSize", "1KB", "tickwire.log.maxFiles", "1"), new ByteArrayOutputStream());
        final Logger logger = context.getLogger("quickfixj.event");
        for (int rollover = 0; rollover < 3; rollover++)
        {
            for (int i = 0; i < 20; i++)
            {
                logger.info("FIX.4.4:TWGW->CLIENT1: event {} of {}, long enough to fill a kilobyte soon", i, rollover);
            }
            // The size is looked at once a second.
            Thread.sleep(1_100);
            logger.info("FIX.4.4:TWGW->CLIENT1: after {}", rollover);
        }
        context.stop();

        assertTrue(Files.exists(dir.resolve("quickfixj.log")));
        assertTrue(Files.exists(dir.resolve("quickfixj.1.log")), "rolled over by size");
        assertFalse(Files.exists(dir.resolve("quickfixj.2.log")), "tickwire.log.maxFiles=1 older file kept");
        assertTrue(Files.size(dir.resolve("quickfixj.1.log")) < 4096, "" + Files.size(dir.resolve("quickfixj.1.log")));
    }

    private static URL defaultConfiguration()
    {
        final URL url = LogbackConfigurationTest.class.getResource("/logback.xml");
        assertNotNull(url, "logback.xml is in the jar");
        return url;
    }

    /**
     * A context of its own, configured from the jar's default file as the launcher's {@code -D} options would:
     * the tests' own logging is left alone.
     */
    private LoggerContext configure(final Map<String, String> properties, final ByteArrayOutputStream console)
    {
        final LoggerContext context = new LoggerContext();
        // SLF4J gives the context it binds an MDC adapter; one made by hand needs its own.
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putProperty("tickwire.log.dir", dir.toString());
        properties.forEach(context::putProperty);
        withConsole(console, () ->
        {
            try
            {
                final JoranConfigurator configurator = new JoranConfigurator();
                configurator.setContext(context);
                configurator.doConfigure(defaultConfiguration());
            }
            catch (final Exception ex)
            {
                throw new IllegalStateException(ex);
            }
        });
        // Logback reports a bad configuration in its status list and carries on: a warning here fails the test.
        final int highest = context.getStatusManager().getCopyOfStatusList().stream()
            .mapToInt(Status::getLevel).max().orElse(Status.INFO);
        assertTrue(highest < Status.WARN, () -> "configuration warnings: " +
            context.getStatusManager().getCopyOfStatusList());
        return context;
    }

    private static void withConsole(final ByteArrayOutputStream console, final Runnable action)
    {
        final PrintStream stderr = System.err;
        System.setErr(new PrintStream(console, true, StandardCharsets.ISO_8859_1));
        try
        {
            action.run();
        }
        finally
        {
            System.setErr(stderr);
        }
    }

    private static void assertContains(final String text, final String... parts)
    {
        for (final String part : parts)
        {
            assertTrue(text.contains(part), () -> "no '" + part.replace(SOH, '|') + "' in:\n" + text.replace(SOH, '|'));
        }
    }

    private static void assertLacks(final String text, final String... parts)
    {
        for (final String part : parts)
        {
            assertFalse(text.contains(part), () -> "'" + part + "' in:\n" + text.replace(SOH, '|'));
        }
    }
}
