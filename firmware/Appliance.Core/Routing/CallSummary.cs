using Appliance.Core.Journal;

namespace Appliance.Core.Routing;

/// <summary>A finished call as reported to observers once its record is stored.</summary>
public sealed record CallSummary(CallDetail Detail, string ChannelId);
