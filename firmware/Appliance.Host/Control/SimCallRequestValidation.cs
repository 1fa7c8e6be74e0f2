using System.Globalization;

namespace Appliance.Host.Control;

/// <summary>
/// The checks on a <see cref="SimCallRequest"/> that need no knowledge of the board; the runner checks the line exists.
/// Used by the control API (400 on failure) and by the CLI before it sends anything.
/// </summary>
public static class SimCallRequestValidation
{
    public const int MaximumDigits = 64;
    public const int MaximumNumberLength = 32;

    /// <summary>An hour covers any test scenario; longer values are almost certainly a typo (ms for s).</summary>
    public const double MaximumSeconds = 3600;

    /// <summary>The longest heard-audio path accepted.</summary>
    public const int MaximumPathLength = 1024;

    // A comma is a one-second pause between keys, as on a phone's dial string.
    private const string DtmfKeys = "0123456789*#ABCDabcd,";

    /// <summary>The problem with <paramref name="request"/>, or null when it may be run.</summary>
    public static string? Validate(SimCallRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Line < 1)
        {
            return string.Create(CultureInfo.InvariantCulture, $"line must be 1 or more (got {request.Line})");
        }

        return ValidateNumber(request.From)
            ?? ValidateDigits(request.Digits)
            ?? ValidateSeconds("talk", request.TalkSeconds, allowZero: true)
            ?? ValidateSeconds("hangup-after", request.HangupAfterSeconds, allowZero: false)
            ?? ValidateHeardPath(request.HeardPath);
    }

    // The folder's existence is the runner's check: it is a fact of the machine, not of the request.
    private static string? ValidateHeardPath(string? path)
    {
        if (path is null)
        {
            return null;
        }

        if (path.Length is 0 or > MaximumPathLength || path.Contains('\0', StringComparison.Ordinal))
        {
            return string.Create(CultureInfo.InvariantCulture, $"heard must be a file path of 1 to {MaximumPathLength} characters");
        }

        if (!Path.IsPathFullyQualified(path))
        {
            return $"heard must be an absolute path (got '{path}')";
        }

        return path.EndsWith(".wav", StringComparison.OrdinalIgnoreCase) ? null : $"heard must name a .wav file (got '{path}')";
    }

    private static string? ValidateNumber(string? from)
    {
        if (string.IsNullOrEmpty(from))
        {
            return "from (the caller's number) is required";
        }

        var digits = from.StartsWith('+') ? from.AsSpan(1) : from.AsSpan();
        if (from.Length > MaximumNumberLength || digits.IsEmpty || digits.ContainsAnyExceptInRange('0', '9'))
        {
            return $"from must be a phone number of at most {MaximumNumberLength} digits, optionally after '+' (got '{from}')";
        }

        return null;
    }

    private static string? ValidateDigits(string? digits)
    {
        if (digits is null)
        {
            return null;
        }

        if (digits.Length > MaximumDigits)
        {
            return string.Create(CultureInfo.InvariantCulture, $"digits may be at most {MaximumDigits} keys long (got {digits.Length})");
        }

        var bad = digits.AsSpan().IndexOfAnyExcept(DtmfKeys);
        return bad < 0
            ? null
            : string.Create(
                CultureInfo.InvariantCulture,
                $"digits may contain only DTMF keys 0-9, *, # and A-D, and ',' for a one-second pause; '{digits[bad]}' at position {bad + 1} is not one");
    }

    private static string? ValidateSeconds(string name, double? seconds, bool allowZero)
    {
        if (seconds is not { } value)
        {
            return null;
        }

        var tooSmall = allowZero ? value < 0 : value <= 0;
        if (double.IsNaN(value) || tooSmall || value > MaximumSeconds)
        {
            var range = allowZero ? "between 0 and" : "more than 0 and at most";
            return string.Create(CultureInfo.InvariantCulture, $"{name} must be {range} {MaximumSeconds} seconds (got {value})");
        }

        return null;
    }
}
