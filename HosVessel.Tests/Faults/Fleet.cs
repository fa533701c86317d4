using System.Text.Json;

namespace HosVessel.Tests.Faults;

/// <summary>Generated fleets and voyage pushes with valid IMO numbers, for seeding and for load.</summary>
public static class Fleet
{
    /// <summary>The <paramref name="index"/>-th valid IMO number from a base well away from real ships.</summary>
    public static string Imo(int index)
    {
        var six = 100000 + index;
        var digits = six.ToString("D6");
        var sum = 0;
        for (var i = 0; i < 6; i++)
        {
            sum += (digits[i] - '0') * (7 - i);
        }
        return digits + (sum % 10);
    }

    public static Dictionary<string, object?> Vessel(string prefix, int index) => new()
    {
        ["name"] = $"{prefix} {index:D5}",
        ["imo_no"] = Imo(index),
        ["ship_code"] = $"{prefix[0]}{index:D5}",
        ["ship_type"] = "CNTR",
        ["size"] = "24K",
        ["flag"] = "KOR",
        ["ro"] = "KR",
        ["class"] = "KR",
        ["tic"] = "CT1",
        ["crew"] = "CM1",
    };

    public static List<Dictionary<string, object?>> Vessels(string prefix, int from, int count) =>
        [.. Enumerable.Range(from, count).Select(index => Vessel(prefix, index))];

    public static Dictionary<string, object?> Voyage(string prefix, int index, string voyNo) => new()
    {
        ["vessel_name"] = $"{prefix} {index:D5}",
        ["voy_no"] = voyNo,
        ["line"] = "FE4",
        ["teu"] = "24K",
        ["flag"] = "KOR",
        ["captain"] = "이상필 (2026-02-05)",
        ["chief_engineer"] = "문학병 (2025-10-30)",
        ["safety_supervisor"] = "장성욱",
        ["ops_supervisor"] = "강문수",
        ["psc_inspection"] = new Dictionary<string, string> { ["mou_1"] = "Tokyo", ["date_1"] = "2025-09-09" },
        ["last_port"] = new Dictionary<string, string> { ["port"] = "SGSIN(PSA)", ["etd"] = "2026-02-19 04:30" },
        ["next_port"] = new Dictionary<string, string> { ["port"] = "GBFXT(GBR)", ["eta"] = "2026-03-21 04:00" },
        ["itinerary"] = "NLRTM / RWG(03/24) → DEHAM / CTB(03/30)",
    };

    public static byte[] Push(string prefix, int count, string voyNo) =>
        JsonSerializer.SerializeToUtf8Bytes(Enumerable.Range(1, count).Select(index => Voyage(prefix, index, voyNo)));
}
