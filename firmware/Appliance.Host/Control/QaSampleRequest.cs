namespace Appliance.Host.Control;

/// <summary>For <c>POST /v1/qa/sample</c>: a day (yyyy-MM-dd) of the week to draw; none draws the last complete week.</summary>
public sealed record QaSampleRequest(string? Week = null);
