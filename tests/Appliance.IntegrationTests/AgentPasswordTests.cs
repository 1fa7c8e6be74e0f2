using System.Text;

namespace Appliance.IntegrationTests;

/// <summary>`appliance agent password`: a generated password, printed once, never stored in clear.</summary>
public sealed class AgentPasswordTests(ApplianceFixture fixture) : IClassFixture<ApplianceFixture>
{
    [Fact]
    public async Task A_generated_password_is_printed_once_and_only_its_hashes_are_stored()
    {
        var first = await ApplianceProcess.RunVerbAsync("agent", "password", "--data", fixture.DataDirectory, "--agent", "1001");
        var second = await ApplianceProcess.RunVerbAsync("agent", "password", "--data", fixture.DataDirectory, "--agent", "1001");

        Assert.True(first.ExitCode == 0, first.StdErr);
        var password = first.StdOut.Trim();
        Assert.Equal(16, password.Length);
        Assert.NotEqual(password, second.StdOut.Trim());
        foreach (var file in Directory.GetFiles(fixture.DataDirectory, "appliance.db*"))
        {
            var bytes = await ReadSharedAsync(file);
            Assert.DoesNotContain(password, Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_agent_is_refused_with_a_clear_message()
    {
        var result = await ApplianceProcess.RunVerbAsync("agent", "password", "--data", fixture.DataDirectory, "--agent", "9999");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("9999", result.StdErr, StringComparison.Ordinal);
        Assert.True(string.IsNullOrWhiteSpace(result.StdOut));
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
