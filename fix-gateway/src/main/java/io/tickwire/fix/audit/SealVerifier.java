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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies a journal together with its seals ({@link SealDescriptor}): the hash chain as {@link JournalReader}
 * checks it and, with the key, that every sealed head is still there, at the sealed file and position, with the
 * sealed hash. That is what catches what the chain alone cannot: a tail cut at a frame boundary
 * ({@link JournalIssue.Kind#TAIL_CUT}) and a journal rewritten and chained again ({@link JournalIssue.Kind#REWRITTEN}).
 * Records after the last seal are reported, not failed: a crash can leave them.
 */
public final class SealVerifier implements JournalFrameVisitor
{
    private final Map<Long, List<SealFileReader.Seal>> bySequence = new HashMap<>();
    private final Set<SealFileReader.Seal> matched = new HashSet<>();
    private final List<JournalIssue> issues = new ArrayList<>();
    private final JournalFrameVisitor next;
    private long firstSequence = Long.MAX_VALUE;
    private long lastSequence;

    private SealVerifier(final List<SealFileReader.Seal> seals, final JournalFrameVisitor next)
    {
        this.next = next;
        for (final SealFileReader.Seal seal : seals)
        {
            if (0 == seal.recordSequence())
            {
                // An empty journal's head: nothing to find.
                matched.add(seal);
            }
            else
            {
                bySequence.computeIfAbsent(seal.recordSequence(), (s) -> new ArrayList<>()).add(seal);
            }
        }
    }

    /**
     * What a verification found.
     *
     * @param journal      the hash chain's report.
     * @param sealFile     the seal file, or null when none was found.
     * @param seals        whole seals in the seal file.
     * @param sealsChecked whether the seals were checked (a key was given).
     * @param sealIssues   problems the seals show.
     * @param notes        information that is not a failure (unsealed tail, seals not checked, torn seal).
     */
    public record Report(
        JournalVerifyReport journal,
        Path sealFile,
        long seals,
        boolean sealsChecked,
        List<JournalIssue> sealIssues,
        List<String> notes)
    {
        /**
         * @return whether the chain and every seal hold.
         */
        public boolean isValid()
        {
            return journal.isValid() && sealIssues.isEmpty();
        }

        /**
         * @return whether the chain holds but for a torn tail, and every seal holds.
         */
        public boolean isValidExceptTruncatedTail()
        {
            return journal.isValidExceptTruncatedTail() && sealIssues.isEmpty();
        }
    }

    /**
     * The seal file of a journal given as directories or files: {@value SealDescriptor#FILE_NAME} in the first
     * directory (or directory of a file) that has one.
     *
     * @param inputs directories or journal files.
     * @return the seal file, or null when none exists.
     */
    public static Path findSealFile(final List<Path> inputs)
    {
        for (final Path input : inputs)
        {
            final Path directory = Files.isDirectory(input) ? input : input.toAbsolutePath().getParent();
            if (null != directory && Files.isRegularFile(directory.resolve(SealDescriptor.FILE_NAME)))
            {
                return directory.resolve(SealDescriptor.FILE_NAME);
            }
        }
        return null;
    }

    /**
     * Verify journal files and their seals.
     *
     * @param files    the journal files, in order.
     * @param sealFile the seal file, or null when there is none.
     * @param key      the seal key, or null to verify the chain only (and say whether seals were present).
     * @param visitor  called for every valid frame, may be null.
     * @return the report.
     */
    public static Report verify(
        final List<Path> files, final Path sealFile, final AuditSealKey key, final JournalFrameVisitor visitor)
    {
        final List<JournalIssue> sealIssues = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        if (null == sealFile)
        {
            final JournalVerifyReport journal = new JournalReader().verify(files, visitor);
            if (null != key)
            {
                final Path expected = files.isEmpty() ? Path.of(SealDescriptor.FILE_NAME) :
                    files.get(0).toAbsolutePath().resolveSibling(SealDescriptor.FILE_NAME);
                sealIssues.add(new JournalIssue(JournalIssue.Kind.SEAL_DAMAGED, expected, 0, 0,
                    "no seal file beside the journal: the seals were removed, or the journal was never sealed"));
            }
            else
            {
                notes.add("no seals: the hash chain alone cannot show a tail cut at a frame boundary or a rewrite");
            }
            return new Report(journal, null, 0, false, sealIssues, notes);
        }

        final SealFileReader.Result seals = SealFileReader.read(sealFile, key);
        sealIssues.addAll(seals.issues());
        notes.addAll(seals.notes());
        if (null == key)
        {
            final JournalVerifyReport journal = new JournalReader().verify(files, visitor);
            notes.add("seals present (" + seals.count() + " in " + sealFile + "), not checked: no --seal-key");
            return new Report(journal, sealFile, seals.count(), false, sealIssues, notes);
        }

        final SealVerifier verifier = new SealVerifier(seals.seals(), visitor);
        final JournalVerifyReport journal = new JournalReader().verify(files, verifier);
        verifier.finish(journal, seals.seals(), notes);
        sealIssues.addAll(verifier.issues);
        return new Report(journal, sealFile, seals.count(), true, sealIssues, notes);
    }

    /**
     * {@inheritDoc}
     */
    public void onFrame(
        final Path file,
        final long frameOffset,
        final long sequence,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        firstSequence = Math.min(firstSequence, sequence);
        lastSequence = Math.max(lastSequence, sequence);
        final List<SealFileReader.Seal> seals = bySequence.get(sequence);
        if (null != seals)
        {
            final long journalIndex = JournalDescriptor.journalIndex(file);
            final long position = frameOffset + JournalDescriptor.FRAME_HEADER_LENGTH + length;
            final int hashOffset = offset - JournalDescriptor.FRAME_HEADER_LENGTH + JournalDescriptor.HASH_OFFSET;
            for (final SealFileReader.Seal seal : seals)
            {
                matched.add(seal);
                boolean sameHash = true;
                for (int i = 0; i < JournalDescriptor.HASH_LENGTH; i++)
                {
                    sameHash &= buffer.getByte(hashOffset + i) == seal.headHash()[i];
                }
                if (!sameHash)
                {
                    issues.add(new JournalIssue(JournalIssue.Kind.REWRITTEN, file, frameOffset, sequence,
                        "record #" + sequence + " hash differs from seal " + seal.sealSequence() + " (rewritten)"));
                }
                else if (journalIndex != seal.journalIndex() || position != seal.position())
                {
                    issues.add(new JournalIssue(JournalIssue.Kind.REWRITTEN, file, frameOffset, sequence,
                        "record #" + sequence + " ends in file " + journalIndex + " at position " + position +
                        ", seal " + seal.sealSequence() + " names file " + seal.journalIndex() + " position " +
                        seal.position() + " (files rewritten or renamed)"));
                }
            }
        }
        if (null != next)
        {
            next.onFrame(file, frameOffset, sequence, buffer, offset, length);
        }
    }

    private void finish(
        final JournalVerifyReport journal, final List<SealFileReader.Seal> seals, final List<String> notes)
    {
        final boolean endIsClean = journal.isValidExceptTruncatedTail();
        long beforeFirst = 0;
        SealFileReader.Seal last = null;
        for (final SealFileReader.Seal seal : seals)
        {
            if (null == last || seal.recordSequence() >= last.recordSequence())
            {
                last = seal;
            }
            if (matched.contains(seal))
            {
                continue;
            }
            final Path file = journalFile(journal, seal.journalIndex());
            if (seal.recordSequence() > lastSequence && endIsClean)
            {
                issues.add(new JournalIssue(JournalIssue.Kind.TAIL_CUT, file, seal.position(), seal.recordSequence(),
                    "sealed head #" + seal.recordSequence() + " at position " + seal.position() +
                    " missing: journal ends at #" + lastSequence + " (tail cut)"));
            }
            else if (seal.recordSequence() < firstSequence && lastSequence > 0)
            {
                beforeFirst++;
            }
            else
            {
                issues.add(new JournalIssue(JournalIssue.Kind.SEAL_UNREACHED, file, seal.position(),
                    seal.recordSequence(), "sealed head #" + seal.recordSequence() + " (seal " + seal.sealSequence() +
                    ") not reached: the journal is damaged before it"));
            }
        }
        if (beforeFirst > 0)
        {
            notes.add(beforeFirst + " seal(s) name records before #" + firstSequence +
                " (files not given, e.g. archived): not checked");
        }
        if (null != last && lastSequence > last.recordSequence())
        {
            notes.add("unsealed tail: " + (lastSequence - last.recordSequence()) + " records after seal " +
                last.sealSequence() + " (#" + last.recordSequence() + "; a crash can leave them, not a failure)");
        }
        else if (null == last && lastSequence > 0)
        {
            notes.add("unsealed tail: " + lastSequence + " records, no valid seal");
        }
    }

    private static Path journalFile(final JournalVerifyReport journal, final long journalIndex)
    {
        for (final JournalFileScan scan : journal.files())
        {
            if (JournalDescriptor.journalIndex(scan.file()) == journalIndex)
            {
                return scan.file();
            }
        }
        final Path directory = journal.files().isEmpty() ? null :
            journal.files().get(0).file().toAbsolutePath().getParent();
        final String name = JournalDescriptor.fileName(journalIndex);
        return null == directory ? Path.of(name) : directory.resolve(name);
    }
}
