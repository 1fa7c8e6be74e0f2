using System.Net;
using Appliance.Sync.Contracts.Sync.V1;
using Appliance.Sync.Tests.Support;
using Google.Protobuf;

namespace Appliance.Sync.Tests.Server;

/// <summary>
/// Bad requests to Grpc.AspNetCore as the appliance sets it up (<see cref="Appliance.Sync.Transport.GrpcServerSetup"/>) get
/// the status the spec names, and nothing reaches the handler: the refusals of the transport it replaced, with their
/// status codes (the texts are Grpc.AspNetCore's own).
/// </summary>
public sealed class GrpcServerBadInputTests : IAsyncLifetime
{
    private const string PushPath = "/appliance.sync.v1.SyncService/PushBatch";
    private GrpcTestServer _server = null!;

    public async Task InitializeAsync() => _server = await GrpcTestServer.StartAsync(configure: o => o.MaxReceiveMessageSize = 64 * 1024);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static byte[] ValidBatch() => new PushBatchRequest
    {
        BranchId = "branch-7",
        Records = { new SyncRecord { IdempotencyKey = "k1", Kind = RecordKind.Ticket, Payload = ByteString.CopyFromUtf8("t") } },
    }.ToByteArray();

    [Fact]
    public async Task A_valid_raw_request_is_applied_so_the_refusals_below_are_meaningful()
    {
        var result = await RawGrpcRequest.SendAsync(_server.Address, PushPath, RawGrpcRequest.Frame(ValidBatch()));

        Assert.Equal("0", result.GrpcStatus);
        Assert.False(result.TrailersOnly);
        Assert.True(_server.Sync.Applied.ContainsKey("k1"));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData("application/grpc+json")]
    public async Task Wrong_content_type_gets_http_415_and_nothing_applied(string contentType)
    {
        var result = await RawGrpcRequest.SendAsync(_server.Address, PushPath, RawGrpcRequest.Frame(ValidBatch()), contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, result.HttpStatus);
        Assert.Empty(_server.Sync.Applied);
    }

    [Theory]
    [InlineData("/appliance.sync.v1.SyncService/NoSuchMethod")]
    [InlineData("/appliance.nothing.v1.Nope/Call")]
    [InlineData("/appliance.sync.v1.SyncService/pushbatch")]
    public async Task Unknown_method_is_unimplemented_as_trailers_only(string path)
    {
        var result = await RawGrpcRequest.SendAsync(_server.Address, path, RawGrpcRequest.Frame(ValidBatch()));

        Assert.Equal(HttpStatusCode.OK, result.HttpStatus);
        Assert.Equal("12", result.GrpcStatus);
        Assert.True(result.TrailersOnly);
        Assert.Equal(0, result.BodyLength);
        Assert.Empty(_server.Sync.Applied);
    }

    [Fact]
    public async Task Truncated_frame_is_internal_and_nothing_applied()
    {
        var frame = RawGrpcRequest.Frame(ValidBatch());

        var result = await RawGrpcRequest.SendAsync(_server.Address, PushPath, frame[..^3]);

        Assert.Equal("13", result.GrpcStatus);
        Assert.Equal("Incomplete message.", result.GrpcMessage);
        Assert.Empty(_server.Sync.Applied);
    }

    [Fact]
    public async Task Invalid_compressed_flag_is_internal_and_nothing_applied()
    {
        var result = await RawGrpcRequest.SendAsync(_server.Address, PushPath, RawGrpcRequest.Frame(ValidBatch(), flag: 7));

        Assert.Equal("13", result.GrpcStatus);
        Assert.Contains("malformed", result.GrpcMessage, StringComparison.Ordinal);
        Assert.Empty(_server.Sync.Applied);
    }

    [Fact]
    public async Task Compressed_flag_without_encoding_is_internal()
    {
        var result = await RawGrpcRequest.SendAsync(_server.Address, PushPath, RawGrpcRequest.Frame(ValidBatch(), flag: 1));

        Assert.Equal("13", result.GrpcStatus);
        Assert.Empty(_server.Sync.Applied);
    }

    [Fact]
    public async Task Garbage_that_is_not_protobuf_is_internal_and_nothing_applied()
    {
        var result = await RawGrpcRequest.SendAsync(_server.Address, PushPath, RawGrpcRequest.Frame([0xFF, 0xFF, 0xFF, 0xFF, 0x0F]));

        Assert.Equal("13", result.GrpcStatus);
        Assert.True(result.TrailersOnly);
        Assert.Empty(_server.Sync.Applied);
    }

    [Fact]
    public async Task Two_messages_on_a_unary_call_are_internal_and_nothing_applied()
    {
        var one = RawGrpcRequest.Frame(ValidBatch());

        var result = await RawGrpcRequest.SendAsync(_server.Address, PushPath, [.. one, .. one]);

        Assert.Equal("13", result.GrpcStatus);
        Assert.Empty(_server.Sync.Applied);
    }

    [Fact]
    public async Task Empty_body_is_internal()
    {
        var result = await RawGrpcRequest.SendAsync(_server.Address, PushPath, []);

        Assert.Equal("13", result.GrpcStatus);
        Assert.Equal("Incomplete message.", result.GrpcMessage);
        Assert.Empty(_server.Sync.Applied);
    }

    [Fact]
    public async Task Oversized_message_is_resource_exhausted_from_the_header_alone()
    {
        // Declares 100 MB but sends a few bytes: refused on the length, without waiting for (or buffering) the body.
        var result = await RawGrpcRequest.SendAsync(
            _server.Address, PushPath, RawGrpcRequest.Frame(ValidBatch(), declaredLength: 100_000_000));

        Assert.Equal("8", result.GrpcStatus);
        Assert.Contains("maximum configured message size", result.GrpcMessage, StringComparison.Ordinal);
        Assert.Empty(_server.Sync.Applied);
    }

    [Fact]
    public async Task Gzip_bomb_is_resource_exhausted_after_decompression_limit()
    {
        var huge = new PushBatchRequest { BranchId = new string('x', 200_000) }.ToByteArray();
        using var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(huge);
        }

        var result = await RawGrpcRequest.SendAsync(
            _server.Address, PushPath, RawGrpcRequest.Frame(compressed.ToArray(), flag: 1), headers: ("grpc-encoding", "gzip"));

        Assert.Equal("8", result.GrpcStatus);
        Assert.Empty(_server.Sync.Applied);
    }

    [Fact]
    public async Task Unsupported_encoding_is_unimplemented()
    {
        var result = await RawGrpcRequest.SendAsync(
            _server.Address, PushPath, RawGrpcRequest.Frame(ValidBatch(), flag: 1), headers: ("grpc-encoding", "snappy"));

        Assert.Equal("12", result.GrpcStatus);
        Assert.Contains("snappy", result.GrpcMessage, StringComparison.Ordinal);
        Assert.Empty(_server.Sync.Applied);
    }

    [Fact]
    public async Task Malformed_timeout_is_refused_before_anything_is_applied()
    {
        var result = await RawGrpcRequest.SendAsync(
            _server.Address, PushPath, RawGrpcRequest.Frame(ValidBatch()), headers: ("grpc-timeout", "12x"));

        Assert.Equal("13", result.GrpcStatus);
        Assert.Contains("grpc-timeout", result.GrpcMessage, StringComparison.Ordinal);
        Assert.Empty(_server.Sync.Applied);
    }

    [Theory]
    [InlineData("application/grpc")]
    [InlineData("application/grpc+proto")]
    [InlineData("application/grpc; charset=binary")]
    public async Task Every_protobuf_content_type_is_served(string contentType)
    {
        var result = await RawGrpcRequest.SendAsync(_server.Address, PushPath, RawGrpcRequest.Frame(ValidBatch()), contentType);

        Assert.Equal("0", result.GrpcStatus);
        Assert.True(_server.Sync.Applied.ContainsKey("k1"));
    }

    [Fact]
    public async Task A_valid_timeout_is_honoured_not_refused()
    {
        var result = await RawGrpcRequest.SendAsync(
            _server.Address, PushPath, RawGrpcRequest.Frame(ValidBatch()), headers: ("grpc-timeout", "20S"));

        Assert.Equal("0", result.GrpcStatus);
        Assert.True(_server.Sync.Applied.ContainsKey("k1"));
    }

    [Fact]
    public async Task A_handler_exception_stays_unknown_although_read_failures_became_internal()
    {
        var request = new Contracts.Report.V1.GetKpisRequest { QueueIds = { "boom" } }.ToByteArray();

        var result = await RawGrpcRequest.SendAsync(
            _server.Address, "/appliance.report.v1.ReportService/GetKpis", RawGrpcRequest.Frame(request));

        Assert.Equal("2", result.GrpcStatus);
        Assert.DoesNotContain("secret", result.GrpcMessage ?? string.Empty, StringComparison.Ordinal);
    }
}
