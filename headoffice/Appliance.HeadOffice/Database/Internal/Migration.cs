namespace Appliance.HeadOffice.Database.Internal;

/// <summary>One numbered schema step. Numbers only grow; a shipped step is never edited, only followed by a new one.</summary>
internal sealed record Migration(int Version, string Description, string Sql);
