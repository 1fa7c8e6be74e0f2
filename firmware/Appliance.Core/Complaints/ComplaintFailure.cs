namespace Appliance.Core.Complaints;

/// <summary>Why a complaint change was refused.</summary>
public enum ComplaintFailure
{
    /// <summary>A value is missing or wrong, or the status change is not allowed (HTTP 400).</summary>
    Invalid,

    /// <summary>No complaint ticket has the id (HTTP 404).</summary>
    NotFound,

    /// <summary>The ticket changed since the revision the change is based on (HTTP 409).</summary>
    StaleRevision,
}
