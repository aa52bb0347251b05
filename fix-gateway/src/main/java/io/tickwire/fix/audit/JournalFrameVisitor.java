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
package io.tickwire.fix.audit;

import org.agrona.DirectBuffer;

import java.nio.file.Path;

/**
 * Called for each valid frame while a journal is read.
 */
@FunctionalInterface
public interface JournalFrameVisitor
{
    /**
     * A valid frame (CRC and chain checked).
     *
     * @param file         the file.
     * @param frameOffset  byte offset of the frame in the file.
     * @param sequence     record sequence.
     * @param buffer       holding the record.
     * @param recordOffset offset of the record (SBE message header) in the buffer.
     * @param recordLength length of the record.
     */
    void onFrame(Path file, long frameOffset, long sequence, DirectBuffer buffer, int recordOffset, int recordLength);
}
