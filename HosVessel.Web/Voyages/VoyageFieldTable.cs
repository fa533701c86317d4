using HosVessel.Web.Codes;

namespace HosVessel.Web.Voyages;

/// <summary>
/// One field of <see cref="Voyage"/>: its path in n8n's JSON (a dot for the nested objects), its
/// <c>voyages</c> column and its Korean label. <paramref name="FromLegacy"/> says the Flask table has a column of the same name.
/// </summary>
public sealed record VoyageField(
    string JsonPath, string Column, string Label, Func<Voyage, string?> Get, Action<Voyage, string?> Set, bool FromLegacy = true)
{
    /// <summary>The field holds codes named on <c>/codes</c>, shown with their Korean names.</summary>
    public CodeKind? Codes { get; init; }

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
    public static readonly VoyageField VesselName = new("vessel_name", "vessel_name", "선박명", v => v.VesselName, (v, s) => v.VesselName = s ?? "", FromLegacy: false);

    /// <summary>The line (route code) the ship runs on; "항로" alone also meant the itinerary, so both say which.</summary>
    public static readonly VoyageField Line = new("line", "line", "항로 (라인)", v => v.Line, (v, s) => v.Line = s) { Codes = CodeKind.Line };

    public static readonly VoyageField Flag =
        new("flag", "flag", "국적", v => v.Flag, (v, s) => v.Flag = s, FromLegacy: false) { Codes = CodeKind.Flag };

    /// <summary>The ports of call in order, as the feed writes them.</summary>
    public static readonly VoyageField Itinerary = new("itinerary", "itinerary", "기항지 순서", v => v.Itinerary, (v, s) => v.Itinerary = s);

    public static readonly IReadOnlyList<VoyageField> All =
    [
        VesselName,
        new("voy_no", "voy_no", "항차", v => v.VoyNo, (v, s) => v.VoyNo = s),
        Line,
        new("teu", "teu", "TEU", v => v.Teu, (v, s) => v.Teu = s),
        // The Flask feed dropped the flag; it has no column there.
        Flag,
        new("captain", "captain", "선장", v => v.Captain, (v, s) => v.Captain = s),
        new("chief_engineer", "chief_engineer", "기관장", v => v.ChiefEngineer, (v, s) => v.ChiefEngineer = s),
        new("safety_supervisor", "safety_supervisor", "안전감독", v => v.SafetySupervisor, (v, s) => v.SafetySupervisor = s),
        new("ops_supervisor", "ops_supervisor", "운항감독", v => v.OpsSupervisor, (v, s) => v.OpsSupervisor = s),
        new("psc_inspection.mou_1", "psc_mou_1", "PSC 1차 MOU", v => v.PscMou1, (v, s) => v.PscMou1 = s),
        new("psc_inspection.date_1", "psc_date_1", "PSC 1차 일자", v => v.PscDate1, (v, s) => v.PscDate1 = s),
        new("psc_inspection.mou_2", "psc_mou_2", "PSC 2차 MOU", v => v.PscMou2, (v, s) => v.PscMou2 = s),
        new("psc_inspection.date_2", "psc_date_2", "PSC 2차 일자", v => v.PscDate2, (v, s) => v.PscDate2 = s),
        new("last_port.port", "last_port", "최근 출항지", v => v.LastPort, (v, s) => v.LastPort = s),
        new("last_port.etd", "last_etd", "최근 출항 ETD", v => v.LastEtd, (v, s) => v.LastEtd = s),
        new("next_port.port", "next_port", "다음 입항지", v => v.NextPort, (v, s) => v.NextPort = s),
        new("next_port.eta", "next_eta", "다음 입항 ETA", v => v.NextEta, (v, s) => v.NextEta = s),
        new("next_port.etb", "next_etb", "다음 입항 ETB", v => v.NextEtb, (v, s) => v.NextEtb = s),
        new("next_port.etd", "next_etd", "다음 입항 ETD", v => v.NextEtd, (v, s) => v.NextEtd = s),
        Itinerary,
    ];

    /// <summary>The columns the legacy import copies unchanged from Flask's <c>voyage_info</c>.</summary>
    public static IReadOnlyList<string> LegacyColumns { get; } = [.. All.Where(f => f.FromLegacy).Select(f => f.Column)];
}
