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
package io.tickwire.agent.cli;

import java.nio.file.Path;

/**
 * Where a Tickwire installation keeps its files: configuration under {@code <home>/config}, data (FIX session
 * stores, cluster logs, audit journals) under one data directory, logs under one log directory.
 * <p>
 * The {@code ./tickwire} launcher sets {@code tickwire.home} to the installation; run another way, the home is
 * the working directory. The data directory defaults to {@code <home>/var} and the log directory to
 * {@code <data>/log}; each can be moved with its system property. {@link #publish()} makes all three system
 * properties, so configuration files can name paths as {@code ${tickwire.data.dir}/gateway/store} (QuickFIX/J
 * expands system properties in its settings).
 */
public final class TickwireHome
{
    /**
     * Installation directory: holds {@code config/}.
     */
    public static final String HOME_PROP_NAME = "tickwire.home";

    /**
     * Data directory: session stores, cluster state, audit journals.
     */
    public static final String DATA_DIR_PROP_NAME = "tickwire.data.dir";

    /**
     * Log directory.
     */
    public static final String LOG_DIR_PROP_NAME = "tickwire.log.dir";

    private TickwireHome()
    {
    }

    /**
     * The installation directory.
     *
     * @return {@code tickwire.home}, or the working directory.
     */
    public static Path home()
    {
        return Path.of(System.getProperty(HOME_PROP_NAME, "")).toAbsolutePath().normalize();
    }

    /**
     * The data directory.
     *
     * @return {@code tickwire.data.dir}, or {@code <home>/var}.
     */
    public static Path dataDir()
    {
        final String dir = System.getProperty(DATA_DIR_PROP_NAME);
        return null != dir ? Path.of(dir).toAbsolutePath().normalize() : home().resolve("var");
    }

    /**
     * The log directory.
     *
     * @return {@code tickwire.log.dir}, or {@code <data>/log}.
     */
    public static Path logDir()
    {
        final String dir = System.getProperty(LOG_DIR_PROP_NAME);
        return null != dir ? Path.of(dir).toAbsolutePath().normalize() : dataDir().resolve("log");
    }

    /**
     * A shipped configuration file.
     *
     * @param name file name, e.g. {@code gateway.cfg}.
     * @return {@code <home>/config/<name>}.
     */
    public static Path config(final String name)
    {
        return home().resolve("config").resolve(name);
    }

    /**
     * Set the three properties that are not set yet to the directories above, so that configuration files can
     * refer to them.
     */
    public static void publish()
    {
        final Path home = home();
        final Path data = dataDir();
        final Path log = logDir();
        System.setProperty(HOME_PROP_NAME, home.toString());
        System.setProperty(DATA_DIR_PROP_NAME, data.toString());
        System.setProperty(LOG_DIR_PROP_NAME, log.toString());
    }
}
