namespace HosVessel.Web.Voyages;

/// <summary>One page of a sorted list plus what the pager needs.</summary>
public sealed class PaginatedList<T>(IReadOnlyList<T> items, int totalCount, int pageIndex, int pageSize)
{
    public IReadOnlyList<T> Items { get; } = items;
    public int TotalCount { get; } = totalCount;
    public int PageIndex { get; } = pageIndex;
    public int PageSize { get; } = pageSize;
    public int TotalPages { get; } = Math.Max(1, (totalCount + pageSize - 1) / pageSize);
    public bool HasPreviousPage => PageIndex > 1;
    public bool HasNextPage => PageIndex < TotalPages;
}
