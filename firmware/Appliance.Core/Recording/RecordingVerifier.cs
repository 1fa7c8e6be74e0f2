using System.Globalization;
using Appliance.Core.Recording.Internal;
using Appliance.Storage;

namespace Appliance.Core.Recording;

/// <summary>
/// Checks the recordings against their hash chain: every link still hashes to what it holds and names the link before
/// it; every recording the chain holds (and no purge removed) has its file with the hash it was stored with; every
/// database row and every WAV under the recordings folder is in the chain. Reads only.
/// Two kinds of recording are outside the chain without being tampering, and are listed as notes instead:
/// the file of a call still running (it has no row yet, see <see cref="RecordingNoteKind.InProgress"/>), and a
/// recording stored before the chain existed (<see cref="RecordingNoteKind.Unchained"/>).
/// </summary>
/// <param name="repository">The chain, the rows and the call and event facts that tell running calls apart.</param>
/// <param name="recordingsRoot">The recordings folder searched for files the chain does not hold.</param>
/// <param name="time">The clock that tells a running call from one the box stopped during (system clock by default).</param>
public sealed class RecordingVerifier(RecordingComplianceRepository repository, string recordingsRoot, TimeProvider? time = null)
{
    /// <summary>
    /// A call without a call record whose last event is older than this is not running: the box stopped during it and
    /// never closed it. Calls log events at least when they start, connect and end, and none lasts a day.
    /// </summary>
    public static readonly TimeSpan RunningCallLimit = TimeSpan.FromHours(24);

    /// <summary>Verifies everything and returns each problem found, and the notes on recordings left out.</summary>
    public RecordingVerification Verify()
    {
        var findings = new List<RecordingFinding>();
        var notes = new List<RecordingNote>();
        var chain = repository.ReadChain();
        CheckLinks(chain, findings);

        var live = new Dictionary<string, RecordingChainEntry>(StringComparer.Ordinal);
        var purged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in chain)
        {
            var path = Path.GetFullPath(link.Path);
            if (link.Kind == RecordingChainEntry.PurgeKind)
            {
                live.Remove(path);
                purged.Add(path);
            }
            else
            {
                live[path] = link;
                purged.Remove(path);
            }
        }

        var checkedFiles = CheckFiles(live, findings);
        var rows = CheckRows(live, findings, notes);
        CheckFolder(live, purged, rows, findings, notes);
        return new RecordingVerification(chain.Count, checkedFiles, findings) { Notes = notes };
    }

    private static void CheckLinks(IReadOnlyList<RecordingChainEntry> chain, List<RecordingFinding> findings)
    {
        var previous = RecordingChainEntry.Genesis;
        var expectedSequence = 1L;
        foreach (var link in chain)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"chain link {link.Sequence} ({link.Path})");
            if (link.Sequence != expectedSequence)
            {
                findings.Add(new(RecordingFindingKind.ChainBroken, name,
                    string.Create(CultureInfo.InvariantCulture, $"link {expectedSequence} is missing before it")));
            }
            else if (link.PreviousSha256 != previous)
            {
                findings.Add(new(RecordingFindingKind.ChainBroken, name, "it does not hold the hash of the link before it (a link was removed, inserted or edited)"));
            }

            if (link.ExpectedEntrySha256() != link.EntrySha256)
            {
                findings.Add(new(RecordingFindingKind.ChainBroken, name, "its fields no longer match its hash (the link was edited)"));
            }

            previous = link.EntrySha256;
            expectedSequence = link.Sequence + 1;
        }
    }

    private static int CheckFiles(Dictionary<string, RecordingChainEntry> live, List<RecordingFinding> findings)
    {
        var count = 0;
        foreach (var (path, link) in live.OrderBy(p => p.Value.Sequence))
        {
            if (!File.Exists(path))
            {
                findings.Add(new(RecordingFindingKind.Removed, path, $"recording {link.RecordingId} is in the chain but its file is missing"));
                continue;
            }

            count++;
            string actual;
            try
            {
                actual = RecordingHash.OfFile(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                findings.Add(new(RecordingFindingKind.Changed, path, $"the file cannot be read: {ex.Message}"));
                continue;
            }

            if (link.FileSha256 is null)
            {
                findings.Add(new(RecordingFindingKind.Changed, path, $"recording {link.RecordingId} was stored without a file hash, so its content cannot be vouched for"));
            }
            else if (actual != link.FileSha256)
            {
                findings.Add(new(RecordingFindingKind.Changed, path, $"SHA-256 is {actual}, the chain holds {link.FileSha256}"));
            }
        }

        return count;
    }

    // Returns the path of every row, and for each whether it is a recording from before the chain.
    private Dictionary<string, bool> CheckRows(Dictionary<string, RecordingChainEntry> live, List<RecordingFinding> findings, List<RecordingNote> notes)
    {
        var chainStartedAt = repository.ChainStartedAt();
        var rows = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var row in repository.ListAll())
        {
            var path = Path.GetFullPath(row.Path);
            var inChain = live.TryGetValue(path, out var link) && link.RecordingId == row.Id;

            // Only a row the firmware of the time could have written: no hash, and started before the chain began.
            var legacy = !inChain && row.Sha256 is null && chainStartedAt is { } began && row.StartedAt < began;
            rows[path] = legacy;
            if (legacy)
            {
                if (File.Exists(path))
                {
                    notes.Add(new(RecordingNoteKind.Unchained, path, string.Create(CultureInfo.InvariantCulture,
                        $"recording {row.Id} started {row.StartedAt:u}, before the hash chain began ({chainStartedAt:u}); nothing vouches for its content")));
                }
                else
                {
                    findings.Add(new(RecordingFindingKind.Removed, path, $"recording {row.Id} (from before the hash chain) is in the database but its file is missing"));
                }
            }
            else if (!inChain)
            {
                findings.Add(new(RecordingFindingKind.Inserted, path, $"database row {row.Id} is not in the hash chain"));
            }
            else if (row.Sha256 != link!.FileSha256)
            {
                findings.Add(new(RecordingFindingKind.Changed, path, $"database row {row.Id} holds a different hash than the chain"));
            }
        }

        return rows;
    }

    private void CheckFolder(
        Dictionary<string, RecordingChainEntry> live, HashSet<string> purged, Dictionary<string, bool> rows,
        List<RecordingFinding> findings, List<RecordingNote> notes)
    {
        if (!System.IO.Directory.Exists(recordingsRoot))
        {
            return;
        }

        var files = System.IO.Directory.EnumerateFiles(recordingsRoot, "*.wav", SearchOption.AllDirectories)
            .Select(Path.GetFullPath).Order(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var file in files)
        {
            if (purged.Contains(file))
            {
                findings.Add(new(RecordingFindingKind.Inserted, file, "the recording was purged by retention but the file is present"));
            }
            else if (!live.ContainsKey(file) && !rows.ContainsKey(file))
            {
                unknown.Add(file);
            }
            else if (!live.ContainsKey(file) && !rows[file])
            {
                findings.Add(new(RecordingFindingKind.Inserted, file, "the file is not in the hash chain"));
            }
        }

        RunningCallFiles.Sort(repository, unknown, (time ?? TimeProvider.System).GetUtcNow(), findings, notes);
    }
}
