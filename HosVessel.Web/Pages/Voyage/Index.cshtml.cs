using HosVessel.Web.Voyages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HosVessel.Web.Pages.Voyage;

public sealed class IndexModel(VoyageStore store) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public FilterInput Filter { get; set; } = new();

    public int PageNumber { get; private set; } = 1;

    public PaginatedList<Voyages.Voyage> Voyages { get; private set; } = new([], 0, 1, VoyagesApi.PageSize);

    public string? LastPush { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // "page" is a reserved route value in Razor Pages (the page's own name), so model binding cannot take it.
        PageNumber = int.TryParse(Request.Query["page"], out var page) ? page : 1;
        Voyages = await store.SearchAsync(Filter.ToFilter(), PageNumber, VoyagesApi.PageSize, cancellationToken);
        LastPush = await store.GetLastPushAsync(cancellationToken) is { } time ? KoreanTime.Format(time) : null;
    }

    public string PageUrl(int page) => "/voyage" + QueryString.Create(new Dictionary<string, string?>
    {
        ["vessel_name"] = Filter.VesselName,
        ["line"] = Filter.Line,
        ["supervisor"] = Filter.Supervisor,
        ["s_crew"] = Filter.Crew,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(pair => !string.IsNullOrWhiteSpace(pair.Value)));

    /// <summary>The query names are the old app's, so bookmarked searches keep working.</summary>
    public sealed class FilterInput
    {
        [FromQuery(Name = "vessel_name")]
        public string? VesselName { get; set; }

        [FromQuery(Name = "line")]
        public string? Line { get; set; }

        [FromQuery(Name = "supervisor")]
        public string? Supervisor { get; set; }

        [FromQuery(Name = "s_crew")]
        public string? Crew { get; set; }

        public bool IsEmpty => new[] { VesselName, Line, Supervisor, Crew }.All(string.IsNullOrWhiteSpace);

        public VoyageFilter ToFilter() => new(VesselName, Line, Supervisor, Crew);
    }
}
