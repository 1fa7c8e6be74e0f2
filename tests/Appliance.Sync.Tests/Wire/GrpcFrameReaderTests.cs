using System.Buffers;
using System.IO.Pipelines;
using Appliance.Sync.Contracts.Sync.V1;
using Appliance.Sync.Grpc;
using Appliance.Sync.Grpc.Internal;
using Google.Protobuf;

namespace Appliance.Sync.Tests.Wire;

public sealed class GrpcFrameReaderTests
{
    private static readonly PushBatchRequest Sample = new()
    {
        BranchId = "branch-7",
        Records = { new SyncRecord { IdempotencyKey = "k1", Payload = ByteString.CopyFrom(new byte[300]) } },
    };

    private static byte[] Frames(bool gzip, params IMessage[] messages)
    {
        var writer = new ArrayBufferWriter<byte>();
        foreach (var message in messages)
        {
            GrpcFrameWriter.WriteMessage(writer, message, gzip, 1 << 20);
        }

        return writer.WrittenSpan.ToArray();
    }

    /// <summary>Feeds the bytes a few at a time, so frames straddle pipe reads the way DATA frames do.</summary>
    private static async Task<List<IMessage>> ReadAllAsync(byte[] bytes, string? encoding, int chunk = 3, int max = 1 << 20)
    {
        var pipe = new Pipe();
        var feeding = Task.Run(async () =>
        {
            for (var i = 0; i < bytes.Length; i += chunk)
            {
                await pipe.Writer.WriteAsync(bytes.AsMemory(i, Math.Min(chunk, bytes.Length - i)));
            }

            await pipe.Writer.CompleteAsync();
        });
        var messages = new List<IMessage>();
        while (await GrpcFrameReader.ReadMessageAsync(pipe.Reader, PushBatchRequest.Parser, max, encoding, default) is { } message)
        {
            messages.Add(message);
        }

        await feeding;
        return messages;
    }

    [Fact]
    public async Task Frames_already_buffered_are_returned_without_waiting_for_more_bytes()
    {
        // A live stream: two frames arrive in one write and the writer stays open (no trailers yet).
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Frames(false, Sample, Sample));

        var first = await GrpcFrameReader.ReadMessageAsync(pipe.Reader, PushBatchRequest.Parser, 1 << 20, null, default);
        var second = GrpcFrameReader.ReadMessageAsync(pipe.Reader, PushBatchRequest.Parser, 1 << 20, null, default).AsTask();

        Assert.Equal(Sample, first);
        Assert.Equal(Sample, await second.WaitAsync(TimeSpan.FromSeconds(10)));
        await pipe.Writer.CompleteAsync();
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, "gzip")]
    public async Task Messages_split_across_reads_come_back_whole(bool gzip, string? encoding)
    {
        var second = new PushBatchRequest { BranchId = "branch-8" };

        var messages = await ReadAllAsync(Frames(gzip, Sample, second), encoding);

        Assert.Equal([Sample, second], messages.Cast<PushBatchRequest>());
    }

    [Fact]
    public void Gzip_frame_is_flagged_and_smaller_than_plain()
    {
        var plain = Frames(false, Sample);
        var gzip = Frames(true, Sample);

        Assert.Equal(0, plain[0]);
        Assert.Equal(1, gzip[0]);
        Assert.True(gzip.Length < plain.Length);
    }

    [Fact]
    public async Task Length_over_the_limit_is_resource_exhausted()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => ReadAllAsync(Frames(false, Sample), null, max: 100));

        Assert.Equal(GrpcStatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Stream_ending_inside_the_header_is_internal()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => ReadAllAsync(Frames(false, Sample)[..3], null));

        Assert.Equal(GrpcStatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task Corrupt_gzip_is_internal()
    {
        var frame = Frames(true, Sample);
        frame[^5] ^= 0xFF;
        frame[^6] ^= 0xFF;

        var error = await Assert.ThrowsAsync<RpcException>(() => ReadAllAsync(frame, "gzip"));

        Assert.Equal(GrpcStatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public void Sending_over_the_limit_is_refused_before_writing()
    {
        var writer = new ArrayBufferWriter<byte>();

        var error = Assert.Throws<RpcException>(() => GrpcFrameWriter.WriteMessage(writer, Sample, gzip: false, maxMessageSize: 10));

        Assert.Equal(GrpcStatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(0, writer.WrittenCount);
    }
}
