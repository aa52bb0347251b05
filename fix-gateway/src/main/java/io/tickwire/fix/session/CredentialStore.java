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
package io.tickwire.fix.session;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Logon credentials, stored hashed: one line per user,
 * {@code username:pbkdf2-sha256:iterations:base64(salt):base64(hash)}; blank lines and {@code #} comments are
 * ignored. Verification takes the same time whether the user exists or not.
 */
public final class CredentialStore
{
    /**
     * The only scheme supported: PBKDF2 with HMAC-SHA256.
     */
    public static final String SCHEME = "pbkdf2-sha256";

    /**
     * Iterations used when creating an entry.
     */
    public static final int DEFAULT_ITERATIONS = 10_000;

    private static final int HASH_BITS = 256;
    private static final int SALT_BYTES = 16;

    private final Map<String, Entry> entries;
    private final Entry dummy;

    private CredentialStore(final Map<String, Entry> entries)
    {
        this.entries = entries;
        this.dummy = new Entry(new byte[SALT_BYTES], DEFAULT_ITERATIONS, new byte[HASH_BITS / 8]);
    }

    /**
     * Load a credentials file.
     *
     * @param file path of the file.
     * @return the store.
     * @throws IOException              if it cannot be read.
     * @throws IllegalArgumentException if a line is malformed (with its line number).
     */
    public static CredentialStore load(final Path file) throws IOException
    {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parse credential lines.
     *
     * @param lines  lines in the file format.
     * @param source name for error messages.
     * @return the store.
     */
    public static CredentialStore parse(final List<String> lines, final String source)
    {
        final Map<String, Entry> entries = new HashMap<>();
        int lineNumber = 0;
        for (final String raw : lines)
        {
            lineNumber++;
            final String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#"))
            {
                continue;
            }
            final String[] parts = line.split(":");
            if (parts.length != 5 || !SCHEME.equals(parts[1]))
            {
                throw new IllegalArgumentException(source + ":" + lineNumber +
                    ": expected username:" + SCHEME + ":iterations:salt:hash");
            }
            final Base64.Decoder decoder = Base64.getDecoder();
            entries.put(parts[0], new Entry(
                decoder.decode(parts[3]), Integer.parseInt(parts[2]), decoder.decode(parts[4])));
        }
        return new CredentialStore(entries);
    }

    /**
     * Create a line for the credentials file with a random salt.
     *
     * @param username user.
     * @param password clear text password.
     * @return the line.
     */
    public static String entry(final String username, final String password)
    {
        final byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        final Base64.Encoder encoder = Base64.getEncoder();
        return username + ":" + SCHEME + ":" + DEFAULT_ITERATIONS + ":" + encoder.encodeToString(salt) + ":" +
            encoder.encodeToString(hash(password, salt, DEFAULT_ITERATIONS));
    }

    /**
     * @param username user from Username (553).
     * @param password password from Password (554).
     * @return true only if the user exists and the password matches.
     */
    public boolean verify(final String username, final String password)
    {
        final Entry entry = null == username ? null : entries.get(username);
        final Entry check = null == entry ? dummy : entry;
        final byte[] actual = hash(null == password ? "" : password, check.salt, check.iterations);
        return MessageDigest.isEqual(actual, check.hash) && null != entry;
    }

    /**
     * @return number of users.
     */
    public int size()
    {
        return entries.size();
    }

    private static byte[] hash(final String password, final byte[] salt, final int iterations)
    {
        try
        {
            final PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", ex);
        }
    }

    private record Entry(byte[] salt, int iterations, byte[] hash)
    {
    }
}
