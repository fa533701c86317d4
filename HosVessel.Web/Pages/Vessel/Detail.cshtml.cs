using HosVessel.Web.Vessels;
using HosVessel.Web.Voyages;
using HosVessel.Web.Voyages.History;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HosVessel.Web.Pages.VesselPages;

public sealed class DetailModel(VesselStore store, VoyageStore voyages, VoyageHistoryReader history, TimeProvider clock) : PageModel
{
    public VoyageTimeline Timeline { get; private set; } = null!;

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
        Timeline = new VoyageTimeline(vessel.NameKey,
            await history.TimelineAsync(vessel.NameKey, VoyageTimeline.Shown, cancellationToken),
            CurrentVoyage is null ? [] : await history.CurrentCallEtaAsync(vessel.NameKey, cancellationToken: cancellationToken),
            CurrentVoyage?.NextPort, clock.GetUtcNow());
        return Page();
    }
}
