using HosVessel.Web.Accounts;
using HosVessel.Web.Voyages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HosVessel.Web.Pages.Voyage;

[Authorize(Policy = AccountsExtensions.AdminPolicy)]
public sealed class FeedModel(VoyageFeedLog feedLog) : PageModel
{
    public IReadOnlyList<VoyageFeedEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Entries = await feedLog.LatestAsync(cancellationToken);
}
