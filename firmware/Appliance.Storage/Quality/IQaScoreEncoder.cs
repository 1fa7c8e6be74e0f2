namespace Appliance.Storage.Quality;

/// <summary>Turns a QA score into the bytes head office receives (Appliance.Sync provides the protobuf form).</summary>
public interface IQaScoreEncoder
{
    /// <summary>The payload_version the encoding follows.</summary>
    int PayloadVersion { get; }

    /// <summary>Encodes one score.</summary>
    byte[] Encode(QaScoreRecord score);
}
