using System.Net;
using Appliance.Core.Acd;
using Appliance.Core.Complaints;
using Appliance.Core.Reports;
using Appliance.Core.Routing;
using Appliance.Host.Web;
using Appliance.Host.Web.Internal;
using Appliance.Sip.Auth;
using Appliance.Storage;
using Appliance.Sync.Outbox;
using Appliance.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Tests.Web;

/// <summary>
/// The web listener on a free loopback port over a real database: agents 1001 and 1002 with phone passwords, caller
/// 13900139000 with two earlier calls and two tickets (one open, one closed), and a feed the test publishes offers to.
/// </summary>
internal sealed class AgentDeskFixture : IAsyncDisposable
{
    public const string Realm = "appliance";
    public const string Caller = "13900139000";
    public static readonly Dictionary<string, string> Passwords = new() { ["1001"] = "k7Pq-2xWz-81Lm", ["1002"] = "Zt4n-Q9vr-55Hb" };

    private WebServer? _server;

    private AgentDeskFixture(ApplianceDatabase database) => Database = database;

    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));

    public ApplianceDatabase Database { get; }

    public ScreenPopFeed Feed { get; } = new();

    /// <summary>The complaint tickets behind /agent/v1/tickets.</summary>
    public ComplaintService Complaints { get; private set; } = null!;

    /// <summary>Where the complaint service's events go.</summary>
    public RecordingJournal Journal { get; } = new();

    public Uri Address => _server!.Address;

    public static async Task<AgentDeskFixture> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("agent-desk-db-").FullName;
        var database = new ApplianceDatabase(Path.Combine(folder, "appliance.db"), NullLogger<ApplianceDatabase>.Instance, TimeProvider.System);
        database.Migrate();
        var fixture = new AgentDeskFixture(database);
        fixture.Seed();
        var credentials = new SipCredentialRepository(database);
        var digest = new HttpDigestAuthenticator(credentials.GetByExtension, Realm, TimeSpan.FromMinutes(5), fixture.Time);
        var builder = new ScreenPopBuilder(new CallerHistoryRepository(database), new WebOptions(), NullLogger.Instance);
        fixture.Complaints = new ComplaintService(new ComplaintTicketRepository(database, new ProtobufOutboxPayloadEncoder()),
            Options.Create(new ComplaintsOptions()), fixture.Journal, fixture.Time, NullLogger<ComplaintService>.Instance, "b01");
        fixture._server = await WebServer.StartAsync(
            new IPEndPoint(IPAddress.Loopback, 0), fixture.Feed, builder, digest, new AgentTimeQuery(database, fixture.Time),
            fixture.Complaints, NullLoggerFactory.Instance, CancellationToken.None);
        return fixture;
    }

    /// <summary>An offer of <paramref name="callId"/> from the caller to <paramref name="agentId"/>, as the ACD would publish it.</summary>
    public AgentOffer Offer(string agentId, string callId) => new(
        agentId, callId, Caller, "Chen Jie", "hotline", 1, "cards", "en",
        Time.GetUtcNow().AddSeconds(-40), Time.GetUtcNow().AddSeconds(-25), Time.GetUtcNow(),
        [new IvrStep("main", "lang", "2"), new IvrStep("main", "cards", "2"), new IvrStep("main", "card-number", null)],
        new Dictionary<string, string> { ["service"] = "cards" });

    public HttpClient Client(string user, string? password = null)
    {
        var handler = new HttpClientHandler { Credentials = new NetworkCredential(user, password ?? Passwords.GetValueOrDefault(user, "nothing")), PreAuthenticate = false };
        return new HttpClient(handler) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task StopServerAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await server.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopServerAsync();

        Database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(Database.Path)!, recursive: true);
    }

    private void Seed()
    {
        var agents = new AgentRepository(Database);
        var sip = new SipCredentialRepository(Database);
        foreach (var (id, password) in Passwords)
        {
            agents.Upsert(new AgentRecord(id, "Agent " + id, id));
            sip.Set(id, Realm, DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, id, Realm, password),
                DigestCalculator.ComputeHa1(DigestAlgorithm.Sha256, id, Realm, password), Time.GetUtcNow());
        }

        var calls = new CallRecordRepository(Database);
        var day = Time.GetUtcNow().AddDays(-3);
        calls.Insert(Call("call-old-1", day, "general", "1002", "answered-by-agent"));
        calls.Insert(Call("call-old-2", day.AddDays(1), "cards", null, "abandoned"));
        calls.Insert(Call("call-other", day, "general", "1001", "answered-by-agent") with { CallerNumber = "13700137000" });
        var tickets = new TicketRepository(Database, new ProtobufOutboxPayloadEncoder());
        tickets.Create(new TicketRecord("T-1", "BR001", "card-fee", "open", AccountMasking.Mask("6222021234567890"), CallId: "call-old-1"));
        tickets.Create(new TicketRecord("T-2", "BR001", "enquiry", "closed", CallId: "call-old-2"));
        tickets.Create(new TicketRecord("T-3", "BR001", "enquiry", "open", CallId: "call-other"));
    }

    private static CallRecord Call(string id, DateTimeOffset at, string queue, string? agent, string outcome) =>
        new(id, 1, "analog", Caller, null, at, at, at.AddMinutes(3), "main", queue, agent, outcome, 20_000, 150_000, "remote", null);
}
