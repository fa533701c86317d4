namespace HosVessel.Web.Data;

/// <summary>One page of results plus what a pager needs to link to the others.</summary>
public sealed class PaginatedList<T>(IReadOnlyList<T> items, long totalCount, int pageIndex, int pageSize, bool totalCountCapped = false) : IPagedList
{
    /// <summary>A counted list stops counting here, or a few pages past the asked-for page if that is further.</summary>
    public const int CountCap = 1_000;

    private const int PagesCountedAhead = 5;

    public IReadOnlyList<T> Items { get; } = items;

    /// <summary>How many rows match; with <see cref="TotalCountCapped"/>, how many were counted before stopping (at least this many match).</summary>
    public long TotalCount { get; } = totalCount;
    public bool TotalCountCapped { get; } = totalCountCapped;
    public int PageIndex { get; } = pageIndex;
    public int PageSize { get; } = pageSize;

    /// <summary>The pages of <see cref="TotalCount"/> rows; when the count was capped, there are more pages after these.</summary>
    public int TotalPages { get; } = PageCount(totalCount, pageSize);
    public bool HasPreviousPage => PageIndex > 1;
    public bool HasNextPage => PageIndex < TotalPages || TotalCountCapped;

    /// <summary>
    /// Counts, then reads the asked-for page: a page below 1 is the first and one past the end is the last, so a
    /// stale link after deletions still shows rows. <paramref name="readPage"/> gets the LIMIT and OFFSET.
    /// </summary>
    public static async Task<PaginatedList<T>> CreateAsync(
        int requestedPage, int pageSize, Func<Task<long>> count, Func<int, int, Task<IReadOnlyList<T>>> readPage)
    {
        var total = await count();
        var page = Math.Clamp(requestedPage, 1, PageCount(total, pageSize));
        var items = await readPage(pageSize, (page - 1) * pageSize);
        return new PaginatedList<T>(items, total, page, pageSize);
    }

    /// <summary>
    /// Like the exact form, for lists that can grow large: <paramref name="countAtMost"/> counts no further than
    /// it is asked to (<see cref="CountCap"/> rows, or a few pages past the asked-for page), so a count never touches
    /// every match. <paramref name="readPage"/> also learns whether the count stopped early, that is whether the
    /// matches are many, which decides how a page is best read.
    /// </summary>
    public static async Task<PaginatedList<T>> CreateAsync(
        int requestedPage, int pageSize, Func<long, Task<long>> countAtMost, Func<int, int, bool, Task<IReadOnlyList<T>>> readPage)
    {
        var cap = Math.Max(CountCap, ((long)Math.Clamp(requestedPage, 1, int.MaxValue / pageSize - PagesCountedAhead) + PagesCountedAhead) * pageSize);
        var counted = await countAtMost(cap + 1);
        var capped = counted > cap;
        var total = Math.Min(counted, cap);
        var page = Math.Clamp(requestedPage, 1, PageCount(total, pageSize));
        var items = await readPage(pageSize, (page - 1) * pageSize, capped);
        return new PaginatedList<T>(items, total, page, pageSize, capped);
    }

    private static int PageCount(long total, int pageSize) => Math.Max(1, (int)((total + pageSize - 1) / pageSize));
}

/// <summary>What the shared pager partial reads, whatever the rows are.</summary>
public interface IPagedList
{
    int PageIndex { get; }

    /// <summary>The last page a pager may link to by number; with <see cref="TotalCountCapped"/> there are more.</summary>
    int TotalPages { get; }
    bool TotalCountCapped { get; }
    bool HasPreviousPage { get; }
    bool HasNextPage { get; }
}
