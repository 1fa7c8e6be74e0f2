using Appliance.Core.Recording;
using Appliance.Storage;

namespace Appliance.Core.Tests.Recordings;

public sealed class RecordingChainVerificationTests : IDisposable
{
    private readonly RecordingArchive _archive = new();

    public void Dispose() => _archive.Dispose();

    [Fact]
    public void Untouched_recordings_verify_intact_with_their_hashes_stored()
    {
        var path = _archive.AddCall("call-1", "cards", 1);
        _archive.AddCall("call-2", "cards", 1);

        var result = _archive.Verify();

        Assert.True(result.Intact, string.Join("; ", result.Findings));
        Assert.Equal(2, result.ChainLinks);
        Assert.Equal(2, result.FilesChecked);
        Assert.Equal(RecordingHash.OfFile(path), new RecordingRepository(_archive.Database).Get("call-1")!.Sha256);
    }

    [Fact]
    public void A_changed_a_removed_and_an_inserted_file_are_each_reported_by_name()
    {
        var changed = _archive.AddCall("call-1", "cards", 1);
        var removed = _archive.AddCall("call-2", "cards", 1);
        var kept = _archive.AddCall("call-3", "cards", 1);
        var bytes = File.ReadAllBytes(changed);
        bytes[500] ^= 0x01; // one bit of audio
        File.WriteAllBytes(changed, bytes);
        File.Delete(removed);
        var inserted = Path.Combine(Path.GetDirectoryName(kept)!, "forged.wav");
        File.WriteAllBytes(inserted, [1, 2, 3]);

        var result = _archive.Verify();

        Assert.False(result.Intact);
        Assert.Equal(
            [(RecordingFindingKind.Changed, changed), (RecordingFindingKind.Removed, removed), (RecordingFindingKind.Inserted, inserted)],
            result.Findings.Select(f => (f.Kind, f.Name)).Order());
    }

    [Fact]
    public void A_chain_link_deleted_or_edited_in_the_database_breaks_the_chain()
    {
        _archive.AddCall("call-1", "cards", 1);
        _archive.AddCall("call-2", "cards", 1);
        _archive.AddCall("call-3", "cards", 1);
        using (var connection = _archive.Database.OpenConnection())
        {
            using var edit = connection.CreateCommand();
            edit.CommandText = "DELETE FROM recording_chain WHERE seq = 2; UPDATE recording_chain SET path = '/elsewhere.wav' WHERE seq = 3;";
            edit.ExecuteNonQuery();
        }

        var findings = _archive.Verify().Findings;

        Assert.Contains(findings, f => f.Kind == RecordingFindingKind.ChainBroken && f.Name.StartsWith("chain link 3", StringComparison.Ordinal) && f.Detail.Contains("missing", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Kind == RecordingFindingKind.ChainBroken && f.Detail.Contains("edited", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Kind == RecordingFindingKind.Inserted && f.Name.EndsWith("call-2.wav", StringComparison.Ordinal));
    }
}
