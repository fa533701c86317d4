using HosVessel.Web.Accounts;
using HosVessel.Web.Voyages;
using HosVessel.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HosVessel.Web.Pages.Voyage;

[Authorize(Policy = AccountsExtensions.AdminPolicy)]
public sealed class FeedModel(VoyageFeedLog feedLog) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "")]
    public FeedLogQuery Query { get; set; } = new();

    public PaginatedList<VoyageFeedEntry> Entries { get; private set; } = new([], 0, 1, FeedLogQuery.PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Entries = await feedLog.SearchAsync(Query, cancellationToken);

    public static string PageUrl(int page) => ListQuery.Url("/voyage/feed", new ListQuery().Values(page));
}
