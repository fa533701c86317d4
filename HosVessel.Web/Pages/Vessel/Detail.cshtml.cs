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

    /// <summary>The cached blocks' key (see <see cref="PageFragments"/>).</summary>
    public PageFragment Fragment { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await store.FindForPageAsync(id, cancellationToken) is not { } vessel)
        {
            return NotFound();
        }
        Vessel = vessel;
        // The chart runs to "now": a block kept for at most PageFragments.MaxAge ends at most that long ago.
        Fragment = PageFragments.For(HttpContext, vessel.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Page();
    }

    /// <summary>Reads the voyage and its history; the page calls it inside its cached block, so only when it renders it.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        CurrentVoyage = await voyages.GetByVesselNameKeyAsync(Vessel.NameKey, cancellationToken);
        Timeline = new VoyageTimeline(Vessel.NameKey,
            await history.TimelineAsync(Vessel.NameKey, VoyageTimeline.Shown, cancellationToken),
            CurrentVoyage is null ? [] : await history.CurrentCallEtaAsync(Vessel.NameKey, cancellationToken: cancellationToken),
            CurrentVoyage?.NextPort, clock.GetUtcNow());
    }
}
