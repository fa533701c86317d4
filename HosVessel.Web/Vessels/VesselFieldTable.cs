using HosVessel.Web.Codes;

namespace HosVessel.Web.Vessels;

/// <summary>
/// One register field: its key (form name, JSON and CSV key, and <c>vessels</c> column: the old app used one
/// name for all four), its Korean label, whether the forms require it, how a typed value is cleaned and which
/// rule refuses it. The optional parts say where else it shows: the list's columns, the detail page's cards, search.
/// </summary>
public sealed record VesselField(
    string Key, string Label, bool Required, string Example, Func<VesselFields, string?> Get, Action<VesselFields, string?> Set)
{
    /// <summary>The <c>vessels</c> column: the key itself, so SQL never spells a C# member name.</summary>
    public string Column => Key;

    public int MaxLength { get; init; } = VesselValidator.TextMaxLength;

    /// <summary>Turns a value as typed into the value stored (trimmed, empty as none, codes upper-cased).</summary>
    public Func<string?, string?> Clean { get; init; } = VesselValidator.Text;

    /// <summary>The Korean reason a cleaned, non-empty value cannot be true, or null when it is acceptable.</summary>
    public Func<VesselField, string, string?> Rule { get; init; } = static (_, _) => null;

    /// <summary>The list page's column header, or null when the list leaves the field out.</summary>
    public string? ListLabel { get; init; }

    /// <summary>A list column hidden on phones.</summary>
    public bool ListSecondary { get; init; }

    /// <summary>The list can be sorted by it (every list column, and some others).</summary>
    public bool Sortable { get; init; }

    /// <summary>Sorted without regard to case (names and codes people type in either case).</summary>
    public bool SortCaseless { get; init; }

    /// <summary>The ORDER BY expression.</summary>
    public string SortExpression => SortCaseless ? Column + " COLLATE NOCASE" : Column;

    /// <summary>The search box looks in it (vessels.search_key and its trigram index, 0005_vessel_search_keys.sql, cover the same columns).</summary>
    public bool Searched { get; init; }

    /// <summary>
    /// The field holds codes named on <c>/codes</c>: pages show the Korean name beside the code, and the form
    /// offers the known codes as the person types (a new code is still accepted, and flagged there for a name).
    /// </summary>
    public CodeKind? Codes { get; init; }

    /// <summary>A JSON import may give it as a number (IMO numbers and years often arrive so).</summary>
    public bool NumberAllowed { get; init; }

    /// <summary>Shown on the detail page's first card (the rest go on the second).</summary>
    public bool Basic { get; init; }
}

/// <summary>
/// The vessel's shape, written once. The forms, validation, CSV and JSON import and export, the read API, the
/// store's SQL, the list's columns and the legacy import all read it. Adding a field means a property on
/// <see cref="VesselFields"/>, a row here and a migration for the column; <c>VesselFieldTableTests</c> checks the rest.
/// </summary>
public static class VesselFieldTable
{
    public static IReadOnlyList<VesselField> All { get; } =
    [
        new("name", "선박명", true, "HYUNDAI AMBITION", f => f.Name, (f, v) => f.Name = v)
            { MaxLength = VesselName.MaxLength, ListLabel = "선박명", Sortable = true, SortCaseless = true, Searched = true, Basic = true },
        new("imo_no", "IMO 번호", true, "9321483", f => f.ImoNo, (f, v) => f.ImoNo = v)
            { NumberAllowed = true, Clean = ImoNumber.Clean, Rule = VesselValidator.Imo, ListLabel = "IMO", ListSecondary = true, Sortable = true, Searched = true, Basic = true },
        new("ship_code", "선박 코드", true, "HOAC", f => f.ShipCode, (f, v) => f.ShipCode = v)
            { MaxLength = VesselValidator.ShipCodeMaxLength, Clean = VesselValidator.Code, Rule = VesselValidator.ShipCode, ListLabel = "코드", Sortable = true, SortCaseless = true, Searched = true, Basic = true },
        new("ship_type", "선종", true, "CNTR", f => f.ShipType, (f, v) => f.ShipType = v)
            { Codes = CodeKind.ShipType, Clean = VesselValidator.Code, Rule = VesselValidator.ShipType, ListLabel = "선종", Sortable = true, Basic = true },
        new("size", "크기", true, "24K", f => f.Size, (f, v) => f.Size = v)
            { ListLabel = "크기", ListSecondary = true, Sortable = true, Basic = true },
        new("flag", "국적", true, "KOR", f => f.Flag, (f, v) => f.Flag = v)
            { Codes = CodeKind.Flag, Clean = VesselValidator.Code, ListLabel = "국적", Sortable = true, Basic = true },
        new("ro", "RO (대행 검사 기관)", true, "KR", f => f.Ro, (f, v) => f.Ro = v) { Codes = CodeKind.Ro, Clean = VesselValidator.Code },
        new("class", "선급", true, "DNV/KR", f => f.Class, (f, v) => f.Class = v)
            { Codes = CodeKind.ClassSociety, Clean = VesselValidator.Class, Rule = VesselValidator.ClassRule, ListLabel = "선급", ListSecondary = true, Sortable = true },
        new("built_year", "건조 연월", false, "2019-05", f => f.BuiltYear, (f, v) => f.BuiltYear = v)
            { NumberAllowed = true, Rule = VesselValidator.BuiltYear, ListLabel = "건조", ListSecondary = true, Sortable = true },
        new("shipyard", "조선소", false, "HHI", f => f.Shipyard, (f, v) => f.Shipyard = v),
        new("finance", "금융 구분", false, "국적선", f => f.Finance, (f, v) => f.Finance = v),
        new("tic", "담당 팀 (TIC)", true, "CT1", f => f.Tic, (f, v) => f.Tic = v)
            { Codes = CodeKind.Team, Clean = VesselValidator.Code, ListLabel = "담당 팀", ListSecondary = true, Sortable = true },
        new("crew", "선원 관리팀 (crew)", true, "CM1", f => f.Crew, (f, v) => f.Crew = v)
            { Codes = CodeKind.Crew, Clean = VesselValidator.Code, ListLabel = "선원 관리팀", ListSecondary = true, Sortable = true },
        new("callsign", "호출부호", false, "D7JI", f => f.Callsign, (f, v) => f.Callsign = v)
            { Clean = VesselValidator.Code, Searched = true, Basic = true },
        new("internal_audit", "내부 심사일", false, "2025-03-14", f => f.InternalAudit, (f, v) => f.InternalAudit = v)
            { Rule = VesselValidator.Date, Sortable = true },
    ];

    public static VesselField Name { get; } = All[0];

    public static VesselField Imo { get; } = All[1];

    public static VesselField ShipCode { get; } = All[2];

    /// <summary>The field a file's column or JSON key names, by key or by Korean label.</summary>
    public static VesselField? Find(string key) =>
        All.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase) || f.Label == key);

    /// <summary>The columns in table order, for SELECT and INSERT lists.</summary>
    public static string Columns(string prefix = "") => string.Join(", ", All.Select(f => prefix + f.Column));
}
