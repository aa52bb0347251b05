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

import io.tickwire.fix.audit.OwnerOnlyFiles;
import io.tickwire.fix.audit.StoreHealth;
import quickfix.ConfigError;
import quickfix.FileLogFactory;
import quickfix.FileStoreFactory;
import quickfix.FileUtil;
import quickfix.Log;
import quickfix.LogFactory;
import quickfix.MessageStore;
import quickfix.MessageStoreFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;

/**
 * QuickFIX/J's {@link FileStoreFactory} with owner-only permissions: the store directory is created {@code 0700}
 * before QuickFIX/J writes into it, and the session's files ({@code <session>.body}, {@code .header},
 * {@code .senderseqnums}, {@code .targetseqnums}, {@code .session}) are made {@code 0600} once QuickFIX/J has
 * created them - at session creation and again after each {@code reset()}, which deletes and recreates them.
 * <p>
 * QuickFIX/J opens those files with {@code RandomAccessFile}, which takes its mode from the umask, so between its
 * creating a file and the change of mode the file has the umask's mode: inside a directory this factory created
 * {@code 0700} nobody else can reach it meanwhile. A store directory that already existed keeps its own mode (the
 * gateway's banner says when it is open to others).
 * <p>
 * {@link #logFactory} does the same for QuickFIX/J's {@link FileLogFactory}.
 * <p>
 * Every write to the store is reported to a {@link StoreHealth}: a failed one (disk full, read-only) makes the
 * session store unavailable, with the cause and directory, and the gateway refuses new orders; the next message
 * stored ends the outage (sequence numbers are rewritten in place, so their success proves nothing). The exception
 * still reaches QuickFIX/J, which then does not send the message it could not store (so no acknowledgement leaves
 * that the store did not record) and logs the error.
 */
public final class OwnerOnlyFileStoreFactory implements MessageStoreFactory
{
    private final SessionSettings settings;
    private final FileStoreFactory delegate;
    private final StoreHealth health;

    /**
     * @param settings QuickFIX/J settings with {@code FileStorePath}.
     */
    public OwnerOnlyFileStoreFactory(final SessionSettings settings)
    {
        this(settings, new StoreHealth(StoreHealth.storeName(StoreHealth.SESSION_STORE), StoreHealth.SESSION_STORE));
    }

    /**
     * @param settings QuickFIX/J settings with {@code FileStorePath}.
     * @param health   told of every failed and successful write of every session's store.
     */
    public OwnerOnlyFileStoreFactory(final SessionSettings settings, final StoreHealth health)
    {
        this.settings = settings;
        this.health = health;
        delegate = new FileStoreFactory(settings);
    }

    /**
     * {@inheritDoc}
     */
    public MessageStore create(final SessionID sessionId)
    {
        final Path directory = directory(settings, sessionId, FileStoreFactory.SETTING_FILE_STORE_PATH);
        final String prefix = FileUtil.sessionIdFileName(sessionId) + ".";
        final MessageStore store = delegate.create(sessionId);
        restrictSessionFiles(directory, prefix);
        return new OwnerOnlyMessageStore(store, directory, prefix, health);
    }

    /**
     * QuickFIX/J's {@link FileLogFactory} with the same treatment: the log directory created {@code 0700}, the
     * session's {@code .messages.log} and {@code .event.log} made {@code 0600} after QuickFIX/J opens them
     * ({@code clear()} truncates the same files, their mode stays).
     *
     * @param settings QuickFIX/J settings with {@code FileLogPath}.
     * @return the factory.
     */
    public static LogFactory logFactory(final SessionSettings settings)
    {
        final FileLogFactory fileLogFactory = new FileLogFactory(settings);
        return (sessionId) ->
        {
            final Path directory = directory(settings, sessionId, FileLogFactory.SETTING_FILE_LOG_PATH);
            final Log log = fileLogFactory.create(sessionId);
            restrictSessionFiles(directory, FileUtil.sessionIdFileName(sessionId) + ".");
            return log;
        };
    }

    /**
     * The session's directory from the settings, created {@code 0700} if absent.
     */
    private static Path directory(final SessionSettings settings, final SessionID sessionId, final String key)
    {
        try
        {
            final Path directory = Path.of(settings.getString(sessionId, key)).toAbsolutePath();
            OwnerOnlyFiles.createDirectories(directory);
            return directory;
        }
        catch (final ConfigError ex)
        {
            throw new IllegalArgumentException("session " + sessionId + ": " + key + ": " + ex.getMessage(), ex);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("session " + sessionId + ": cannot create " + key, ex);
        }
    }

    /**
     * Make the session's files in a directory {@code 0600}; only files named for the session, as the directory may
     * hold others.
     */
    static void restrictSessionFiles(final Path directory, final String prefix)
    {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, (path) ->
            path.getFileName().toString().startsWith(prefix)))
        {
            for (final Path file : files)
            {
                OwnerOnlyFiles.restrictFile(file);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot make the files of " + prefix + "* in " + directory + " owner only",
                ex);
        }
    }

    private static final class OwnerOnlyMessageStore implements MessageStore, Closeable
    {
        private final MessageStore store;
        private final Path directory;
        private final String prefix;
        private final StoreHealth health;

        OwnerOnlyMessageStore(
            final MessageStore store, final Path directory, final String prefix, final StoreHealth health)
        {
            this.store = store;
            this.directory = directory;
            this.prefix = prefix;
            this.health = health;
        }

        public boolean set(final int sequence, final String message) throws IOException
        {
            try
            {
                final boolean stored = store.set(sequence, message);
                // Only an appended message shows the space is back: a sequence number is rewritten in place.
                health.onSuccess();
                return stored;
            }
            catch (final IOException ex)
            {
                throw failed(ex);
            }
        }

        private IOException failed(final IOException ex)
        {
            health.onFailure(ex, directory.resolve(prefix + "*"));
            return ex;
        }

        public void get(final int startSequence, final int endSequence, final Collection<String> messages)
            throws IOException
        {
            store.get(startSequence, endSequence, messages);
        }

        public int getNextSenderMsgSeqNum() throws IOException
        {
            return store.getNextSenderMsgSeqNum();
        }

        public int getNextTargetMsgSeqNum() throws IOException
        {
            return store.getNextTargetMsgSeqNum();
        }

        public void setNextSenderMsgSeqNum(final int next) throws IOException
        {
            try
            {
                store.setNextSenderMsgSeqNum(next);
            }
            catch (final IOException ex)
            {
                throw failed(ex);
            }
        }

        public void setNextTargetMsgSeqNum(final int next) throws IOException
        {
            try
            {
                store.setNextTargetMsgSeqNum(next);
            }
            catch (final IOException ex)
            {
                throw failed(ex);
            }
        }

        public void incrNextSenderMsgSeqNum() throws IOException
        {
            try
            {
                store.incrNextSenderMsgSeqNum();
            }
            catch (final IOException ex)
            {
                throw failed(ex);
            }
        }

        public void incrNextTargetMsgSeqNum() throws IOException
        {
            try
            {
                store.incrNextTargetMsgSeqNum();
            }
            catch (final IOException ex)
            {
                throw failed(ex);
            }
        }

        public Date getCreationTime() throws IOException
        {
            return store.getCreationTime();
        }

        public Calendar getCreationTimeCalendar() throws IOException
        {
            return store.getCreationTimeCalendar();
        }

        public void reset() throws IOException
        {
            // FileStore deletes its files and creates them again, with the umask's mode.
            try
            {
                store.reset();
            }
            catch (final IOException ex)
            {
                throw failed(ex);
            }
            restrictSessionFiles(directory, prefix);
        }

        public void refresh() throws IOException
        {
            store.refresh();
            restrictSessionFiles(directory, prefix);
        }

        public void close() throws IOException
        {
            if (store instanceof Closeable)
            {
                ((Closeable)store).close();
            }
        }
    }
}
