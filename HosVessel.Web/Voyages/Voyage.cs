namespace HosVessel.Web.Voyages;

/// <summary>
/// One vessel's voyage: as parsed from a push (no id yet) and as stored. Its fields are listed, with
/// their JSON path and column, once in <see cref="VoyageFieldTable"/>; everything else derives from there.
/// </summary>
public sealed class Voyage
{
    public long Id { get; set; }

    /// <summary>The register vessel whose <c>name_key</c> matches, found when read; null when the register lacks it.</summary>
    public long? VesselId { get; set; }

    public string UpdatedAt { get; set; } = "";

    /// <summary>Normalised by <see cref="Vessels.VesselName.Normalise"/>, so it is also the key pushes replace by.</summary>
    public string VesselName { get; set; } = "";

    public string? VoyNo { get; set; }
    public string? Line { get; set; }
    public string? Teu { get; set; }
    public string? Flag { get; set; }
    public string? Captain { get; set; }
    public string? ChiefEngineer { get; set; }
    public string? SafetySupervisor { get; set; }
    public string? OpsSupervisor { get; set; }
    public string? PscMou1 { get; set; }
    public string? PscDate1 { get; set; }
    public string? PscMou2 { get; set; }
    public string? PscDate2 { get; set; }
    public string? LastPort { get; set; }
    public string? LastEtd { get; set; }
    public string? NextPort { get; set; }
    public string? NextEta { get; set; }
    public string? NextEtb { get; set; }
    public string? NextEtd { get; set; }
    public string? Itinerary { get; set; }
}

/// <summary>The pushed vessel names the register has (<paramref name="Linked"/>) and lacks (<paramref name="Unlinked"/>).</summary>
public sealed record VoyagePushResult(IReadOnlyList<string> Linked, IReadOnlyList<string> Unlinked);

/// <summary>One row of the feed log: a push or a clear, accepted or refused.</summary>
public sealed class VoyageFeedEntry
{
    public const string PushAction = "push";
    public const string ClearAction = "clear";

    public long Id { get; set; }
    public string Action { get; set; } = PushAction;
    public string ReceivedAt { get; set; } = "";
    public string? ClientIp { get; set; }
    public int StatusCode { get; set; }
    public int Received { get; set; }
    public int Linked { get; set; }
    public int Unlinked { get; set; }
    public double DurationMs { get; set; }
    public string? FirstError { get; set; }
}
