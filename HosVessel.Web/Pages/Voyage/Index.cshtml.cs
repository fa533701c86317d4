using HosVessel.Web.Data;
using HosVessel.Web.Exports;
using HosVessel.Web.Voyages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HosVessel.Web.Pages.Voyage;

public sealed class IndexModel(VoyageStore store, TimeProvider clock) : PageModel
{
    /// <summary>Bound from the query string by the same names as the read API's <c>[AsParameters]</c>.</summary>
    [BindProperty(SupportsGet = true, Name = "")]
    public VoyageQuery Filter { get; set; } = new();

    public PaginatedList<Voyages.Voyage> Voyages { get; private set; } = new([], 0, 1, VoyageQuery.PageSize);

    public DateTimeOffset? LastPush { get; private set; }

    /// <summary>The cached body's key (see <see cref="PageFragments"/>): the filters, sort and page as its links carry them.</summary>
    public PageFragment Fragment { get; private set; }

    public void OnGet() => Fragment = PageFragments.For(HttpContext, PageUrl(Filter.Page));

    /// <summary>Reads what the body shows; the page calls it inside its cached block, so only when it renders the body.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Voyages = await store.SearchAsync(Filter, cancellationToken);
        LastPush = await store.GetLastPushAsync(cancellationToken);
    }

    /// <summary>The filtered list as CSV (every page), with Korean headers.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var voyages = await store.ListAllAsync(Filter, cancellationToken);
        await CsvExport.DownloadAsync(Response, "voyages", "운항정보", clock, VoyageCsv.Columns, voyages, cancellationToken);
        return new EmptyResult();
    }

    public string PageUrl(int page) => ListQuery.Url("/voyage", Filter.ToListQuery().Values(page));

    public string CsvUrl => ListQuery.Url("/voyage", Filter.ToListQuery().Values(1, ("handler", "csv")));

    public FilterCardView FilterCard => new("/voyage",
        new FilterField("vessel_name", "선박명", Filter.VesselName, "선박명 (예: H/ECOPIA)"),
        [
            new FilterField("line", VoyageFieldTable.Line.Label, Filter.Line, "예: FE4"),
            new FilterField("supervisor", "감독", Filter.Supervisor, "안전·운항 감독"),
            new FilterField("s_crew", "선원", Filter.Crew, "선장·기관장"),
        ],
        Filter.SortKey == VoyageQuery.SortByName ? [] : [("sort", Filter.SortKey)]);

    public SortLinksView SortLinks => new(
    [
        .. new[] { ("선박명", VoyageQuery.SortByName), ("ETA 빠른 순", VoyageQuery.SortByEta), ("항로", VoyageQuery.SortByLine) }
            .Select(choice => (choice.Item1,
                ListQuery.Url("/voyage", Filter.ToListQuery().Values(replaced: ("sort", choice.Item2 == VoyageQuery.SortByName ? null : choice.Item2))),
                Filter.SortKey == choice.Item2)),
    ]);
}
