namespace HosVessel.Web.Voyages;

/// <summary>
/// One field of <see cref="Voyage"/>: its path in n8n's JSON (a dot for the nested objects) and its
/// <c>voyages</c> column. <paramref name="FromLegacy"/> says the Flask table has a column of the same name.
/// </summary>
public sealed record VoyageField(
    string JsonPath, string Column, Func<Voyage, string?> Get, Action<Voyage, string?> Set, bool FromLegacy = true)
{
    /// <summary>The nested object the field sits in (<c>psc_inspection</c>, ...), or null at the top level.</summary>
    public string? JsonObject => JsonPath.IndexOf('.') is var dot and > 0 ? JsonPath[..dot] : null;

    /// <summary>The property name inside <see cref="JsonObject"/>, or the whole path at the top level.</summary>
    public string JsonName => JsonPath[(JsonPath.IndexOf('.') + 1)..];
}

/// <summary>
/// The voyage's shape, written once: the parser, the store's SQL, the legacy import and the guard test read
/// it. Adding a field means a property on <see cref="Voyage"/>, a row here and a migration for the column.
/// </summary>
public static class VoyageFieldTable
{
    /// <summary>Required and the replace key; the Flask column holds the name as typed, so the import normalises it.</summary>
    public static readonly VoyageField VesselName = new("vessel_name", "vessel_name", v => v.VesselName, (v, s) => v.VesselName = s ?? "", FromLegacy: false);

    public static readonly IReadOnlyList<VoyageField> All =
    [
        VesselName,
        new("voy_no", "voy_no", v => v.VoyNo, (v, s) => v.VoyNo = s),
        new("line", "line", v => v.Line, (v, s) => v.Line = s),
        new("teu", "teu", v => v.Teu, (v, s) => v.Teu = s),
        // The Flask feed dropped the flag; it has no column there.
        new("flag", "flag", v => v.Flag, (v, s) => v.Flag = s, FromLegacy: false),
        new("captain", "captain", v => v.Captain, (v, s) => v.Captain = s),
        new("chief_engineer", "chief_engineer", v => v.ChiefEngineer, (v, s) => v.ChiefEngineer = s),
        new("safety_supervisor", "safety_supervisor", v => v.SafetySupervisor, (v, s) => v.SafetySupervisor = s),
        new("ops_supervisor", "ops_supervisor", v => v.OpsSupervisor, (v, s) => v.OpsSupervisor = s),
        new("psc_inspection.mou_1", "psc_mou_1", v => v.PscMou1, (v, s) => v.PscMou1 = s),
        new("psc_inspection.date_1", "psc_date_1", v => v.PscDate1, (v, s) => v.PscDate1 = s),
        new("psc_inspection.mou_2", "psc_mou_2", v => v.PscMou2, (v, s) => v.PscMou2 = s),
        new("psc_inspection.date_2", "psc_date_2", v => v.PscDate2, (v, s) => v.PscDate2 = s),
        new("last_port.port", "last_port", v => v.LastPort, (v, s) => v.LastPort = s),
        new("last_port.etd", "last_etd", v => v.LastEtd, (v, s) => v.LastEtd = s),
        new("next_port.port", "next_port", v => v.NextPort, (v, s) => v.NextPort = s),
        new("next_port.eta", "next_eta", v => v.NextEta, (v, s) => v.NextEta = s),
        new("next_port.etb", "next_etb", v => v.NextEtb, (v, s) => v.NextEtb = s),
        new("next_port.etd", "next_etd", v => v.NextEtd, (v, s) => v.NextEtd = s),
        new("itinerary", "itinerary", v => v.Itinerary, (v, s) => v.Itinerary = s),
    ];

    /// <summary>The columns the legacy import copies unchanged from Flask's <c>voyage_info</c>.</summary>
    public static IReadOnlyList<string> LegacyColumns { get; } = [.. All.Where(f => f.FromLegacy).Select(f => f.Column)];
}
