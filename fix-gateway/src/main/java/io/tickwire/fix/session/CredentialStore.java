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
 * ignored. Each line carries its own iteration count, so entries made with an older default still verify; new
 * entries use {@link #DEFAULT_ITERATIONS}. Verification takes the same time whether the user exists or not (an
 * unknown user is checked against a dummy entry with the most iterations in the file).
 * <p>
 * <b>Cost.</b> One verification at {@link #DEFAULT_ITERATIONS} takes a few hundred milliseconds of one core (see
 * docs/FIX-GATEWAY.md, Credentials, for the figure measured here). The gateway therefore never verifies on
 * QuickFIX/J's session thread, which serves every session, but on the {@link LogonVerifier}'s own threads;
 * {@link LogonThrottle} refuses locked-out logons before hashing.
 */
public final class CredentialStore
{
    /**
     * The only scheme supported: PBKDF2 with HMAC-SHA256.
     */
    public static final String SCHEME = "pbkdf2-sha256";

    /**
     * Iterations used when creating an entry: OWASP's 2023 guidance for PBKDF2-HMAC-SHA256.
     */
    public static final int DEFAULT_ITERATIONS = 600_000;

    /**
     * Separator of the fields of a line, which a user name therefore may not contain.
     */
    public static final char SEPARATOR = ':';

    private static final int HASH_BITS = 256;
    private static final int SALT_BYTES = 16;

    private final Map<String, Entry> entries;
    private final Entry dummy;

    private CredentialStore(final Map<String, Entry> entries)
    {
        this.entries = entries;
        int iterations = 0;
        for (final Entry entry : entries.values())
        {
            iterations = Math.max(iterations, entry.iterations);
        }
        // An unknown user costs what the most expensive known one does: no timing tells them apart.
        this.dummy = new Entry(new byte[SALT_BYTES], 0 == iterations ? DEFAULT_ITERATIONS : iterations,
            new byte[HASH_BITS / 8]);
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
     * @throws IllegalArgumentException if a line is malformed (with its line number).
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
            final String[] parts = line.split(String.valueOf(SEPARATOR), -1);
            if (parts.length != 5 || !SCHEME.equals(parts[1]) || parts[0].isEmpty())
            {
                throw new IllegalArgumentException(source + ":" + lineNumber +
                    ": expected username:" + SCHEME + ":iterations:salt:hash");
            }
            final Base64.Decoder decoder = Base64.getDecoder();
            final int iterations;
            final byte[] salt;
            final byte[] hash;
            try
            {
                iterations = Integer.parseInt(parts[2]);
                salt = decoder.decode(parts[3]);
                hash = decoder.decode(parts[4]);
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException(source + ":" + lineNumber + ": " + ex.getMessage(), ex);
            }
            if (iterations < 1 || 0 == salt.length || hash.length != HASH_BITS / 8)
            {
                throw new IllegalArgumentException(source + ":" + lineNumber +
                    ": need iterations >= 1, a salt and a " + HASH_BITS / 8 + "-byte hash");
            }
            if (null != entries.put(parts[0], new Entry(salt, iterations, hash)))
            {
                throw new IllegalArgumentException(source + ":" + lineNumber + ": user " + parts[0] + " listed twice");
            }
        }
        return new CredentialStore(entries);
    }

    /**
     * Create a line for the credentials file with a random salt and {@link #DEFAULT_ITERATIONS}.
     *
     * @param username user.
     * @param password clear text password.
     * @return the line.
     * @throws IllegalArgumentException if the user name or password cannot be stored (see {@link #checkUsername}).
     */
    public static String entry(final String username, final String password)
    {
        return entry(username, password, DEFAULT_ITERATIONS);
    }

    /**
     * Create a line for the credentials file with a random salt.
     *
     * @param username   user.
     * @param password   clear text password, not empty.
     * @param iterations PBKDF2 iterations.
     * @return the line.
     * @throws IllegalArgumentException if the user name or password cannot be stored (see {@link #checkUsername}).
     */
    public static String entry(final String username, final String password, final int iterations)
    {
        checkUsername(username);
        if (null == password || password.isEmpty())
        {
            throw new IllegalArgumentException("empty password");
        }
        if (iterations < 1)
        {
            throw new IllegalArgumentException("iterations must be >= 1: " + iterations);
        }
        final byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        final Base64.Encoder encoder = Base64.getEncoder();
        return username + SEPARATOR + SCHEME + SEPARATOR + iterations + SEPARATOR + encoder.encodeToString(salt) +
            SEPARATOR + encoder.encodeToString(hash(password, salt, iterations));
    }

    /**
     * Check that a user name can be stored in and read back from the file.
     *
     * @param username the user name.
     * @throws IllegalArgumentException naming the problem: empty, contains the separator {@code :}, contains a
     *                                  control character or white space at either end, or starts with {@code #}.
     */
    public static void checkUsername(final String username)
    {
        if (null == username || username.isEmpty())
        {
            throw new IllegalArgumentException("empty user name");
        }
        if (username.indexOf(SEPARATOR) >= 0)
        {
            throw new IllegalArgumentException("user name must not contain '" + SEPARATOR +
                "' (the credentials file's separator): " + username);
        }
        if (!username.equals(username.trim()) || username.startsWith("#"))
        {
            throw new IllegalArgumentException("user name must not start or end with white space or start with '#' " +
                "(the file would read it differently): '" + username + "'");
        }
        for (int i = 0; i < username.length(); i++)
        {
            if (Character.isISOControl(username.charAt(i)))
            {
                throw new IllegalArgumentException("user name must not contain control characters");
            }
        }
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

    /**
     * @param iterations the iteration count to compare with.
     * @return users whose entry has fewer iterations (to be hashed again with {@code --hash-password}).
     */
    public int entriesBelow(final int iterations)
    {
        int count = 0;
        for (final Entry entry : entries.values())
        {
            if (entry.iterations < iterations)
            {
                count++;
            }
        }
        return count;
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
