using HosVessel.Web.Data;

namespace HosVessel.Web.Pages;

/// <summary>
/// What the shared <c>_Pager</c> partial shows: where the list is, and the URL of another page of it. The URL
/// comes from the list's own query (see <c>Data/ListQuery.cs</c>), so every filter and sort survives paging.
/// </summary>
public sealed record PagerView(IPagedList List, Func<int, string> Url)
{
    /// <summary>Pages shown on each side of the current one, besides the first and the last.</summary>
    public const int Around = 2;

    /// <summary>
    /// The page numbers to link, in order, with <c>null</c> where a run of pages is left out: the first, the last
    /// and <see cref="Around"/> on each side of the current page. A gap of a single page shows the page instead.
    /// </summary>
    public IReadOnlyList<int?> Pages()
    {
        var (current, last) = (List.PageIndex, List.TotalPages);
        var shown = new SortedSet<int> { 1, last };
        for (var page = Math.Max(1, current - Around); page <= Math.Min(last, current + Around); page++)
        {
            shown.Add(page);
        }
        var pages = new List<int?>();
        var previous = 0;
        foreach (var page in shown)
        {
            if (page - previous == 2)
            {
                pages.Add(page - 1);
            }
            else if (page - previous > 2)
            {
                pages.Add(null);
            }
            pages.Add(page);
            previous = page;
        }
        if (List.TotalCountCapped)
        {
            pages.Add(null); // the count stopped early: more pages follow the last one counted
        }
        return pages;
    }
}
