using HosVessel.Web.Vessels;
using HosVessel.Web.Voyages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HosVessel.Web.Pages.VesselPages;

public sealed class DetailModel(VesselStore store, VoyageStore voyages) : PageModel
{
    public Vessel Vessel { get; private set; } = new();

    public Voyages.Voyage? CurrentVoyage { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await store.FindByIdAsync(id, cancellationToken) is not { } vessel)
        {
            return NotFound();
        }
        Vessel = vessel;
        CurrentVoyage = await voyages.GetByVesselNameKeyAsync(vessel.NameKey, cancellationToken);
        return Page();
    }
}
