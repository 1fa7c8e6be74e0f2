using Appliance.Core.Acd;
using Appliance.Core.Directory;
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
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Core.Tests;

/// <summary>
/// The real call center (menu runner, ACD, recorder, simulated agent phones) on a manual clock, with a synchronous
/// in-memory journal and half-second prompts written to a temp folder.
/// </summary>
internal sealed class CallCenterHarness : IDisposable
{
    public static readonly string[] PromptNames = ["greeting", "menu", "invalid", "timeout", "goodbye", "please-hold", "language", "cards-menu", "enter-card", "closed", "survey", "survey-sorry"];

    /// <summary>The tone each language's prompts are made of, so a test can tell which language a caller heard.</summary>
    public static readonly IReadOnlyDictionary<string, int> PromptHz = new Dictionary<string, int> { ["en"] = 800, ["zh"] = 1200 };

    private int _calls;

    public CallCenterHarness(ICallCenterDirectory directory, params string[] missingPrompts)
        : this(directory, new ManualTimeProvider(), missingPrompts)
    {
    }

    public CallCenterHarness(ICallCenterDirectory directory, ManualTimeProvider time, params string[] missingPrompts)
        : this(directory, time, (Random?)null, missingPrompts)
    {
    }

    /// <summary>A harness whose ACD draws the random strategy's choices from <paramref name="random"/>.</summary>
    public CallCenterHarness(ICallCenterDirectory directory, ManualTimeProvider time, Random? random, params string[] missingPrompts)
        : this(directory, time, random, null, missingPrompts)
    {
    }

    /// <summary>A harness whose ACD keeps pending callbacks in <paramref name="callbacks"/>' store.</summary>
    public CallCenterHarness(ICallCenterDirectory directory, ManualTimeProvider time, Random? random, Appliance.Core.Acd.Callbacks.AcdCallbacks? callbacks, params string[] missingPrompts)
        : this(directory, time, random, callbacks, null, missingPrompts)
    {
    }

    /// <summary>A harness whose menus run self-service nodes with what <paramref name="selfService"/> makes from the clock.</summary>
    public CallCenterHarness(ICallCenterDirectory directory, ManualTimeProvider time, Func<MediaClock, SelfService>? selfService, params string[] missingPrompts)
        : this(directory, time, null, null, selfService, missingPrompts)
    {
    }

    /// <summary>
    /// A self-service harness that records calls from answer (<see cref="CallCenterOptions.RecordSelfService"/>) and logs
    /// the call center's components to <paramref name="loggers"/>.
    /// </summary>
    public CallCenterHarness(ICallCenterDirectory directory, ManualTimeProvider time, Func<MediaClock, SelfService>? selfService, bool recordSelfService, ILoggerFactory loggers)
        : this(directory, time, null, null, selfService, [], recordSelfService, loggers)
    {
    }

    private CallCenterHarness(
        ICallCenterDirectory directory, ManualTimeProvider time, Random? random, Appliance.Core.Acd.Callbacks.AcdCallbacks? callbacks,
        Func<MediaClock, SelfService>? selfService, string[] missingPrompts, bool recordSelfService = false, ILoggerFactory? loggers = null)
    {
        loggers ??= NullLoggerFactory.Instance;
        Time = time;
        Root = Path.Combine(Path.GetTempPath(), "core-tests-" + Guid.NewGuid().ToString("N"));
        foreach (var (language, hz) in PromptHz)
        {
            var promptFolder = Path.Combine(Root, "prompts", language);
            System.IO.Directory.CreateDirectory(promptFolder);
            foreach (var name in PromptNames.Except(missingPrompts))
            {
                WritePrompt(Path.Combine(promptFolder, name + ".wav"), hz);
            }
        }

        Directory = directory;
        Clock = new MediaClock(Time, loggers.CreateLogger<MediaClock>());
        var options = Options.Create(new CallCenterOptions { PromptsDirectory = Path.Combine(Root, "prompts"), RecordSelfService = recordSelfService });
        var paths = new CallCenterPaths(Root, Root);
        var prompts = new PromptLibrary(options, paths, loggers.CreateLogger<PromptLibrary>());
        SelfService = selfService?.Invoke(Clock);
        var menus = new FlowRunner(prompts, directory, SelfService);
        Roster = new AgentRoster(directory, Journal, Time);
        Phones = new TestPhoneDialer(Clock);
        Dialers = new ChannelDialers([new SimulatedPhoneDialer(Clock), new OutOfPortsDialer(), Phones]);
        Recordings = new RecordingService(options, paths, Time);
        Offers = new AgentOffers(Roster, Time);
        Acd = new AcdService(Clock, Dialers, Roster, directory, Recordings, menus, random, Supervisable, callbacks, Offers);
        CallCenter = new CallCenter(Source, Clock, directory, Journal, menus, Acd, options, loggers.CreateLogger<CallCenter>(), Recordings);
        CallCenter.CallFinished += Finished.Add;
        Clock.Start();
    }

    public string Root { get; }

    public ManualTimeProvider Time { get; }

    /// <summary>The self-service the menus use, if the harness was given one.</summary>
    public SelfService? SelfService { get; }

    public MediaClock Clock { get; }

    public ICallCenterDirectory Directory { get; }

    public InMemoryJournal Journal { get; } = new();

    public FakeInboundSource Source { get; } = new();

    public AgentRoster Roster { get; }

    public RecordingService Recordings { get; }

    /// <summary>Phones dialled as "test:EXT;answer=MS;tone=HZ" that keep what they heard.</summary>
    public TestPhoneDialer Phones { get; }

    public ChannelDialers Dialers { get; }

    public Appliance.Core.Supervision.SupervisableCalls Supervisable { get; } = new();

    public AcdService Acd { get; }

    /// <summary>The offers the ACD publishes for agents' screen pops.</summary>
    public AgentOffers Offers { get; }

    public CallCenter CallCenter { get; }

    public List<CallSummary> Finished { get; } = [];

    /// <summary>Rings a new caller in on <paramref name="line"/> and returns it once the call center has answered.</summary>
    public FakeCallerChannel Call(string number = "13800138000", int line = 1)
    {
        var caller = new FakeCallerChannel($"test/{++_calls}", number);
        Clock.Register(caller);
        Clock.Post(() => Source.Ring(caller, line));
        Run(TimeSpan.FromMilliseconds(60));
        return caller;
    }

    /// <summary>Rings <paramref name="caller"/> in (a trunk call when <paramref name="line"/> is null) and returns once answered.</summary>
    public FakeCallerChannel Ring(FakeCallerChannel caller, int? line)
    {
        Clock.Register(caller);
        Clock.Post(() => Source.Ring(caller, line));
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

    private static void WritePrompt(string path, int hz)
    {
        var samples = new short[4000];
        new SineSource(hz, -10).Read(samples);
        using var writer = WavWriter.Create(path, 8000, 1);
        writer.Write(samples);
    }
}
