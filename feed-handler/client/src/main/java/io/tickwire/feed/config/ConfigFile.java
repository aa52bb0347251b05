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

import org.agrona.SystemUtil;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A Java properties file of Tickwire settings, read key by key by the component it configures. Each getter takes the
 * value the setting has without the file (its system property or built-in default) and returns the file's value
 * instead when the file sets the key, so a file only overrides what it names.
 * <p>
 * Values are trimmed; {@code ${name}} is replaced by the system property {@code name} (e.g.
 * {@code ${tickwire.data.dir}}). Every key read is remembered, and {@link #rejectUnread()} then fails on the first
 * key that no component read: a misspelt key is an error, never a setting silently ignored.
 */
public final class ConfigFile
{
    private final Path file;
    private final Map<String, String> values;
    private final Set<String> read = new HashSet<>();

    private ConfigFile(final Path file, final Map<String, String> values)
    {
        this.file = file;
        this.values = values;
    }

    /**
     * Read a properties file.
     *
     * @param file to read (UTF-8).
     * @return the file's settings.
     * @throws ConfigException if the file cannot be read or a {@code ${name}} names no system property.
     */
    public static ConfigFile load(final Path file)
    {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            properties.load(reader);
        }
        catch (final IOException | IllegalArgumentException ex)
        {
            throw new ConfigException(file, null, "cannot read configuration: " + ex);
        }
        // Sorted: errors name the same first key every time, whatever the hash order.
        final Map<String, String> values = new TreeMap<>();
        for (final String key : properties.stringPropertyNames())
        {
            values.put(key, expand(file, key, properties.getProperty(key).trim()));
        }
        return new ConfigFile(file, values);
    }

    /**
     * An empty file: every getter returns the value it is given, for a run without a configuration file.
     *
     * @param file name to report, may be null.
     * @return settings with no keys.
     */
    public static ConfigFile empty(final Path file)
    {
        return new ConfigFile(file, Collections.emptyMap());
    }

    /**
     * The file read.
     *
     * @return its path as given.
     */
    public Path file()
    {
        return file;
    }

    /**
     * The keys the file sets.
     *
     * @return keys, sorted.
     */
    public List<String> keys()
    {
        return new ArrayList<>(values.keySet());
    }

    /**
     * Does the file set this key?
     *
     * @param key to look for.
     * @return true when set (the key counts as read).
     */
    public boolean has(final String key)
    {
        read.add(key);
        return values.containsKey(key);
    }

    /**
     * A text setting.
     *
     * @param key     to read.
     * @param current the value without the file.
     * @return the file's value, or {@code current}.
     */
    public String string(final String key, final String current)
    {
        return has(key) ? values.get(key) : current;
    }

    /**
     * A whole number that fits an {@code int}.
     *
     * @param key     to read.
     * @param current the value without the file.
     * @return the file's value, or {@code current}.
     * @throws ConfigException if the value is not an integer.
     */
    public int intValue(final String key, final int current)
    {
        return value(key, current, Integer::valueOf, "an integer");
    }

    /**
     * A whole number that fits a {@code long}.
     *
     * @param key     to read.
     * @param current the value without the file.
     * @return the file's value, or {@code current}.
     * @throws ConfigException if the value is not an integer.
     */
    public long longValue(final String key, final long current)
    {
        return value(key, current, Long::valueOf, "an integer");
    }

    /**
     * A whole number that fits an {@code int} and is not below a floor.
     *
     * @param key     to read.
     * @param current the value without the file (not checked against the floor).
     * @param min     the smallest value the file may give.
     * @return the file's value, or {@code current}.
     * @throws ConfigException if the value is not an integer or is below {@code min}.
     */
    public int intAtLeast(final String key, final int current, final int min)
    {
        final int value = intValue(key, current);
        if (value < min && has(key))
        {
            throw badValue(key, "an integer >= " + min);
        }
        return value;
    }

    /**
     * A whole number that fits a {@code long} and is not below a floor.
     *
     * @param key     to read.
     * @param current the value without the file (not checked against the floor).
     * @param min     the smallest value the file may give.
     * @return the file's value, or {@code current}.
     * @throws ConfigException if the value is not an integer or is below {@code min}.
     */
    public long longAtLeast(final String key, final long current, final long min)
    {
        final long value = longValue(key, current);
        if (value < min && has(key))
        {
            throw badValue(key, "an integer >= " + min);
        }
        return value;
    }

    /**
     * An Aeron channel URI, which may not be empty (an empty channel would only fail later, far from the file).
     *
     * @param key     to read.
     * @param current the value without the file.
     * @return the file's value, or {@code current}.
     * @throws ConfigException if the value, or {@code current} when the file has none, is empty.
     */
    public String channel(final String key, final String current)
    {
        final String value = string(key, current);
        if (null == value || value.isEmpty())
        {
            throw badValue(key, "an Aeron channel URI");
        }
        return value;
    }

    /**
     * {@code true} or {@code false}, any case.
     *
     * @param key     to read.
     * @param current the value without the file.
     * @return the file's value, or {@code current}.
     * @throws ConfigException if the value is neither.
     */
    public boolean bool(final String key, final boolean current)
    {
        return value(key, current, ConfigFile::parseBoolean, "true or false");
    }

    /**
     * A length in bytes in Aeron's form: a number with an optional {@code k}, {@code m} or {@code g} suffix.
     *
     * @param key     to read.
     * @param current the value without the file.
     * @return the file's value in bytes, or {@code current}.
     * @throws ConfigException if the value is not a size.
     */
    public int size(final String key, final int current)
    {
        return value(key, current, (v) -> Math.toIntExact(SystemUtil.parseSize(key, v)),
            "a size in bytes, e.g. 65536, 64k or 2m");
    }

    /**
     * A duration in Aeron's form: a number with an optional {@code ns}, {@code us}, {@code ms} or {@code s}
     * suffix (no suffix: nanoseconds).
     *
     * @param key     to read.
     * @param current the value without the file, in nanoseconds.
     * @return the file's value in nanoseconds, or {@code current}.
     * @throws ConfigException if the value is not a duration.
     */
    public long durationNs(final String key, final long current)
    {
        return value(key, current, (v) -> SystemUtil.parseDuration(key, v), "a duration, e.g. 500us, 1ms or 2s");
    }

    /**
     * Any other setting, parsed by the component that owns it.
     *
     * @param key      to read.
     * @param current  the value without the file.
     * @param parser   from text; any {@link RuntimeException} means a bad value.
     * @param expected the form of a good value, for the error.
     * @param <T>      type of the setting.
     * @return the file's value, or {@code current}.
     * @throws ConfigException if the parser rejects the value.
     */
    public <T> T value(final String key, final T current, final Function<String, T> parser, final String expected)
    {
        if (!has(key))
        {
            return current;
        }
        final String text = values.get(key);
        try
        {
            return parser.apply(text);
        }
        catch (final RuntimeException ex)
        {
            throw badValue(key, expected);
        }
    }

    /**
     * The error for a value that parses but is out of range, in the same words as one that does not parse.
     *
     * @param key      at fault.
     * @param expected the form or range of a good value.
     * @return the exception to throw.
     */
    public ConfigException badValue(final String key, final String expected)
    {
        return new ConfigException(file, key, "bad value for " + key + ": '" + values.get(key) + "', expected " +
            expected);
    }

    /**
     * Fail on the first key that no getter has read: no component knows it.
     *
     * @throws ConfigException naming the key and the file.
     */
    public void rejectUnread()
    {
        for (final String key : values.keySet())
        {
            if (!read.contains(key))
            {
                throw new ConfigException(file, key, "unknown key '" + key + "' (a misspelling? every key is " +
                    "listed in the shipped file of the same name)");
            }
        }
    }

    private static boolean parseBoolean(final String value)
    {
        if ("true".equalsIgnoreCase(value))
        {
            return true;
        }
        if ("false".equalsIgnoreCase(value))
        {
            return false;
        }
        throw new IllegalArgumentException(value);
    }

    private static String expand(final Path file, final String key, final String value)
    {
        final StringBuilder text = new StringBuilder();
        int from = 0;
        for (int start = value.indexOf("${"); start >= 0; start = value.indexOf("${", from))
        {
            final int end = value.indexOf('}', start);
            if (end < 0)
            {
                break;
            }
            final String name = value.substring(start + 2, end);
            final String replacement = System.getProperty(name);
            if (null == replacement)
            {
                throw new ConfigException(file, key, "bad value for " + key + ": '" + value + "', ${" + name +
                    "} is not a system property");
            }
            text.append(value, from, start).append(replacement);
            from = end + 1;
        }
        return text.append(value, from, value.length()).toString();
    }
}
