using System.Globalization;
using Appliance.Storage;

namespace Appliance.Core.Recording.Internal;

/// <summary>Sorts the files verification found outside the chain and the database into running calls' files and inserted ones.</summary>
internal static class RunningCallFiles
{
    // A file with no row and no link is a running call's recording if its name is the call's ("CALLID.wav", or
    // "CALLID.SUPERVISION.wav" for what a supervised call's parties heard) and that call is in the append-only event log
    // without a call record; anything else is inserted.
    public static void Sort(
        RecordingComplianceRepository repository, List<string> unknown, DateTimeOffset now, List<RecordingFinding> findings, List<RecordingNote> notes)
    {
        if (unknown.Count == 0)
        {
            return;
        }

        var running = repository.CallsWithoutRecord(unknown.Select(CallIdOf).ToList());
        foreach (var file in unknown)
        {
            var callId = CallIdOf(file);
            if (!running.TryGetValue(callId, out var lastEvent))
            {
                findings.Add(new(RecordingFindingKind.Inserted, file, "the file is not in the hash chain"));
            }
            else if (now - lastEvent > RecordingVerifier.RunningCallLimit)
            {
                findings.Add(new(RecordingFindingKind.Inserted, file, string.Create(CultureInfo.InvariantCulture,
                    $"call {callId} has no call record and no event since {lastEvent:u}: it never ended (the box stopped during it?), and the file is not in the hash chain")));
            }
            else
            {
                notes.Add(new(RecordingNoteKind.InProgress, file, string.Create(CultureInfo.InvariantCulture,
                    $"call {callId} is still running (last event {lastEvent:u}); its recording enters the chain when the call ends")));
            }
        }
    }

    private static string CallIdOf(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? name : name[..dot];
    }
}
