namespace HosVessel.Web.Codes;

/// <summary>
/// Every named code, held in memory by <see cref="CodeStore"/> so a list page names its codes without a query per
/// row. Looks codes up trimmed and upper-cased; a combined class (<c>LR+KR</c>) is named society by society.
/// </summary>
public sealed class CodeNameBook(IReadOnlyDictionary<(CodeKind Kind, string Code), string> names)
{
    public const string Unnamed = "이름 없음";

    public static readonly CodeNameBook Empty = new(new Dictionary<(CodeKind, string), string>());

    public int Count => names.Count;

    // A register uses a few dozen distinct values; the bound only guards against a flood of odd ones.
    private const int MaxCells = 10_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(CodeKind, string), CodeCell?> cells = new();

    /// <summary>
    /// What a stored value shows on a page, worked out once per value for as long as this book is current (a list
    /// page shows the same few codes on every row). Null for an empty value.
    /// </summary>
    public CodeCell? Cell(CodeKind kind, string? value)
    {
        if (value is null)
        {
            return null;
        }
        if (cells.TryGetValue((kind, value), out var known))
        {
            return known;
        }
        var parts = CodeKinds.Parts(kind, value);
        var cell = parts.Count == 0 ? null : new CodeCell(CodeKinds.Normalise(value)!, Describe(kind, value)!, parts,
            parts.Any(part => NameOf(kind, part) is null), parts.All(part => NameOf(kind, part) is null));
        if (cells.Count < MaxCells)
        {
            cells.TryAdd((kind, value), cell);
        }
        return cell;
    }

    /// <summary>The Korean name of one code, or null when nobody has named it yet.</summary>
    public string? NameOf(CodeKind kind, string code) =>
        CodeKinds.Normalise(code) is { } key && names.TryGetValue((kind, key), out var name) ? name : null;

    /// <summary>
    /// What a stored value means in Korean: "대한민국"; for <c>LR+KR</c> "로이드선급 + 한국선급", keeping the value's
    /// separators; <see cref="Unnamed"/> for a code without a name (naming the code when it is one part of several).
    /// Null for an empty value.
    /// </summary>
    public string? Describe(CodeKind kind, string? value)
    {
        var parts = CodeKinds.Parts(kind, value);
        if (parts.Count == 0)
        {
            return null;
        }
        if (parts.Count == 1)
        {
            return NameOf(kind, parts[0]) ?? Unnamed;
        }
        var text = CodeKinds.Normalise(value)!;
        var joined = new System.Text.StringBuilder();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('/' or '+'))
            {
                continue;
            }
            var part = text[start..i].Trim();
            if (part.Length > 0)
            {
                joined.Append(NameOf(kind, part) ?? $"{part} {Unnamed}");
            }
            if (i < text.Length)
            {
                joined.Append(' ').Append(text[i]).Append(' ');
            }
            start = i + 1;
        }
        return joined.ToString();
    }
}
