using System.Collections.Concurrent;
using System.Net;
using Appliance.Sip.Auth;
using Appliance.Sip.Messages;
using Appliance.Sip.Parsing;
using Appliance.Sip.Registrar;
using Appliance.Sip.Tests.Support;
using Appliance.Sip.Transactions;
using Appliance.Sip.Transport;
using Appliance.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Sip.Tests.Registrar;

/// <summary>
/// The box (a UDP transport, a transaction layer and the registration client) and a provider (our own
/// <see cref="SipRegistrar"/> with digest behind its own UDP transport and layer), both on 127.0.0.1 and one manual clock.
/// </summary>
internal sealed class RegistrationTestBed : IAsyncDisposable
{
    public const string Realm = "provider.test";
    public const string User = "4930123456";
    public const string Password = "correct horse battery";

    // Waits below are for datagrams on loopback, never for timers: those only move when a test advances the clock.
    private static readonly TimeSpan NetworkPatience = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _progress = new(0);
    private readonly List<SipRegistrationClient> _clients = [];

    public RegistrationTestBed(SipRegistrarOptions? registrarOptions = null)
    {
        var timers = Options.Create(new SipTimerOptions());
        var challenger = new DigestChallenger(Options.Create(new DigestChallengerOptions { Realm = Realm }), Time);
        Registrar = new SipRegistrar(Options.Create(registrarOptions ?? new SipRegistrarOptions()), challenger, Time, FindHa1);

        ProviderTransport = LoopbackTransports.Udp();
        ProviderLayer = new SipTransactionLayer(ProviderTransport, timers, Time, NullLogger<SipTransactionLayer>.Instance);
        ProviderLayer.RequestReceived += Answer;

        BoxTransport = LoopbackTransports.Udp();
        BoxLayer = new SipTransactionLayer(BoxTransport, timers, Time, NullLogger<SipTransactionLayer>.Instance);

        ProviderTransport.Start();
        BoxTransport.Start();
    }

    public ManualTimeProvider Time { get; } = new();

    public SipRegistrar Registrar { get; }

    public UdpSipTransport ProviderTransport { get; }

    public SipTransactionLayer ProviderLayer { get; }

    public UdpSipTransport BoxTransport { get; }

    public SipTransactionLayer BoxLayer { get; }

    /// <summary>Every REGISTER transaction the provider saw (retransmissions are absorbed by its transactions).</summary>
    public ConcurrentQueue<SipRequest> Received { get; } = new();

    /// <summary>When set, answers instead of the registrar; returning null lets the registrar answer.</summary>
    public Func<SipRequest, SipResponse?>? Override { get; set; }

    /// <summary>The provider receives but never answers (it is "gone").</summary>
    public bool Silent { get; set; }

    public ConcurrentQueue<SipRegistrationState> States { get; } = new();

    public IReadOnlyList<SipRequest> Registers => [.. Received];

    public SipRegistrationAccount Account(Action<SipRegistrationAccount>? configure = null)
    {
        var account = new SipRegistrationAccount
        {
            Name = "provider-a",
            Registrar = $"sip:{ProviderTransport.LocalEndPoint}",
            User = User,
            Password = Password,
            ExpiresSeconds = 600,
            RetryDelay = TimeSpan.FromSeconds(10),
            RejectedRetryDelay = TimeSpan.FromMinutes(1),
            MaxRetryDelay = TimeSpan.FromMinutes(20),
        };
        configure?.Invoke(account);
        return account;
    }

    public SipRegistrationClient Client(Action<SipRegistrationAccount>? configure = null)
    {
        var client = new SipRegistrationClient(Account(configure), BoxLayer, BoxTransport, BoxTransport.LocalEndPoint, Time, NullLogger<SipRegistrationClient>.Instance);
        client.StateChanged += (_, state) =>
        {
            States.Enqueue(state);
            _progress.Release();
        };

        // Subscribed after the client (handlers run in order), so this runs once it has handled whatever arrived.
        BoxTransport.MessageReceived += (_, _) => _progress.Release();
        _clients.Add(client);
        return client;
    }

    /// <summary>Waits (for network I/O only) until <paramref name="condition"/> holds.</summary>
    public async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + NetworkPatience;
        while (!condition())
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                Assert.Fail($"Gave up waiting for {what}.");
            }

            await _progress.WaitAsync(left);
        }
    }

    /// <summary>Moves the clock to <paramref name="moment"/>, firing every timer due on the way.</summary>
    public void AdvanceTo(DateTimeOffset moment)
    {
        var delta = moment - Time.GetUtcNow();
        Time.Advance(delta > TimeSpan.Zero ? delta : TimeSpan.Zero);
    }

    public static IPEndPoint Loopback(int port) => new(IPAddress.Loopback, port);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        BoxLayer.Dispose();
        ProviderLayer.Dispose();
        await BoxTransport.DisposeAsync();
        await ProviderTransport.DisposeAsync();
        _progress.Dispose();
    }

    private static string? FindHa1(string user, DigestAlgorithm algorithm) =>
        user == User ? DigestCalculator.ComputeHa1(algorithm, user, Realm, Password) : null;

    private void Answer(SipServerTransaction transaction)
    {
        var request = transaction.Request;
        Received.Enqueue(request);
        if (!Silent)
        {
            SipResponse response;
            try
            {
                response = Override?.Invoke(request) ?? Registrar.Handle(request, transaction.Remote, "UDP", out _);
            }
            catch (SipParseException)
            {
                response = SipResponse.CreateFor(request, 400, "Bad Request");
            }

            transaction.SendResponse(response);
        }

        _progress.Release();
    }
}
