namespace HosVessel.Web.Pages;

/// <summary>The shared <c>_BackLink</c> partial: where "back" goes on a page below a list.</summary>
public sealed record BackLink(string Href, string Label);

/// <summary>
/// The shared <c>_FilterCard</c> partial, one for every list: one search line, the other filters folded under
/// "필터" (a <c>&lt;details&gt;</c>, so it works without script and opens itself when one is set), and "초기화"
/// always there. <paramref name="Kept"/> are values the form carries unchanged (the sort).
/// </summary>
public sealed record FilterCardView(
    string Action, FilterField Search, IReadOnlyList<FilterField> Fields, IReadOnlyList<(string Name, string Value)> Kept)
{
    public int ActiveFields => Fields.Count(filter => !string.IsNullOrWhiteSpace(filter.Value));
}

/// <summary>One filter: a text box, or a select when it has <paramref name="Options"/> (value and shown text).</summary>
public sealed record FilterField(
    string Name, string Label, string? Value, string? Placeholder = null, IReadOnlyList<(string Value, string Text)>? Options = null);

/// <summary>A list's sort choices as links (<c>_SortLinks</c>), each keeping the filters.</summary>
public sealed record SortLinksView(IReadOnlyList<(string Label, string Href, bool Current)> Choices);
