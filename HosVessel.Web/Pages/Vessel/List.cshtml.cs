using HosVessel.Web.Data;
using HosVessel.Web.Vessels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HosVessel.Web.Pages.VesselPages;

public sealed class ListModel(VesselStore store, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "name")] public string? Name { get; set; }
    [BindProperty(SupportsGet = true, Name = "ship_type")] public string? ShipType { get; set; }
    [BindProperty(SupportsGet = true, Name = "flag")] public string? Flag { get; set; }
    [BindProperty(SupportsGet = true, Name = "sort")] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "dir")] public string? Dir { get; set; }

    public VesselQuery Query { get; private set; } = new();
    public PaginatedList<Vessel> Vessels { get; private set; } = new([], 0, 1, VesselQuery.PageSize);
    public IReadOnlyList<string> ShipTypes { get; private set; } = [];
    public IReadOnlyList<string> Flags { get; private set; } = [];

    /// <summary>The table's columns: key (also the sort key), Korean header, hidden on phones.</summary>
    public static IReadOnlyList<(string Key, string Label, bool Secondary)> Columns { get; } =
    [
        ("name", "선박명", false), ("imo_no", "IMO", true), ("ship_code", "코드", false), ("ship_type", "선종", false),
        ("size", "크기", true), ("flag", "국적", false), ("class", "선급", true), ("built_year", "건조", true),
        ("tic", "담당팀", true), ("crew", "선원", true),
    ];

    // "page" is Razor Pages' own route value name, so the old app's ?page= is read from the query string by hand.
    private int PageNumber => int.TryParse(Request.Query["page"], out var number) ? number : 1;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = new VesselQuery(Name, ShipType, Flag, Sort, Dir, PageNumber);
        Vessels = await store.SearchAsync(Query, cancellationToken);
        (ShipTypes, Flags) = await store.FilterOptionsAsync(cancellationToken);
    }

    /// <summary>The current filtered list as CSV (UTF-8 with BOM, all pages).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var vessels = await store.ListAllAsync(new VesselQuery(Name, ShipType, Flag, Sort, Dir), cancellationToken);
        Response.ContentType = VesselCsv.ContentType;
        Response.Headers.ContentDisposition =
            $"attachment; filename=\"vessels.csv\"; filename*=UTF-8''{Uri.EscapeDataString($"선박목록-{KoreanTime.Now(clock):yyyyMMdd}.csv")}";
        await VesselCsv.WriteAsync(Response.Body, vessels, cancellationToken);
        return new EmptyResult();
    }

    public static string ListUrl(Dictionary<string, string> values, string? handler = null)
    {
        if (handler is not null)
        {
            values = new Dictionary<string, string>(values) { ["handler"] = handler };
        }
        return "/vessel/list" + QueryString.Create(values.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)));
    }

    /// <summary>Query values for a header link: the same filters, this column, the other direction if already sorted by it.</summary>
    public Dictionary<string, string> SortLink(string column)
    {
        var descending = Query.SortKey == column && !Query.Descending;
        return Query.RouteValues(page: 1, sort: column, dir: descending ? "desc" : "asc");
    }

    public string SortIndicator(string column) => Query.SortKey != column ? "" : Query.Descending ? " ▼" : " ▲";

    public string? AriaSort(string column) => Query.SortKey != column ? null : Query.Descending ? "descending" : "ascending";

    public static string? Cell(Vessel vessel, string key) => key switch
    {
        "imo_no" => vessel.ImoNo,
        "ship_code" => vessel.ShipCode,
        "ship_type" => vessel.ShipType,
        "size" => vessel.Size,
        "flag" => vessel.Flag,
        "class" => vessel.Class,
        "built_year" => vessel.BuiltYear,
        "tic" => vessel.Tic,
        "crew" => vessel.Crew,
        _ => vessel.Name,
    };
}
