using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Appliance.Host.Tests.Hosting;

/// <summary>
/// Every [LoggerMessage] in the firmware has an event id no other log message uses, so an operator's filter or alert on
/// an id means one thing. Two components once both took 1210.
/// </summary>
public sealed class LogEventIdTests
{
    [Fact]
    public void No_two_log_messages_in_the_firmware_share_an_event_id()
    {
        var messages = FirmwareAssemblies()
            .SelectMany(SafeTypes)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(x => x.Attribute is not null)
            .ToList();

        Assert.True(messages.Count > 50, $"only {messages.Count} log messages found: the scan is looking in the wrong place");
        var clashes = messages
            .GroupBy(x => x.Attribute!.EventId)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: " + string.Join(", ", g.Select(x => $"{x.Method.DeclaringType!.FullName}.{x.Method.Name}")))
            .ToList();
        Assert.True(clashes.Count == 0, "shared event ids:\n" + string.Join("\n", clashes));
    }

    private static IEnumerable<Assembly> FirmwareAssemblies()
    {
        var folder = Path.GetDirectoryName(typeof(Program).Assembly.Location)!;
        return Directory.GetFiles(folder, "Appliance.*.dll")
            .Append(typeof(Program).Assembly.Location)
            .Where(path => !Path.GetFileName(path).Contains("Tests", StringComparison.Ordinal)
                && !Path.GetFileName(path).Contains("Testing", StringComparison.Ordinal))
            .Distinct()
            .Select(Assembly.LoadFrom);
    }

    private static IEnumerable<Type> SafeTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException error)
        {
            return error.Types.OfType<Type>();
        }
    }
}
