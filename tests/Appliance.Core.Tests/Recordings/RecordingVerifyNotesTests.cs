using Appliance.Core.Recording;

namespace Appliance.Core.Tests.Recordings;

/// <summary>
/// Recordings outside the hash chain that are not tampering: the files of calls still running, and recordings stored
/// before the chain existed. Both are listed as notes and leave the verification intact; anything that only looks
/// like them is still a problem.
/// </summary>
public sealed class RecordingVerifyNotesTests : IDisposable
{
    private readonly RecordingArchive _archive = new();

    public void Dispose() => _archive.Dispose();

    [Fact]
    public void A_running_calls_files_are_in_progress_not_inserted_and_enter_the_chain_when_the_call_ends()
    {
        _archive.AddCall("call-1", "cards", 1);
        var running = _archive.StartCall("20260301-090000-0badcafe", supervision: "sup-000001");

        var during = _archive.Verify();

        Assert.True(during.Intact, string.Join("; ", during.Findings));
        Assert.Equal(2, during.InProgress);
        Assert.Equal(
            [Path.Combine(Path.GetDirectoryName(running)!, "20260301-090000-0badcafe.sup-000001.wav"), running],
            during.Notes.Select(n => n.Name).Order(StringComparer.Ordinal));
        Assert.All(during.Notes, n => Assert.Equal(RecordingNoteKind.InProgress, n.Kind));
        Assert.StartsWith("IN PROGRESS ", during.Notes[0].ToString(), StringComparison.Ordinal);

        _archive.EndCall("20260301-090000-0badcafe", running);
        var after = _archive.Verify();

        Assert.Equal(2, after.ChainLinks);
        Assert.Equal(0, after.InProgress);
        // The supervision file was never stored with the call here, so once the call has its record it is inserted.
        var inserted = Assert.Single(after.Findings);
        Assert.Equal(RecordingFindingKind.Inserted, inserted.Kind);
        Assert.EndsWith(".sup-000001.wav", inserted.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_a_call_the_event_log_never_saw_or_of_a_call_already_ended_is_inserted()
    {
        var ended = _archive.AddCall("call-1", "cards", 0);
        var folder = Path.GetDirectoryName(ended)!;
        var forged = Path.Combine(folder, "20260301-085959-12345678.wav");
        File.WriteAllBytes(forged, [1, 2, 3]);
        var besideEnded = Path.Combine(folder, "call-1.sup-000009.wav");
        File.WriteAllBytes(besideEnded, [4, 5, 6]);

        var result = _archive.Verify();

        Assert.False(result.Intact);
        Assert.Empty(result.Notes);
        Assert.Equal(
            [(RecordingFindingKind.Inserted, forged), (RecordingFindingKind.Inserted, besideEnded)],
            result.Findings.Select(f => (f.Kind, f.Name)).OrderBy(f => f.Name, StringComparer.Ordinal));
    }

    [Fact]
    public void A_call_left_without_a_record_for_over_a_day_is_no_longer_in_progress_but_inserted()
    {
        var stranded = _archive.StartCall("20260301-090000-feedf00d");
        _archive.Clock.Advance(RecordingVerifier.RunningCallLimit - TimeSpan.FromMinutes(1));
        Assert.Equal(1, _archive.Verify().InProgress);

        _archive.Clock.Advance(TimeSpan.FromMinutes(2));
        var result = _archive.Verify();

        Assert.Equal(0, result.InProgress);
        var finding = Assert.Single(result.Findings);
        Assert.Equal((RecordingFindingKind.Inserted, stranded), (finding.Kind, finding.Name));
        Assert.Contains("never ended", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Recordings_from_before_the_chain_are_unchained_and_verification_stays_intact()
    {
        var old1 = _archive.AddUnchained("legacy-1", 40);
        var old2 = _archive.AddUnchained("legacy-2", 3);
        _archive.AddCall("call-1", "cards", 0);

        var result = _archive.Verify();

        Assert.True(result.Intact, string.Join("; ", result.Findings));
        Assert.Equal(2, result.Unchained);
        Assert.Equal([old1, old2], result.Notes.Select(n => n.Name).Order(StringComparer.Ordinal));
        Assert.All(result.Notes, n => Assert.Contains("before the hash chain began", n.Detail, StringComparison.Ordinal));
        Assert.StartsWith("UNCHAINED ", result.Notes[0].ToString(), StringComparison.Ordinal);
        Assert.Equal(1, result.FilesChecked);
    }

    [Fact]
    public void A_hashless_row_newer_than_the_chain_is_inserted_and_a_legacy_row_without_its_file_is_removed()
    {
        var gone = _archive.AddUnchained("legacy-gone", 10, withFile: false);
        _archive.Clock.Advance(TimeSpan.FromHours(1));
        var forged = _archive.AddUnchained("forged", 0);

        var result = _archive.Verify();

        Assert.Empty(result.Notes);
        Assert.Contains(result.Findings, f => f.Kind == RecordingFindingKind.Removed && f.Name == gone);
        Assert.Contains(result.Findings, f => f.Kind == RecordingFindingKind.Inserted && f.Name == forged && f.Detail.Contains("database row forged", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Findings, f => f.Name == gone && f.Kind != RecordingFindingKind.Removed);
    }
}
