namespace Appliance.Host.Control;

/// <summary>
/// A simulated inbound call for <c>appliance sim call</c> / <c>POST /v1/sim/calls</c>: the simulated exchange rings
/// <see cref="Line"/> with caller ID <see cref="From"/>, the caller keys <see cref="Digits"/> in the menu, talks for
/// <see cref="TalkSeconds"/> once an agent answers, and gives up after <see cref="HangupAfterSeconds"/> if set.
/// </summary>
/// <param name="Line">1-based line number on the board.</param>
/// <param name="From">The caller's number: digits, optionally after a leading '+'.</param>
/// <param name="Digits">DTMF keys to press once the menu answers (0-9, *, #, A-D; a comma waits one second), or null for none.</param>
/// <param name="TalkSeconds">How long the caller talks once an agent answers, or null for the runner's default.</param>
/// <param name="HangupAfterSeconds">The caller hangs up this long after dialling whatever is happening (an abandon), or null.</param>
/// <param name="HeardPath">
/// Where the appliance writes what the caller heard from the box, from answer to hang-up (a mono 8 kHz WAV): an absolute
/// path ending in .wav in a folder that exists, or null to keep nothing.
/// </param>
public sealed record SimCallRequest(
    int Line,
    string From,
    string? Digits = null,
    double? TalkSeconds = null,
    double? HangupAfterSeconds = null,
    string? HeardPath = null);
