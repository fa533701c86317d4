using HosVessel.Web.Data;
using HosVessel.Web.Voyages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HosVessel.Web.Pages.Voyage;

public sealed class IndexModel(VoyageStore store) : PageModel
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

    public string PageUrl(int page) => ListQuery.Url("/voyage", Filter.ToListQuery().Values(page));
}
