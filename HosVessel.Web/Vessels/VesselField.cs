namespace HosVessel.Web.Vessels;

/// <summary>One register field: its key (form, JSON, CSV), its Korean label and how to read or write it.</summary>
public sealed record VesselField(
    string Key,
    string Label,
    bool Required,
    string Example,
    Func<VesselFields, string?> Get,
    Action<VesselFields, string?> Set)
{
    /// <summary>All fields in the order the forms, the CSV and the issue list them.</summary>
    public static IReadOnlyList<VesselField> All { get; } =
    [
        new("name", "선박명", true, "HYUNDAI AMBITION", f => f.Name, (f, v) => f.Name = v),
        new("imo_no", "IMO 번호", true, "9321483", f => f.ImoNo, (f, v) => f.ImoNo = v),
        new("ship_code", "선박 코드", true, "HOAC", f => f.ShipCode, (f, v) => f.ShipCode = v),
        new("ship_type", "선종", true, "CNTR", f => f.ShipType, (f, v) => f.ShipType = v),
        new("size", "크기", true, "24K", f => f.Size, (f, v) => f.Size = v),
        new("flag", "국적", true, "KOR", f => f.Flag, (f, v) => f.Flag = v),
        new("ro", "선박 구분 (RO)", true, "KR", f => f.Ro, (f, v) => f.Ro = v),
        new("class", "선급", true, "DNV/KR", f => f.Class, (f, v) => f.Class = v),
        new("built_year", "건조 연월", false, "2019-05", f => f.BuiltYear, (f, v) => f.BuiltYear = v),
        new("shipyard", "조선소", false, "HHI", f => f.Shipyard, (f, v) => f.Shipyard = v),
        new("finance", "금융 구분", false, "국적선", f => f.Finance, (f, v) => f.Finance = v),
        new("tic", "담당팀", true, "CT1", f => f.Tic, (f, v) => f.Tic = v),
        new("crew", "선원 정보", true, "CM1", f => f.Crew, (f, v) => f.Crew = v),
        new("callsign", "호출부호", false, "D7JI", f => f.Callsign, (f, v) => f.Callsign = v),
        new("internal_audit", "내부 심사일", false, "2025-03-14", f => f.InternalAudit, (f, v) => f.InternalAudit = v),
    ];

    public static VesselField? Find(string key) =>
        All.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase) || f.Label == key);
}
