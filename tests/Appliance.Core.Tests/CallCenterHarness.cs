using Appliance.Core.Acd;
using Appliance.Core.Ivr;
using Appliance.Core.Recording;
using Appliance.Core.Routing;
using Appliance.Core.Tests.Fakes;
using Appliance.Telephony.Audio;
using Appliance.Telephony.Clock;
using Appliance.Telephony.Dialing;
using Appliance.Telephony.Media;
using Appliance.Telephony.Simulated;
using Appliance.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Core.Tests;

/// <summary>
/// The real call center (menu runner, ACD, recorder, simulated agent phones) on a manual clock, with a synchronous
/// in-memory journal and half-second prompts written to a temp folder.
/// </summary>
internal sealed class CallCenterHarness : IDisposable
{
    public static readonly string[] PromptNames = ["greeting", "menu", "invalid", "timeout", "goodbye", "please-hold"];

    private int _calls;

    public CallCenterHarness(InMemoryDirectory directory, params string[] missingPrompts)
    {
        Root = Path.Combine(Path.GetTempPath(), "core-tests-" + Guid.NewGuid().ToString("N"));
        var promptFolder = Path.Combine(Root, "prompts", "en");
        System.IO.Directory.CreateDirectory(promptFolder);
        foreach (var name in PromptNames.Except(missingPrompts))
        {
            WritePrompt(Path.Combine(promptFolder, name + ".wav"));
        }

        Directory = directory;
        Clock = new MediaClock(Time, NullLogger<MediaClock>.Instance);
        var options = Options.Create(new CallCenterOptions { PromptsDirectory = Path.Combine(Root, "prompts") });
        var paths = new CallCenterPaths(Root, Root);
        var prompts = new PromptLibrary(options, paths, NullLogger<PromptLibrary>.Instance);
        var menus = new MenuRunner(prompts, directory);
        Roster = new AgentRoster(directory, Journal, Time);
        var dialers = new ChannelDialers([new SimulatedPhoneDialer(Clock), new OutOfPortsDialer()]);
        Recordings = new RecordingService(options, paths, Time);
        Acd = new AcdService(Clock, dialers, Roster, directory, Recordings, menus);
        CallCenter = new CallCenter(Source, Clock, directory, Journal, menus, Acd, options, NullLogger<CallCenter>.Instance);
        CallCenter.CallFinished += Finished.Add;
        Clock.Start();
    }

    public string Root { get; }

    public ManualTimeProvider Time { get; } = new();

    public MediaClock Clock { get; }

    public InMemoryDirectory Directory { get; }

    public InMemoryJournal Journal { get; } = new();

    public FakeInboundSource Source { get; } = new();

    public AgentRoster Roster { get; }

    public RecordingService Recordings { get; }

    public AcdService Acd { get; }

    public CallCenter CallCenter { get; }

    public List<CallSummary> Finished { get; } = [];

    /// <summary>Rings a new caller in on line 1 and returns it once the call center has answered.</summary>
    public FakeCallerChannel Call(string number = "13800138000")
    {
        var caller = new FakeCallerChannel($"test/{++_calls}", number);
        Clock.Register(caller);
        Clock.Post(() => Source.Ring(caller, 1));
        Run(TimeSpan.FromMilliseconds(60));
        return caller;
    }

    public void Run(TimeSpan span) => Time.Advance(span);

    /// <summary>
    /// Steps the clock until the call has finished. A closed recording is written by a background task, so before
    /// each step it waits (in real time, bounded) for the disk rather than letting virtual time run ahead of it.
    /// </summary>
    public CallSummary WaitForFinished(int count = 1)
    {
        for (var elapsed = TimeSpan.Zero; Finished.Count < count; elapsed += MediaClock.TickInterval)
        {
            Assert.True(elapsed < TimeSpan.FromMinutes(10), "the call did not finish");
            Assert.True(Recordings.WhenClosedRecordingsWritten().Wait(TimeSpan.FromSeconds(10)), "a recording was not written");
            Time.Advance(MediaClock.TickInterval);
        }

        return Finished[count - 1];
    }

    public void Dispose()
    {
        Clock.Dispose();
        try
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void WritePrompt(string path)
    {
        var samples = new short[4000];
        new SineSource(800, -10).Read(samples);
        using var writer = WavWriter.Create(path, 8000, 1);
        writer.Write(samples);
    }
}
