using HosVessel.Web.Vessels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HosVessel.Web.Pages.VesselPages;

public sealed class DetailModel(VesselStore store) : PageModel
{
    public Vessel Vessel { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await store.FindByIdAsync(id, cancellationToken) is not { } vessel)
        {
            return NotFound();
        }
        Vessel = vessel;
        return Page();
    }
}
