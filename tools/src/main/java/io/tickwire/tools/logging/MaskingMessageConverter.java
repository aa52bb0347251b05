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

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.tickwire.fix.session.SecretMasking;

/**
 * Logback's {@code %msg} with FIX secrets masked ({@link SecretMasking}): the distribution's {@code logback.xml}
 * registers it for {@code %msg}, {@code %m} and {@code %message}, so that a pattern edited later still masks.
 * <p>
 * The gateway masks its session logs itself; this catches what any other logger writes with a FIX message in it
 * (QuickFIX/J's class loggers, a client tool, a library at DEBUG), in every appender of the configuration. A line
 * with nothing to mask costs one read-only pass and no allocation beyond Logback's own.
 */
public final class MaskingMessageConverter extends MessageConverter
{
    /**
     * {@inheritDoc}
     */
    @Override
    public String convert(final ILoggingEvent event)
    {
        return SecretMasking.mask(event.getFormattedMessage());
    }
}
