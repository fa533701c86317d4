using HosVessel.Web.Data;

namespace HosVessel.Web.Pages;

/// <summary>What the shared <c>_Pager</c> partial shows: where the list is, and the URL of another page of it.</summary>
public sealed record PagerView(IPagedList List, Func<int, string> Url);
