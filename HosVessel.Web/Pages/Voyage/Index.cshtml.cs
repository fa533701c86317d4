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

    public string? LastPush { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Voyages = await store.SearchAsync(Filter, cancellationToken);
        LastPush = await store.GetLastPushAsync(cancellationToken) is { } time ? KoreanTime.Format(time) : null;
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
}
