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

/**
 * What "durable" means before a held ExecutionReport is released: the durability contract of the audit trail.
 * <p>
 * Both levels write every record before the report it covers is sent, and both survive a crash of the gateway
 * process ({@code kill -9}, an exception, an OOM): what has been written belongs to the kernel. They differ on a
 * crash of the host (power, kernel panic), in the spirit of Aeron Archive's file sync levels.
 */
public enum AuditSync
{
    /**
     * Release a report once its record is written and {@code fdatasync}ed (group commit): every report a client
     * saw is on stable storage, whatever fails. The default. Its cost is the disk's flush latency on every
     * acknowledgement (about 0.1-0.4 ms on this project's virtual disks).
     */
    FSYNC("fsync"),

    /**
     * Release a report once its record is written to the kernel (page cache); the writer flushes
     * ({@code fdatasync}) at most every force interval (10 ms by default), at rotation and on close. Survives a
     * crash of the gateway process; a host crash can lose the last force interval of records whose reports were
     * sent. For hosts whose storage is made safe otherwise (battery- or capacitor-backed cache, replication).
     */
    WRITE("write");

    private final String configName;

    AuditSync(final String configName)
    {
        this.configName = configName;
    }

    /**
     * @return the name used in configuration: {@code fsync} or {@code write}.
     */
    public String configName()
    {
        return configName;
    }

    /**
     * @param name {@code fsync} or {@code write} (case-insensitive).
     * @return the level.
     * @throws IllegalArgumentException for any other name.
     */
    public static AuditSync fromConfigName(final String name)
    {
        for (final AuditSync sync : values())
        {
            if (sync.configName.equalsIgnoreCase(name.trim()))
            {
                return sync;
            }
        }
        throw new IllegalArgumentException("audit sync must be fsync or write: " + name);
    }
}
