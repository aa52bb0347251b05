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

import java.nio.file.Path;

/**
 * A configuration file that cannot be used: a key no component knows (a typo would otherwise be ignored and its
 * setting silently left at the default) or a value that does not parse. The message names the file, the key and,
 * for a bad value, the value and the form expected.
 */
public final class ConfigException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String key;

    /**
     * An error in one key of a file.
     *
     * @param file    the configuration file.
     * @param key     the key at fault.
     * @param message what is wrong, already naming the key.
     */
    public ConfigException(final Path file, final String key, final String message)
    {
        super(file + ": " + message);
        this.file = file;
        this.key = key;
    }

    /**
     * The configuration file at fault.
     *
     * @return its path as given.
     */
    public Path file()
    {
        return file;
    }

    /**
     * The key at fault.
     *
     * @return the key, or null when the file as a whole could not be read.
     */
    public String key()
    {
        return key;
    }
}
