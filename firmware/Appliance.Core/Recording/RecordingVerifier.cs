using System.Globalization;
using Appliance.Storage;

namespace Appliance.Core.Recording;

/// <summary>
/// Checks the recordings against their hash chain: every link still hashes to what it holds and names the link before
/// it; every recording the chain holds (and no purge removed) has its file with the hash it was stored with; every
/// database row and every WAV under the recordings folder is in the chain. Reads only.
/// </summary>
public sealed class RecordingVerifier(RecordingComplianceRepository repository, string recordingsRoot)
{
    /// <summary>Verifies everything and returns each problem found.</summary>
    public RecordingVerification Verify()
    {
        var findings = new List<RecordingFinding>();
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
        CheckRows(live, findings);
        CheckFolder(live, purged, findings);
        return new RecordingVerification(chain.Count, checkedFiles, findings);
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

    private void CheckRows(Dictionary<string, RecordingChainEntry> live, List<RecordingFinding> findings)
    {
        foreach (var row in repository.ListAll())
        {
            var path = Path.GetFullPath(row.Path);
            if (!live.TryGetValue(path, out var link) || link.RecordingId != row.Id)
            {
                findings.Add(new(RecordingFindingKind.Inserted, path, $"database row {row.Id} is not in the hash chain"));
            }
            else if (row.Sha256 != link.FileSha256)
            {
                findings.Add(new(RecordingFindingKind.Changed, path, $"database row {row.Id} holds a different hash than the chain"));
            }
        }
    }

    private void CheckFolder(Dictionary<string, RecordingChainEntry> live, HashSet<string> purged, List<RecordingFinding> findings)
    {
        if (!System.IO.Directory.Exists(recordingsRoot))
        {
            return;
        }

        var files = System.IO.Directory.EnumerateFiles(recordingsRoot, "*.wav", SearchOption.AllDirectories)
            .Select(Path.GetFullPath).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (purged.Contains(file))
            {
                findings.Add(new(RecordingFindingKind.Inserted, file, "the recording was purged by retention but the file is present"));
            }
            else if (!live.ContainsKey(file))
            {
                findings.Add(new(RecordingFindingKind.Inserted, file, "the file is not in the hash chain"));
            }
        }
    }
}
