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
package io.tickwire.feed.client;

import io.tickwire.feed.config.ConfigException;
import io.tickwire.feed.config.ShippedConfig;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped {@code config/feed-client.properties} and {@link FeedClientContext#fromProperties(Path)}: every key
 * of the file is known and parses, the file states the built-in defaults, and errors name file, key and value.
 */
@Timeout(30)
class FeedClientPropertiesTest
{
    private static final String SHIPPED = "feed-client.properties";

    @TempDir
    Path dir;

    @Test
    void shouldLoadEveryKeyOfTheShippedFileWithTheBuiltInDefaults()
    {
        final FeedClientContext ctx = FeedClientContext.fromProperties(ShippedConfig.file(SHIPPED));

        assertEquals(FeedClientConfiguration.CHANNEL_DEFAULT, ctx.channel());
        assertEquals(FeedClientConfiguration.STREAM_ID_DEFAULT, ctx.streamId());
        assertEquals(FeedClientConfiguration.SNAPSHOT_REQUEST_CHANNEL_DEFAULT, ctx.snapshotRequestChannel());
        assertEquals(FeedClientConfiguration.SNAPSHOT_REQUEST_STREAM_ID_DEFAULT, ctx.snapshotRequestStreamId());
        assertEquals(FeedClientConfiguration.SNAPSHOT_RESPONSE_CHANNEL_DEFAULT, ctx.snapshotResponseChannel());
        assertEquals(FeedClientConfiguration.SNAPSHOT_RESPONSE_STREAM_ID_DEFAULT, ctx.snapshotResponseStreamId());
        assertEquals(FeedClientConfiguration.SNAPSHOT_TIMEOUT_DEFAULT_NS, ctx.snapshotTimeoutNs);
        assertEquals(FeedClientConfiguration.RECOVERY_BUFFER_CAPACITY_DEFAULT, ctx.recoveryBufferCapacity);
        assertEquals(FeedClientConfiguration.SILENCE_TIMEOUT_DEFAULT_NS, ctx.silenceTimeoutNs());
        assertEquals(FeedClientConfiguration.FRAGMENT_LIMIT_DEFAULT, ctx.fragmentLimit);
        assertFalse(ctx.conflate());
        assertNull(ctx.symbols());
        assertNull(ctx.aeronDirectoryName());
        assertInstanceOf(BackoffIdleStrategy.class, ctx.idleStrategy());
        ctx.conclude();
    }

    @Test
    void shouldKnowAndParseEveryExampleTheShippedFileShowsCommentedOut() throws IOException
    {
        final Path examples = dir.resolve("examples.properties");
        final List<String> keys = ShippedConfig.examples(SHIPPED, examples);

        final FeedClientContext ctx = FeedClientContext.fromProperties(examples);

        assertEquals(List.of(FeedClientConfiguration.AERON_DIR_PROP_NAME, FeedClientConfiguration.SYMBOLS_PROP_NAME),
            keys);
        assertEquals("/dev/shm/aeron-feed", ctx.aeronDirectoryName());
        assertEquals(Set.of("AAPL", "MSFT"), ctx.symbols());
    }

    @Test
    void shouldTakeTheFileOverTheSystemPropertyAndTheSystemPropertyOverTheDefault() throws IOException
    {
        final Path file = write("tickwire.feed.client.stream.id=7",
            "tickwire.feed.client.idle.strategy=yield",
            "tickwire.feed.client.snapshot.request.channel=",
            "tickwire.feed.client.symbols= AAPL , MSFT,");
        System.setProperty(FeedClientConfiguration.STREAM_ID_PROP_NAME, "5");
        System.setProperty(FeedClientConfiguration.FRAGMENT_LIMIT_PROP_NAME, "17");
        try
        {
            final FeedClientContext ctx = FeedClientContext.fromProperties(file);

            assertEquals(7, ctx.streamId());
            assertEquals(17, ctx.fragmentLimit);
            assertEquals(FeedClientConfiguration.CHANNEL_DEFAULT, ctx.channel());
            assertInstanceOf(YieldingIdleStrategy.class, ctx.idleStrategy());
            assertFalse(ctx.recoveryEnabled());
            assertEquals(List.of("AAPL", "MSFT"), List.copyOf(FeedClientConfiguration.parseSymbols(" AAPL , MSFT,")));
            assertEquals(Set.of("AAPL", "MSFT"), ctx.symbols());
        }
        finally
        {
            System.clearProperty(FeedClientConfiguration.STREAM_ID_PROP_NAME);
            System.clearProperty(FeedClientConfiguration.FRAGMENT_LIMIT_PROP_NAME);
        }
    }

    @Test
    void shouldLetSettersOverrideTheFile() throws IOException
    {
        final Path file = write("tickwire.feed.client.stream.id=7");

        final FeedClientContext ctx = FeedClientContext.fromProperties(file).streamId(9);

        assertEquals(9, ctx.streamId());
    }

    @Test
    void shouldRejectAnUnknownKeyNamingItAndTheFile() throws IOException
    {
        final Path file = write("tickwire.feed.client.stream.id=7", "tickwire.feed.client.chanel=aeron:ipc");

        final ConfigException ex = assertThrows(ConfigException.class, () -> FeedClientContext.fromProperties(file));

        assertEquals("tickwire.feed.client.chanel", ex.key());
        assertEquals(file, ex.file());
        assertTrue(ex.getMessage().startsWith(file + ": unknown key 'tickwire.feed.client.chanel'"), ex.getMessage());
    }

    @Test
    void shouldRejectABadValueNamingKeyValueAndExpectedForm() throws IOException
    {
        assertBadValue("tickwire.feed.client.stream.id=ten",
            "bad value for tickwire.feed.client.stream.id: 'ten', expected an integer");
        assertBadValue("tickwire.feed.client.conflate=yes",
            "bad value for tickwire.feed.client.conflate: 'yes', expected true or false");
        assertBadValue("tickwire.feed.client.idle.strategy=spin",
            "bad value for tickwire.feed.client.idle.strategy: 'spin', expected backoff, yield, busy-spin or sleep");
        assertBadValue("tickwire.feed.client.fragment.limit=0",
            "bad value for tickwire.feed.client.fragment.limit: '0', expected an integer >= 1");
        assertBadValue("tickwire.feed.client.channel=",
            "bad value for tickwire.feed.client.channel: '', expected an Aeron channel URI");
        assertBadValue("tickwire.feed.client.aeron.dir=${no.such.property}/x",
            "bad value for tickwire.feed.client.aeron.dir: '${no.such.property}/x', ${no.such.property} is not a " +
            "system property");
    }

    @Test
    void shouldExpandSystemPropertiesInValues() throws IOException
    {
        final Path file = write("tickwire.feed.client.aeron.dir=${java.io.tmpdir}/aeron-x");

        assertEquals(System.getProperty("java.io.tmpdir") + "/aeron-x",
            FeedClientContext.fromProperties(file).aeronDirectoryName());
    }

    private void assertBadValue(final String line, final String message) throws IOException
    {
        final Path file = write(line);
        final ConfigException ex = assertThrows(ConfigException.class, () -> FeedClientContext.fromProperties(file));
        assertEquals(file + ": " + message, ex.getMessage());
        assertEquals(line.substring(0, line.indexOf('=')), ex.key());
    }

    private Path write(final String... lines) throws IOException
    {
        final Path file = Files.createTempFile(dir, "client", ".properties");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }
}
