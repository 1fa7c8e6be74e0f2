using Appliance.Core.Configuration;
using Appliance.Core.Configuration.Flow;
using Appliance.Core.Directory;
using Appliance.Core.Routing;

namespace Appliance.Core.Ivr.Internal;

/// <summary>A condition node: the first rule that holds for this call, now, picks the next node.</summary>
internal static class Conditions
{
    public static string? Choose(ConditionNode node, CallSession call, ICallCenterDirectory directory) =>
        node.Rules.FirstOrDefault(rule => Holds(rule, call, directory))?.Next ?? node.Else;

    private static bool Holds(ConditionRule rule, CallSession call, ICallCenterDirectory directory) => rule.Subject switch
    {
        "caller" => call.Channel.Caller.Number is { } number && rule.Value is { } prefix && number.StartsWith(prefix, StringComparison.Ordinal),
        "vip" => directory.VipPriority(call.Channel.Caller.Number) > 0,
        "language" => call.Language == rule.Value,
        "time" => ClockTime.TryParseRange(rule.Value, out var start, out var end)
                  && TimeZoneInfo.ConvertTime(call.Now, directory.TimeZone).TimeOfDay is var now && now >= start && now < end,
        "calendar" => rule.Name is { } name && directory.Calendar(name) is { } calendar && BusinessCalendar.IsOpen(calendar, directory.TimeZone, call.Now),
        "variable" => rule.Name is { } variable && call.Variables.TryGetValue(variable, out var value) && value == rule.Value,
        _ => false,
    };
}
