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

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

/**
 * The secret the journal's seals are made with ({@link JournalSealer}, {@link SealVerifier}): raw bytes in a file
 * that must live outside the journal directory. Whoever can write the journal directory and also read this key can
 * rewrite the journal and seal it again, so it belongs with other secrets (owner-only file, a different volume or a
 * secrets store mounted at start), never among the files it protects.
 */
public final class AuditSealKey
{
    /**
     * Length of a key the gateway creates, and the least length accepted.
     */
    public static final int KEY_LENGTH = 32;

    /**
     * Longest key file accepted.
     */
    public static final int MAX_KEY_LENGTH = 4096;

    /**
     * Default key file name beside a journal directory: {@code <dir>-seal.key}.
     */
    public static final String DEFAULT_SUFFIX = "-seal.key";

    private final Path file;
    private final byte[] key;
    private final boolean created;

    private AuditSealKey(final Path file, final byte[] key, final boolean created)
    {
        this.file = file;
        this.key = key;
        this.created = created;
    }

    /**
     * Where the key goes when none is configured: beside the journal directory, e.g. {@code gateway/audit-seal.key}
     * for {@code gateway/audit}.
     *
     * @param journalDirectory the journal directory.
     * @return the default key file.
     */
    public static Path defaultFile(final Path journalDirectory)
    {
        final Path absolute = journalDirectory.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + DEFAULT_SUFFIX);
    }

    /**
     * Refuse a key file inside the journal directory (or the directory itself).
     *
     * @param keyFile          the key file.
     * @param journalDirectory the journal directory.
     * @throws IllegalArgumentException when the key file is inside it.
     */
    public static void checkOutside(final Path keyFile, final Path journalDirectory)
    {
        if (isInside(keyFile, journalDirectory))
        {
            throw new IllegalArgumentException("audit seal key " + keyFile + " is inside the journal directory " +
                journalDirectory + ": anyone who can rewrite the journal could then seal it again; keep the key " +
                "outside it");
        }
    }

    private static boolean isInside(final Path keyFile, final Path journalDirectory)
    {
        final Path key = keyFile.toAbsolutePath().normalize();
        final Path dir = journalDirectory.toAbsolutePath().normalize();
        if (key.startsWith(dir))
        {
            return true;
        }
        // Symbolic links: compare where the existing parts really are.
        try
        {
            final Path keyParent = key.getParent();
            if (null != keyParent && Files.exists(keyParent) && Files.exists(dir))
            {
                return keyParent.toRealPath().startsWith(dir.toRealPath());
            }
        }
        catch (final IOException ignore)
        {
            // Unreadable: the lexical check above is all that can be said.
        }
        return false;
    }

    /**
     * Load the key, creating a random {@value #KEY_LENGTH}-byte key ({@code 0600}) when the file does not exist.
     *
     * @param keyFile          the key file.
     * @param journalDirectory the journal directory it must be outside of.
     * @return the key.
     * @throws IOException              when the file cannot be read or created.
     * @throws IllegalArgumentException when it is inside the journal directory or of the wrong length.
     */
    public static AuditSealKey loadOrCreate(final Path keyFile, final Path journalDirectory) throws IOException
    {
        checkOutside(keyFile, journalDirectory);
        if (Files.exists(keyFile))
        {
            return load(keyFile);
        }
        final Path parent = keyFile.toAbsolutePath().getParent();
        if (null != parent)
        {
            OwnerOnlyFiles.createDirectories(parent);
        }
        final byte[] key = new byte[KEY_LENGTH];
        new SecureRandom().nextBytes(key);
        try (SeekableByteChannel channel = Files.newByteChannel(keyFile,
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC),
            OwnerOnlyFiles.fileAttributes(keyFile)))
        {
            channel.write(ByteBuffer.wrap(key));
        }
        return new AuditSealKey(keyFile, key, true);
    }

    /**
     * Load an existing key.
     *
     * @param keyFile the key file.
     * @return the key.
     * @throws IOException              when the file cannot be read.
     * @throws IllegalArgumentException when it is shorter than {@value #KEY_LENGTH} or longer than
     *                                  {@value #MAX_KEY_LENGTH} bytes.
     */
    public static AuditSealKey load(final Path keyFile) throws IOException
    {
        final long size;
        try
        {
            size = Files.size(keyFile);
        }
        catch (final NoSuchFileException ex)
        {
            throw new NoSuchFileException(keyFile.toString(), null, "no such audit seal key file");
        }
        if (size < KEY_LENGTH || size > MAX_KEY_LENGTH)
        {
            throw new IllegalArgumentException("audit seal key " + keyFile + " has " + size + " bytes: a key has " +
                KEY_LENGTH + " to " + MAX_KEY_LENGTH + " bytes");
        }
        return new AuditSealKey(keyFile, Files.readAllBytes(keyFile), false);
    }

    /**
     * @return a new HMAC-SHA256 instance under this key (one per thread; reused for every seal).
     */
    public Mac newMac()
    {
        try
        {
            final Mac mac = Mac.getInstance(SealDescriptor.MAC_ALGORITHM);
            mac.init(new SecretKeySpec(key, SealDescriptor.MAC_ALGORITHM));
            return mac;
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException(SealDescriptor.MAC_ALGORITHM + " unavailable", ex);
        }
    }

    /**
     * @return which key this is, without revealing it: the first {@value SealDescriptor#KEY_ID_LENGTH} bytes of
     * its MAC of a fixed text.
     */
    public byte[] keyId()
    {
        return Arrays.copyOf(newMac().doFinal(SealDescriptor.KEY_ID_INPUT), SealDescriptor.KEY_ID_LENGTH);
    }

    /**
     * @param keyId a key id.
     * @return it in hex, for messages.
     */
    public static String hex(final byte[] keyId)
    {
        return HexFormat.of().formatHex(keyId);
    }

    /**
     * @return the key file.
     */
    public Path file()
    {
        return file;
    }

    /**
     * @return whether {@link #loadOrCreate} created the file.
     */
    public boolean created()
    {
        return created;
    }
}
