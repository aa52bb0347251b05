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

import io.tickwire.agent.ThreadingProfile;
import io.tickwire.fix.audit.AuditSync;
import io.tickwire.fix.session.GatewayApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import quickfix.ConfigError;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link GatewayContext#conclude()} reads every gateway key before anything starts: a bad value fails with a
 * {@link ConfigError} naming its key, and no media driver, journal or cluster member has been started or created.
 */
@Timeout(60)
class GatewayContextTest
{
    private static final SessionID DEFAULTS = new SessionID("DEFAULT", "", "");

    @TempDir
    Path dir;

    private SessionSettings settings() throws Exception
    {
        final SessionSettings settings = GatewayTestSupport.settings(dir, GatewayTestSupport.freePort());
        settings.setString(GatewayConfiguration.MARKET_DATA_CHANNEL_PROP_NAME, "aeron:ipc");
        settings.setString(GatewayConfiguration.AERON_DIR_PROP_NAME, dir.resolve("aeron").toString());
        settings.setString(GatewayConfiguration.AUDIT_DIRECTORY_PROP_NAME, dir.resolve("audit").toString());
        return settings;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "TickwireInstruments|AAPL",
        "TickwireReferencePrices|AAPL:cheap",
        "TickwireThreading|pinned",
        "TickwireIdleStrategy|busy-spin",
        "TickwireAuditIdleStrategy|backoff:1,2",
        "TickwireCommandRingCapacity|1000",
        "TickwireEventRingCapacity|4m",
        "TickwireRetainedFinishedOrders|-1",
        "TickwireMarketDataStreamId|x",
        "TickwireEmbeddedMediaDriver|maybe",
        "TickwireSnapshotRequestChannel|239.255.77.7:40461",
        "TickwireSnapshotRequestStreamId|x",
        "TickwireSnapshotResponseChannel|udp://127.0.0.1:40462",
        "TickwireSnapshotResponseChannel|none",
        "TickwireSnapshotResponseStreamId|x",
        "TickwireRequireClockSync|sometimes",
        "TickwireAuditSync|never",
        "TickwireAuditMaxFileSize|1",
        "TickwireClusterBasePort|high",
        "TickwireGatewayId|-1",
        "TickwireGatewayId|256",
        "TickwireMaxMessageSize|0",
        "TickwireSessionQueueLimit|-1",
        "TickwirePreLogonMaxBytes|-1",
        "TickwireLogonTimeoutMs|5s",
        "TickwireMaxConnections|-1",
        "TickwireLogonVerifierThreads|0",
        "TickwireLogonVerifierQueue|0",
        "TickwireMaxResendRequests|-1",
        "TickwireResendWindowMs|0",
        "TickwireLogonMaxFailures|-1",
        "TickwireLogonLockoutMs|0",
        "TickwireLogonLockoutMaxMs|1",
        "TickwireClOrdIdWindow|0",
        "TickwireClOrdIdWindow|many",
        "TickwireClOrdIdWindow|67108865",
    })
    void shouldRejectABadValueNamingItsKeyBeforeAnythingStarts(final String key, final String value)
        throws Exception
    {
        final SessionSettings settings = settings();
        settings.setString(key, value);

        final ConfigError error = assertThrows(ConfigError.class,
            () -> Gateway.launch(new GatewayContext().settings(settings)));

        assertTrue(String.valueOf(error.getMessage()).contains(key), error.toString());
        assertNothingStarted();
    }

    @Test
    void shouldRejectASessionsBadRiskValueBeforeAnythingStarts() throws Exception
    {
        final SessionSettings settings = settings();
        final SessionID session = new SessionID("FIX.4.4", GatewayTestSupport.GATEWAY_COMP_ID, "CLIENT2");
        settings.setString(session, GatewayApplication.SETTING_MAX_ORDER_QTY, "lots");

        final ConfigError error = assertThrows(ConfigError.class,
            () -> Gateway.launch(new GatewayContext().settings(settings)));

        final String message = String.valueOf(error.getMessage());
        assertTrue(message.contains(GatewayApplication.SETTING_MAX_ORDER_QTY), message);
        assertTrue(message.contains(session.toString()), message);
        assertNothingStarted();
    }

    @Test
    void shouldRejectAMissingCredentialsFileBeforeAnythingStarts() throws Exception
    {
        final SessionSettings settings = settings();
        settings.setString(GatewayConfiguration.CREDENTIALS_FILE_PROP_NAME, dir.resolve("missing").toString());

        final ConfigError error = assertThrows(ConfigError.class,
            () -> Gateway.launch(new GatewayContext().settings(settings)));

        assertTrue(String.valueOf(error.getMessage()).contains(GatewayConfiguration.CREDENTIALS_FILE_PROP_NAME),
            error.toString());
        assertNothingStarted();
    }

    @Test
    void shouldRejectClusterMembersWithoutAMediaDriver() throws Exception
    {
        final SessionSettings settings = settings();
        settings.removeSetting(DEFAULTS, GatewayConfiguration.MARKET_DATA_CHANNEL_PROP_NAME);
        settings.setString(GatewayConfiguration.CLUSTER_MEMBERS_PROP_NAME, "localhost");

        final ConfigError error = assertThrows(ConfigError.class, () -> new GatewayContext().settings(settings)
            .conclude());

        assertTrue(String.valueOf(error.getMessage()).contains(GatewayConfiguration.CLUSTER_MEMBERS_PROP_NAME),
            error.toString());
    }

    @Test
    void shouldResolveTypedValuesWithTheContextBeforeTheSettings() throws Exception
    {
        final SessionSettings settings = settings();
        settings.setString(GatewayConfiguration.THREADING_PROP_NAME, "dedicated");
        settings.setString(GatewayConfiguration.IDLE_STRATEGY_PROP_NAME, "backoff:1,2,3,4");
        settings.setString(GatewayConfiguration.AUDIT_SYNC_PROP_NAME, "write");
        settings.setLong(GatewayConfiguration.EVENT_RING_CAPACITY_PROP_NAME, 1 << 16);
        final Path auditOverride = dir.resolve("other-audit");

        final GatewayContext ctx = new GatewayContext().settings(settings).auditDirectory(auditOverride).conclude();

        assertEquals(ThreadingProfile.DEDICATED, ctx.threading);
        assertEquals("backoff:1,2,3,4", ctx.idleStrategyName);
        assertEquals(1 << 16, ctx.eventRingCapacity);
        assertEquals(GatewayConfiguration.COMMAND_RING_CAPACITY_DEFAULT, ctx.commandRingCapacity);
        assertEquals(auditOverride, ctx.resolvedAuditDirectory, "the context's directory wins over the key");
        assertEquals(AuditSync.WRITE, ctx.auditSync);
        assertEquals(dir.resolve("cluster"), ctx.resolvedClusterDirectory);
        assertNull(ctx.clusterIngressEndpoints);
        assertEquals("aeron:ipc", ctx.marketDataChannel);
        assertTrue(ctx.embeddedMediaDriver);
        assertNothingStarted();
    }

    @Test
    void shouldPreferClusterMembersElsewhereToAnEmbeddedMember() throws Exception
    {
        final SessionSettings settings = settings();
        settings.setString(GatewayConfiguration.CLUSTER_MEMBERS_PROP_NAME, "h0,h1,h2");
        settings.setLong(GatewayConfiguration.CLUSTER_BASE_PORT_PROP_NAME, 21_000);

        final GatewayContext ctx = new GatewayContext().settings(settings).conclude();

        assertNull(ctx.resolvedClusterDirectory);
        assertEquals("0=h0:21002,1=h1:21102,2=h2:21202", ctx.clusterIngressEndpoints);
    }

    @Test
    void shouldRefuseASealKeyInsideTheJournalDirectoryAndDefaultToOneBesideIt() throws Exception
    {
        final SessionSettings settings = settings();
        settings.setString(
            GatewayConfiguration.AUDIT_SEAL_KEY_FILE_PROP_NAME, dir.resolve("audit/seal.key").toString());

        final ConfigError error = assertThrows(ConfigError.class,
            () -> Gateway.launch(new GatewayContext().settings(settings)));
        assertTrue(String.valueOf(error.getMessage()).contains(GatewayConfiguration.AUDIT_SEAL_KEY_FILE_PROP_NAME),
            error.toString());
        assertTrue(String.valueOf(error.getMessage()).contains("inside the journal directory"), error.toString());
        assertNothingStarted();

        settings.removeSetting(DEFAULTS, GatewayConfiguration.AUDIT_SEAL_KEY_FILE_PROP_NAME);
        final GatewayContext ctx = new GatewayContext().settings(settings).conclude();
        assertEquals(dir.resolve("audit-seal.key"), ctx.auditSealKeyFile);
        assertFalse(Files.exists(ctx.auditSealKeyFile), "created when the journal opens, not by conclude");

        settings.setString(
            GatewayConfiguration.AUDIT_SEAL_KEY_FILE_PROP_NAME, GatewayConfiguration.AUDIT_SEAL_KEY_NONE);
        assertNull(new GatewayContext().settings(settings).conclude().auditSealKeyFile);
    }

    private void assertNothingStarted()
    {
        assertFalse(Files.exists(dir.resolve("aeron")), "no media driver");
        assertFalse(Files.exists(dir.resolve("audit")), "no audit trail");
        assertFalse(Files.exists(dir.resolve("cluster")), "no cluster member");
    }
}
