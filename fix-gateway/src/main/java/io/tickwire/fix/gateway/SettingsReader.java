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

import io.aeron.ChannelUri;
import io.tickwire.agent.ThreadingProfile;
import io.tickwire.fix.audit.WakeableIdleStrategy;
import io.tickwire.fix.session.CredentialStore;
import io.tickwire.fix.session.GatewayApplication;
import io.tickwire.fix.session.Instruments;
import org.agrona.BitUtil;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import quickfix.ConfigError;
import quickfix.FieldConvertError;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * Reads the gateway's {@code Tickwire*} keys out of the QuickFIX/J settings as typed values for
 * {@link GatewayContext#conclude()}. A value that cannot be used fails here with a {@link ConfigError} that names its
 * key, before anything is started, instead of inside a component started after a media driver, an audit trail or a
 * cluster member (QuickFIX/J's own conversion errors do not say which key they were reading).
 */
final class SettingsReader
{
    private static final long BACKOFF_SPINS = 10;
    private static final long BACKOFF_YIELDS = 20_000;
    private static final long BACKOFF_MIN_PARK_NANOS = 1_000;
    private static final long BACKOFF_MAX_PARK_NANOS = 100_000;
    private static final String BACKOFF_PARAMETERS = "backoff:";

    private final SessionSettings settings;

    SettingsReader(final SessionSettings settings)
    {
        this.settings = settings;
    }

    boolean isSet(final String key)
    {
        return settings.isSetting(key);
    }

    String string(final String key, final String defaultValue) throws ConfigError
    {
        return settings.isSetting(key) ? settings.getString(key) : defaultValue;
    }

    /**
     * @return the key's Aeron channel, the default when it is not set, or null for {@code none}.
     */
    String channel(final String key, final String defaultValue) throws ConfigError
    {
        final String value = string(key, defaultValue).trim();
        if ("none".equalsIgnoreCase(value))
        {
            return null;
        }
        try
        {
            ChannelUri.parse(value);
            return value;
        }
        catch (final IllegalArgumentException ex)
        {
            throw invalid(key, "not an Aeron channel (aeron:udp?... or aeron:ipc): " + value + ": " + ex.getMessage());
        }
    }

    Path path(final String key) throws ConfigError
    {
        return settings.isSetting(key) ? Path.of(settings.getString(key)) : null;
    }

    boolean bool(final String key, final boolean defaultValue) throws ConfigError
    {
        try
        {
            return settings.isSetting(key) ? settings.getBool(key) : defaultValue;
        }
        catch (final FieldConvertError ex)
        {
            throw invalid(key, "must be Y or N: " + ex.getMessage());
        }
    }

    long longValue(final String key, final long defaultValue, final long min) throws ConfigError
    {
        final long value;
        try
        {
            value = settings.isSetting(key) ? settings.getLong(key) : defaultValue;
        }
        catch (final FieldConvertError ex)
        {
            throw invalid(key, "must be a whole number: " + ex.getMessage());
        }
        if (value < min)
        {
            throw invalid(key, "must be at least " + min + ": " + value);
        }
        return value;
    }

    int intValue(final String key, final int defaultValue, final int min) throws ConfigError
    {
        final long value = longValue(key, defaultValue, min);
        if (value > Integer.MAX_VALUE)
        {
            throw invalid(key, "must be at most " + Integer.MAX_VALUE + ": " + value);
        }
        return (int)value;
    }

    /**
     * Capacity of a ring the gateway allocates (its trailer comes on top): what Agrona's ring checks, but failing
     * with the key that set it.
     */
    int ringCapacity(final String key, final int defaultValue) throws ConfigError
    {
        final int capacity = intValue(key, defaultValue, OneToOneRingBuffer.MIN_CAPACITY);
        if (!BitUtil.isPowerOfTwo(capacity) || capacity > Integer.MAX_VALUE - RingBufferDescriptor.TRAILER_LENGTH)
        {
            throw invalid(key, "must be a power of two of at least " + OneToOneRingBuffer.MIN_CAPACITY + ": " +
                capacity);
        }
        return capacity;
    }

    Instruments instruments() throws ConfigError
    {
        final Instruments instruments;
        try
        {
            instruments = Instruments.parse(settings.getString(GatewayConfiguration.INSTRUMENTS_PROP_NAME));
        }
        catch (final IllegalArgumentException ex)
        {
            throw invalid(GatewayConfiguration.INSTRUMENTS_PROP_NAME, ex.getMessage());
        }
        if (settings.isSetting(GatewayConfiguration.REFERENCE_PRICES_PROP_NAME))
        {
            try
            {
                instruments.referencePrices(settings.getString(GatewayConfiguration.REFERENCE_PRICES_PROP_NAME));
            }
            catch (final IllegalArgumentException ex)
            {
                throw invalid(GatewayConfiguration.REFERENCE_PRICES_PROP_NAME, ex.getMessage());
            }
        }
        return instruments;
    }

    /**
     * The credentials file, read now so that a missing or malformed file stops the gateway before it starts.
     *
     * @return the store, or null when logons are not authenticated.
     */
    CredentialStore credentials() throws ConfigError
    {
        final Path file = path(GatewayConfiguration.CREDENTIALS_FILE_PROP_NAME);
        if (null == file)
        {
            return null;
        }
        try
        {
            return CredentialStore.load(file);
        }
        catch (final IOException | IllegalArgumentException ex)
        {
            throw new ConfigError(GatewayConfiguration.CREDENTIALS_FILE_PROP_NAME + " " + file + ": " + ex, ex);
        }
    }

    /**
     * @param availableProcessors cores the default is chosen for.
     * @return the thread plan named by {@link GatewayConfiguration#THREADING_PROP_NAME}, else the default for the
     * cores: the gateway's names are exactly {@code compact} and {@code dedicated}.
     */
    ThreadingProfile threading(final int availableProcessors) throws ConfigError
    {
        final String name = string(GatewayConfiguration.THREADING_PROP_NAME, null);
        if (null == name)
        {
            return availableProcessors < GatewayConfiguration.DEDICATED_MIN_CORES ?
                ThreadingProfile.COMPACT : ThreadingProfile.DEDICATED;
        }
        if (ThreadingProfile.COMPACT.displayName().equals(name))
        {
            return ThreadingProfile.COMPACT;
        }
        if (ThreadingProfile.DEDICATED.displayName().equals(name))
        {
            return ThreadingProfile.DEDICATED;
        }
        throw new ConfigError(GatewayConfiguration.THREADING_PROP_NAME + " must be compact or dedicated: " + name);
    }

    /**
     * Parse an idle strategy name once; each thread that uses it gets its own instance from the supplier.
     *
     * @param key  the key the name came from, for the error.
     * @param name {@code backoff}, {@code backoff:SPINS,YIELDS,MIN_PARK_NS,MAX_PARK_NS} or {@code yielding}.
     * @return a supplier of new instances.
     */
    static Supplier<IdleStrategy> idleStrategy(final String key, final String name) throws ConfigError
    {
        if ("yielding".equals(name))
        {
            return YieldingIdleStrategy::new;
        }
        if ("backoff".equals(name))
        {
            return () -> new WakeableIdleStrategy(
                BACKOFF_SPINS, BACKOFF_YIELDS, BACKOFF_MIN_PARK_NANOS, BACKOFF_MAX_PARK_NANOS);
        }
        if (name.startsWith(BACKOFF_PARAMETERS))
        {
            final String[] parts = name.substring(BACKOFF_PARAMETERS.length()).split(",");
            try
            {
                if (4 == parts.length)
                {
                    final long spins = Long.parseLong(parts[0].trim());
                    final long yields = Long.parseLong(parts[1].trim());
                    final long minParkNs = Long.parseLong(parts[2].trim());
                    final long maxParkNs = Long.parseLong(parts[3].trim());
                    return () -> new WakeableIdleStrategy(spins, yields, minParkNs, maxParkNs);
                }
            }
            catch (final NumberFormatException ignore)
            {
                // reported below
            }
        }
        throw new ConfigError(
            key + " must be backoff, backoff:SPINS,YIELDS,MIN_PARK_NS,MAX_PARK_NS or yielding: " + name);
    }

    /**
     * The risk keys each session reads when QuickFIX/J creates it, which happens only once the acceptor starts:
     * checked here for every configured session (falling back to [DEFAULT] as the session does).
     */
    void checkSessionSettings() throws ConfigError
    {
        for (final Iterator<SessionID> it = settings.sectionIterator(); it.hasNext(); )
        {
            final SessionID sessionId = it.next();
            checkSessionValue(sessionId, GatewayApplication.SETTING_MAX_ORDER_QTY, Long.class);
            checkSessionValue(sessionId, GatewayApplication.SETTING_MAX_NOTIONAL, Double.class);
            checkSessionValue(sessionId, GatewayApplication.SETTING_PRICE_COLLAR_BPS, Long.class);
            checkSessionValue(sessionId, GatewayApplication.SETTING_MAX_ORDERS_PER_SECOND, Integer.class);
            checkSessionValue(sessionId, GatewayApplication.SETTING_CANCEL_ON_DISCONNECT, Boolean.class);
            checkSessionValue(sessionId, GatewayApplication.SETTING_KILL_SWITCH, Boolean.class);
            checkSessionValue(sessionId, GatewayApplication.SETTING_CLORDID_WINDOW, Integer.class);
            checkRange(sessionId, GatewayApplication.SETTING_CLORDID_WINDOW, 1, GatewayApplication.CLORDID_WINDOW_MAX);
        }
    }

    private void checkSessionValue(final SessionID sessionId, final String key, final Class<?> type)
        throws ConfigError
    {
        if (!settings.isSetting(sessionId, key))
        {
            return;
        }
        try
        {
            if (Boolean.class == type)
            {
                settings.getBool(sessionId, key);
            }
            else if (Double.class == type)
            {
                settings.getDouble(sessionId, key);
            }
            else
            {
                final long value = settings.getLong(sessionId, key);
                if (Integer.class == type && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE))
                {
                    throw new ConfigError("session " + sessionId + ": " + key + " is out of range: " + value);
                }
            }
        }
        catch (final FieldConvertError ex)
        {
            throw new ConfigError("session " + sessionId + ": " + key + " must be " +
                (Boolean.class == type ? "Y or N" : "a number") + ": " + ex.getMessage());
        }
    }

    private void checkRange(final SessionID sessionId, final String key, final long min, final long max)
        throws ConfigError
    {
        if (settings.isSetting(sessionId, key))
        {
            try
            {
                final long value = settings.getLong(sessionId, key);
                if (value < min || value > max)
                {
                    throw new ConfigError("session " + sessionId + ": " + key + " must be from " + min + " to " +
                        max + ": " + value);
                }
            }
            catch (final FieldConvertError ex)
            {
                throw new ConfigError("session " + sessionId + ": " + key + " must be a number: " + ex.getMessage());
            }
        }
    }

    static ConfigError invalid(final String key, final String reason)
    {
        return new ConfigError(key + ": " + reason);
    }
}
