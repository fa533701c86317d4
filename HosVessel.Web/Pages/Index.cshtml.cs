using System.Globalization;
using System.Security.Claims;
using HosVessel.Web.Accounts;
using HosVessel.Web.Data;
using HosVessel.Web.Fleet;
using HosVessel.Web.Vessels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace HosVessel.Web.Pages;

/// <summary>
/// Anonymous visitors see the ship count and a login link; signed-in staff see the fleet at a glance
/// (arrivals, PSC, crew relief, audits, and for admins data quality), for their own ships or the whole fleet.
/// </summary>
public sealed class IndexModel(
    VesselStore vessels, FleetReader fleetReader, FleetOverviewCache panels, MyFleetStore myFleet, IOptions<FleetOptions> options,
    TimeProvider clock) : PageModel
{
    public const string ScopeAll = "all";
    public const string ScopeMine = "mine";

    /// <summary>Rows a panel shows before "모두 보기": enough for a morning glance, short enough for a phone.</summary>
    public const int PanelRows = 12;

    public long VesselCount { get; private set; }

    public FleetOptions Options => options.Value;

    public DateTime NowKst { get; private set; }

    public FleetOverview? Overview { get; private set; }

    public DataQualityReport? DataQuality { get; private set; }

    public MyFleetSettings MySettings { get; private set; } = MyFleetSettings.None;

    /// <summary>True when the panels show only the user's ships.</summary>
    public bool ShowingMine { get; private set; }

    public int MineCount { get; private set; }

    public int FleetCount { get; private set; }

    public DateTimeOffset? LastPush { get; private set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "scope")]
    public string? Scope { get; set; }

    /// <summary>The panel (its element id) shown in full instead of its first <see cref="PanelRows"/> rows.</summary>
    [BindProperty(SupportsGet = true, Name = "expand")]
    public string? Expand { get; set; }

    public FleetSearchResult? SearchResults { get; private set; }

    public int RowsFor(string panelId) => Expand == panelId ? int.MaxValue : PanelRows;

    /// <summary>The link that shows all of a panel's rows, keeping the scope.</summary>
    public string ExpandLink(string panelId) =>
        $"/?expand={panelId}{(Scope is { Length: > 0 } scope ? "&scope=" + Uri.EscapeDataString(scope) : "")}#{panelId}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            VesselCount = await vessels.CountAsync(cancellationToken);
            return Page();
        }
        var fleet = await fleetReader.ReadAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(Query))
        {
            SearchResults = await fleetReader.SearchAsync(fleet, Query, cancellationToken);
            if (SearchResults is { Count: 1, Ships: [var only] })
            {
                return Redirect(only.Link);
            }
        }
        if (long.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var userId))
        {
            MySettings = await myFleet.GetAsync(userId, cancellationToken);
        }
        NowKst = KoreanTime.Now(clock).DateTime;
        ShowingMine = MySettings.IsSet && Scope != ScopeAll;
        MineCount = MySettings.IsSet ? fleet.CountMine(MySettings) : 0;
        FleetCount = fleet.Count;
        LastPush = fleet.LastPush;
        Overview = panels.Overview(fleet, ShowingMine ? MySettings : null, NowKst);
        if (User.IsInRole(Roles.Admin))
        {
            DataQuality = fleet.Quality;
        }
        return Page();
    }
}
