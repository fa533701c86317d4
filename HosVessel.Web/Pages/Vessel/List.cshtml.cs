using HosVessel.Web.Codes;
using HosVessel.Web.Data;
using HosVessel.Web.Exports;
using HosVessel.Web.Vessels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HosVessel.Web.Pages.VesselPages;

public sealed class ListModel(VesselStore store, CodeStore codes, TimeProvider clock) : PageModel
{
    /// <summary>Bound from the query string by the same names as the read API's <c>[AsParameters]</c>.</summary>
    [BindProperty(SupportsGet = true, Name = "")]
    public VesselQuery Query { get; set; } = new();
    public PaginatedList<Vessel> Vessels { get; private set; } = new([], 0, 1, VesselQuery.PageSize);
    public IReadOnlyList<string> ShipTypes { get; private set; } = [];
    public IReadOnlyList<string> Flags { get; private set; } = [];
    private CodeNameBook names = CodeNameBook.Empty;

    /// <summary>The table's columns, in field table order (each also a sort key).</summary>
    public static IReadOnlyList<VesselField> Columns { get; } = [.. VesselFieldTable.All.Where(f => f.ListLabel is not null)];

    /// <summary>The cached body's key (see <see cref="PageFragments"/>): the filters, sort and page as its links carry them.</summary>
    public PageFragment Fragment { get; private set; }

    public void OnGet() => Fragment = PageFragments.For(HttpContext, ListUrl(Query.Page));

    /// <summary>Reads what the body shows; the page calls it inside its cached block, so only when it renders the body.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Vessels = await store.SearchAsync(Query, cancellationToken);
        (ShipTypes, Flags) = await store.FilterOptionsAsync(cancellationToken);
        names = await codes.NamesAsync(cancellationToken);
    }

    /// <summary>The current filtered list as CSV (UTF-8 with BOM, all pages).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var vessels = await store.ListAllAsync(Query, cancellationToken);
        await CsvExport.DownloadAsync(Response, "vessels", "선박목록", clock, VesselCsv.Columns, vessels, cancellationToken);
        return new EmptyResult();
    }

    /// <summary>The list's URL with the current filters: another page, another sort, or the CSV.</summary>
    public string ListUrl(int page = 1, string? handler = null, params (string Key, string? Value)[] replaced) =>
        ListQuery.Url("/vessel/list", Query.ToListQuery().Values(page, [.. replaced, ("handler", handler)]));

    /// <summary>A header link: the same filters, this column, the other direction if already sorted by it.</summary>
    public string SortLink(string column) =>
        ListUrl(replaced: [("sort", column), ("dir", Query.SortKey == column && !Query.Descending ? "desc" : "asc")]);

    public FilterCardView FilterCard => new("/vessel/list",
        new FilterField("name", "검색", Query.Name, "선박명, 코드, IMO, 호출부호"),
        [
            new FilterField("ship_type", "선종", Query.ShipType, Options: Named(CodeKind.ShipType, ShipTypes)),
            new FilterField("flag", "국적", Query.Flag, Options: Named(CodeKind.Flag, Flags)),
        ],
        string.IsNullOrEmpty(Query.Sort) ? [] : [("sort", Query.SortKey), ("dir", Query.Descending ? "desc" : "asc")]);

    // A select cannot hold a title, so the option itself says "CNTR · 컨테이너선".
    private List<(string Value, string Text)> Named(CodeKind kind, IReadOnlyList<string> values) =>
        [.. values.Select(value => (value, names.NameOf(kind, value) is { } name ? $"{value} · {name}" : value))];

    public string SortIndicator(string column) => Query.SortKey != column ? "" : Query.Descending ? " ▼" : " ▲";

    public string? AriaSort(string column) => Query.SortKey != column ? null : Query.Descending ? "descending" : "ascending";
}
