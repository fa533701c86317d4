using HosVessel.Web.Voyages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HosVessel.Web.Pages.Voyage;

public sealed class DetailsModel(VoyageStore store) : PageModel
{
    public Voyages.Voyage Voyage { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } voyage)
        {
            return NotFound();
        }
        Voyage = voyage;
        return Page();
    }
}
