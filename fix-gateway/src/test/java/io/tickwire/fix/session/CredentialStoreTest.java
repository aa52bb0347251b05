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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class CredentialStoreTest
{
    /**
     * The line shipped in gateway-credentials before the default was raised: user demo, password demo-password,
     * 10,000 iterations.
     */
    private static final String OLD_ENTRY =
        "demo:pbkdf2-sha256:10000:AJ5THCkQjq4YoNlIK1lfXg==:Z78r6k09MnCHkKDVMJriLh5Oc4J5OzqIbcIj1yERCCs=";

    @Test
    void shouldCreateEntriesWithTheCurrentDefaultIterationsThatVerify()
    {
        assertEquals(600_000, CredentialStore.DEFAULT_ITERATIONS, "OWASP 2023 for PBKDF2-HMAC-SHA256");
        final String line = CredentialStore.entry("alice", "correct horse");
        final String[] parts = line.split(":");
        assertEquals("alice", parts[0]);
        assertEquals(CredentialStore.SCHEME, parts[1]);
        assertEquals("600000", parts[2]);

        final CredentialStore store = CredentialStore.parse(List.of(line), "test");
        assertTrue(store.verify("alice", "correct horse"));
        assertFalse(store.verify("alice", "correct horse "));
        assertFalse(store.verify("mallory", "correct horse"), "unknown user");
        assertEquals(0, store.entriesBelow(CredentialStore.DEFAULT_ITERATIONS));
    }

    @Test
    void shouldStillVerifyAnOldTenThousandIterationEntryBesideNewOnes()
    {
        final CredentialStore store = CredentialStore.parse(
            List.of("# an old and a new entry", OLD_ENTRY, CredentialStore.entry("bob", "pw", 20_000)), "test");
        assertEquals(2, store.size());
        assertTrue(store.verify("demo", "demo-password"));
        assertFalse(store.verify("demo", "demo-passwort"));
        assertTrue(store.verify("bob", "pw"));
        assertFalse(store.verify("demo", ""), "an empty password is a wrong one, not an error");
        assertFalse(store.verify(null, null));
        assertEquals(2, store.entriesBelow(CredentialStore.DEFAULT_ITERATIONS), "both are to be hashed again");
        assertEquals(1, store.entriesBelow(20_000));
    }

    @Test
    void shouldRefuseUserNamesAndPasswordsTheFileCannotHold()
    {
        assertEquals("user name must not contain ':' (the credentials file's separator): al:ice",
            assertThrows(IllegalArgumentException.class, () -> CredentialStore.entry("al:ice", "pw", 1)).getMessage());
        assertEquals("empty user name",
            assertThrows(IllegalArgumentException.class, () -> CredentialStore.entry("", "pw", 1)).getMessage());
        assertEquals("empty password",
            assertThrows(IllegalArgumentException.class, () -> CredentialStore.entry("bob", "", 1)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CredentialStore.entry(" bob", "pw", 1))
            .getMessage().contains("white space"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CredentialStore.entry("#bob", "pw", 1))
            .getMessage().contains("'#'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CredentialStore.entry("bo\nb", "pw", 1))
            .getMessage().contains("control characters"));
    }

    @Test
    void shouldNameTheLineOfAMalformedEntry()
    {
        assertEquals("creds:2: expected username:pbkdf2-sha256:iterations:salt:hash",
            assertThrows(IllegalArgumentException.class, () -> CredentialStore.parse(
                List.of("# comment", "bob:sha1:1:AAAA:AAAA"), "creds")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CredentialStore.parse(
            List.of("bob:pbkdf2-sha256:many:AAAA:AAAA"), "creds")).getMessage().startsWith("creds:1: "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CredentialStore.parse(
            List.of("bob:pbkdf2-sha256:10:not base64!:AAAA"), "creds")).getMessage().startsWith("creds:1: "));
        assertEquals("creds:2: user demo listed twice", assertThrows(IllegalArgumentException.class,
            () -> CredentialStore.parse(List.of(OLD_ENTRY, OLD_ENTRY), "creds")).getMessage());
    }
}
