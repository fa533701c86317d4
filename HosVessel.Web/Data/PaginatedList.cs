namespace HosVessel.Web.Data;

/// <summary>One page of results plus what a pager needs to link to the others.</summary>
public sealed class PaginatedList<T>(IReadOnlyList<T> items, long totalCount, int pageIndex, int pageSize) : IPagedList
{
    public IReadOnlyList<T> Items { get; } = items;
    public long TotalCount { get; } = totalCount;
    public int PageIndex { get; } = pageIndex;
    public int PageSize { get; } = pageSize;
    public int TotalPages { get; } = PageCount(totalCount, pageSize);
    public bool HasPreviousPage => PageIndex > 1;
    public bool HasNextPage => PageIndex < TotalPages;

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

    private static int PageCount(long total, int pageSize) => Math.Max(1, (int)((total + pageSize - 1) / pageSize));
}

/// <summary>What the shared pager partial reads, whatever the rows are.</summary>
public interface IPagedList
{
    int PageIndex { get; }
    int TotalPages { get; }
    bool HasPreviousPage { get; }
    bool HasNextPage { get; }
}
