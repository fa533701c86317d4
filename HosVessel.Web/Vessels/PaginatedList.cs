namespace HosVessel.Web.Vessels;

/// <summary>One page of results plus what a pager needs to link to the others.</summary>
public sealed class PaginatedList<T>(IReadOnlyList<T> items, long totalCount, int pageIndex, int pageSize)
{
    public IReadOnlyList<T> Items { get; } = items;
    public long TotalCount { get; } = totalCount;
    public int PageIndex { get; } = pageIndex;
    public int PageSize { get; } = pageSize;
    public int TotalPages { get; } = Math.Max(1, (int)((totalCount + pageSize - 1) / pageSize));
    public bool HasPreviousPage => PageIndex > 1;
    public bool HasNextPage => PageIndex < TotalPages;
}
