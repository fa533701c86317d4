using HosVessel.Web.Data;
using HosVessel.Web.Vessels;
using Microsoft.AspNetCore.Mvc;

namespace HosVessel.Web.Voyages;

/// <summary>
/// The voyage list's filters, sort and page, bound with <c>[AsParameters]</c> by <c>GET /api/voyages</c> and by the
/// <c>/voyage</c> page's model. The names are the old app's, so bookmarked searches keep working; every filter is
/// a partial, case-insensitive match.
/// </summary>
public sealed record VoyageQuery(
    [FromQuery(Name = "vessel_name")] string? VesselName = null,
    [FromQuery(Name = "line")] string? Line = null,
    [FromQuery(Name = "supervisor")] string? Supervisor = null,
    [FromQuery(Name = "s_crew")] string? Crew = null,
    [FromQuery(Name = ListQuery.PageKey)] int Page = 1,
    [FromQuery(Name = "sort")] string? Sort = null)
{
    public const int PageSize = 20;

    public const string SortByName = "name";
    public const string SortByEta = "eta";
    public const string SortByLine = "line";

    // A voyage without an ETA (or line) sorts after the ones with; the feed's "yyyy-MM-dd HH:mm" sorts as text.
    private static readonly Dictionary<string, string> SortOrders = new(StringComparer.OrdinalIgnoreCase)
    {
        [SortByName] = "v.vessel_name COLLATE NOCASE, v.id",
        [SortByEta] = "coalesce(trim(v.next_eta), '') = '', trim(v.next_eta), v.vessel_name COLLATE NOCASE, v.id",
        [SortByLine] = "coalesce(trim(v.line), '') = '', upper(trim(v.line)), v.vessel_name COLLATE NOCASE, v.id",
    };

    /// <summary>The sort actually used: a known one, else by ship name.</summary>
    public string SortKey => Sort is not null && SortOrders.ContainsKey(Sort) ? Sort.ToLowerInvariant() : SortByName;

    internal string OrderBy => SortOrders[SortKey];

    public bool IsEmpty => new[] { VesselName, Line, Supervisor, Crew }.All(string.IsNullOrWhiteSpace);

    /// <summary>The filters as SQL and as link values.</summary>
    public ListQuery ToListQuery()
    {
        var list = new ListQuery().Keep("vessel_name", VesselName);
        // The name matches as the register's search does (Vessels.VesselName.SearchKeys): "h/smart", "hyundai  smart"
        // and "현대 smart" all find HYUNDAI SMART.
        var keys = Vessels.VesselName.SearchKeys(VesselName);
        if (keys.Count > 0)
        {
            list.And("(" + string.Join(" OR ", keys.Select((_, i) => $"instr(upper(v.vessel_key), @name{i}) > 0")) + ")",
                keys.Select((key, i) => ($"name{i}", (object?)key)));
        }
        return list
            .Filter("line", Line, Contains("line", "v.line"), "line", Upper)
            .Filter("supervisor", Supervisor, Contains("supervisor", "v.safety_supervisor", "v.ops_supervisor"), "supervisor", Upper)
            .Filter("s_crew", Crew, Contains("crew", "v.captain", "v.chief_engineer"), "crew", Upper)
            .Keep("sort", SortKey == SortByName ? null : SortKey);
    }

    private static string Upper(string value) => value.ToUpperInvariant();

    private static string Contains(string parameter, params string[] columns) =>
        "(" + string.Join(" OR ", columns.Select(c => $"instr(upper({c}), @{parameter}) > 0")) + ")";
}
