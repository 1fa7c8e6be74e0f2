namespace Appliance.Core.Quality;

/// <summary>Why a QA request was refused.</summary>
public enum QaFailure
{
    /// <summary>A value is missing or wrong.</summary>
    Invalid,

    /// <summary>The call or scorecard does not exist.</summary>
    NotFound,

    /// <summary>The call already has a score on that scorecard.</summary>
    Conflict,
}
