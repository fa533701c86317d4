namespace HosVessel.Web.Voyages;

/// <summary>One vessel's voyage as n8n sends it, flattened the way the <c>voyages</c> table stores it.</summary>
public sealed class VoyageFields
{
    public string VesselKey { get; set; } = "";
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

/// <summary>A stored voyage with its id and, when the register has a vessel of that name, the vessel's id.</summary>
public sealed class Voyage
{
    public long Id { get; set; }
    public long? VesselId { get; set; }
    public string UpdatedAt { get; set; } = "";
    public VoyageFields Fields { get; set; } = new();

    public bool IsLinked => VesselId is not null;
}

/// <summary>The list filters shared by the page and <c>GET /api/voyages</c>; all partial and case-insensitive.</summary>
public sealed record VoyageFilter(string? VesselName, string? Line, string? Supervisor, string? Crew)
{
    public static readonly VoyageFilter None = new(null, null, null, null);
}

/// <summary>What a successful push changed, for the response, the feed log and telemetry.</summary>
public sealed record VoyagePushResult(int Stored, IReadOnlyList<string> Linked, IReadOnlyList<string> Unlinked);

/// <summary>One row of the feed log.</summary>
public sealed class VoyageFeedEntry
{
    public long Id { get; set; }
    public string ReceivedAt { get; set; } = "";
    public string? ClientIp { get; set; }
    public int StatusCode { get; set; }
    public int Received { get; set; }
    public int Linked { get; set; }
    public int Unlinked { get; set; }
    public double DurationMs { get; set; }
    public string? FirstError { get; set; }
}
