using HosVessel.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace HosVessel.Web.Vessels;

/// <summary>
/// The vessel list's filters, sort and page as the query string gives them, bound with <c>[AsParameters]</c> by
/// the read API and by the list page's model. Sort columns come from the field table's sortable fields, so a query
/// string never reaches the SQL text.
/// </summary>
public sealed record VesselQuery(
    [FromQuery(Name = "name")] string? Name = null,
    [FromQuery(Name = "ship_type")] string? ShipType = null,
    [FromQuery(Name = "flag")] string? Flag = null,
    [FromQuery(Name = "sort")] string? Sort = null,
    [FromQuery(Name = "dir")] string? Dir = null,
    [FromQuery(Name = ListQuery.PageKey)] int Page = 1)
{
    public const int PageSize = 20;
    private const int MinIndexedTermLength = 3;

    private static readonly Dictionary<string, string> SortColumns =
        VesselFieldTable.All.Where(f => f.Sortable).ToDictionary(f => f.Key, f => f.SortExpression, StringComparer.OrdinalIgnoreCase);

    private static readonly string ContainsTerm =
        "(" + string.Join(" OR ", VesselFieldTable.All.Where(f => f.Searched).Select(f => $@"{f.Column} LIKE @term ESCAPE '\'")) + ")";

    /// <summary>The sort key actually used: a sortable field's key, else <c>name</c>.</summary>
    public string SortKey => Sort is not null && SortColumns.ContainsKey(Sort) ? Sort.ToLowerInvariant() : VesselFieldTable.Name.Key;

    public bool Descending => string.Equals(Dir, "desc", StringComparison.OrdinalIgnoreCase);

    internal string OrderBy => $"{SortColumns[SortKey]} {(Descending ? "DESC" : "ASC")}, id {(Descending ? "DESC" : "ASC")}";

    /// <summary>The filters as SQL and as link values.</summary>
    public ListQuery ToListQuery()
    {
        var list = new ListQuery().Keep("name", Name);
        if (SearchTerm(Name) is { } term)
        {
            if (term.EnumerateRunes().Count() >= MinIndexedTermLength)
            {
                // The trigram index (0002_vessel_search.sql) finds substrings; a quoted phrase is taken literally.
                list.And("id IN (SELECT rowid FROM vessel_search WHERE vessel_search MATCH @phrase)",
                    "phrase", "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
            }
            else
            {
                // Too short for trigrams: scan. LIKE is case-insensitive for ASCII; Korean has no case.
                list.And(ContainsTerm, "term", "%" + EscapeLike(term) + "%");
            }
        }
        return list
            .Filter("ship_type", ShipType, "ship_type = @shipType", "shipType", value => value.ToUpperInvariant())
            .Filter("flag", Flag, "flag = @flag", "flag", value => value.ToUpperInvariant())
            .Keep("sort", Sort)
            .Keep("dir", Dir);
    }

    // No register value holds a control character, and FTS5 ends a quoted phrase at a NUL ("unterminated string"):
    // they are dropped, so any text typed or pasted into the box is a search, never an error.
    private static string? SearchTerm(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var term = name.Any(char.IsControl) ? new string([.. name.Where(c => !char.IsControl(c))]).Trim() : name.Trim();
        return term.Length == 0 ? null : term;
    }

    private static string EscapeLike(string term) =>
        term.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
