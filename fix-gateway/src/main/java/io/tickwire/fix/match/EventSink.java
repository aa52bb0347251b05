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
package io.tickwire.fix.match;

import org.agrona.DirectBuffer;

/**
 * Where the engine's events go: the execution report sender's ring in one process, or a cluster client's
 * egress when the engine runs as a replicated service. The engine encodes each event once into its own buffer
 * and hands it here; an implementation copies it out before returning.
 */
@FunctionalInterface
public interface EventSink
{
    /**
     * One event, SBE message header included.
     *
     * @param templateId the event's template id.
     * @param buffer     holding the event.
     * @param offset     of the message header.
     * @param length     of header and body.
     */
    void onEvent(int templateId, DirectBuffer buffer, int offset, int length);
}
