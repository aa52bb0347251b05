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
package io.tickwire.feed.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The checked getters of {@link ConfigFile} that the feed handler and the feed client share: a floor on whole
 * numbers and a non-empty channel, each failing with the file, the key and the value.
 */
class ConfigFileRangeTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReadValuesAtOrAboveTheFloorAndKeepTheCurrentValueOfAMissingKey() throws IOException
    {
        final ConfigFile config = load("a.int=1", "a.long=0", "a.channel=aeron:ipc");

        assertEquals(1, config.intAtLeast("a.int", 7, 1));
        assertEquals(0L, config.longAtLeast("a.long", 7L, 0L));
        assertEquals("aeron:ipc", config.channel("a.channel", "aeron:udp"));
        assertEquals(-3, config.intAtLeast("missing.int", -3, 1));
        assertEquals(-3L, config.longAtLeast("missing.long", -3L, 1L));
        assertEquals("aeron:udp", config.channel("missing.channel", "aeron:udp"));
    }

    @Test
    void shouldRejectValuesBelowTheFloorNamingFileKeyAndValue() throws IOException
    {
        final ConfigFile config = load("a.int=0", "a.long=-1");

        final ConfigException intError = assertThrows(ConfigException.class, () -> config.intAtLeast("a.int", 5, 1));
        final ConfigException longError =
            assertThrows(ConfigException.class, () -> config.longAtLeast("a.long", 5L, 0L));

        assertEquals(dir.resolve("test.properties") + ": bad value for a.int: '0', expected an integer >= 1",
            intError.getMessage());
        assertEquals(dir.resolve("test.properties") + ": bad value for a.long: '-1', expected an integer >= 0",
            longError.getMessage());
    }

    @Test
    void shouldRejectAnEmptyChannelFromTheFileOrWithoutIt() throws IOException
    {
        final ConfigFile config = load("a.channel=");

        final ConfigException fromFile = assertThrows(ConfigException.class, () -> config.channel("a.channel", "x"));
        final ConfigException noValue = assertThrows(ConfigException.class, () -> config.channel("missing", ""));

        assertEquals(dir.resolve("test.properties") + ": bad value for a.channel: '', expected an Aeron channel URI",
            fromFile.getMessage());
        assertEquals("missing", noValue.key());
    }

    private ConfigFile load(final String... lines) throws IOException
    {
        final Path file = dir.resolve("test.properties");
        Files.write(file, List.of(lines));
        return ConfigFile.load(file);
    }
}
