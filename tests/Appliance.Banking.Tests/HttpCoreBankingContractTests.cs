using Appliance.Banking.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Banking.Tests;

/// <summary>The contract, run against the HTTP adapter talking to a local test server over the wire format.</summary>
public sealed class HttpCoreBankingContractTests : CoreBankingContractTests
{
    private CoreBankTestServer? _server;
    private HttpCoreBanking? _adapter;

    public override async Task DisposeAsync()
    {
        _adapter?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    private protected override async Task<ICoreBanking> CreateAsync(TestSeed seed)
    {
        _server = await CoreBankTestServer.StartAsync(seed.CreateBank());
        _adapter = new HttpCoreBanking(new SocketsHttpHandler(), new BankingOptions { Mode = BankingMode.Http, HttpBaseAddress = _server.BaseAddress.AbsoluteUri },
            TimeProvider.System, NullLogger<HttpCoreBanking>.Instance);
        return _adapter;
    }
}
