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

    /// <summary>The sort key actually used: a sortable field's key, else <c>name</c>.</summary>
    public string SortKey => Sort is not null && SortColumns.ContainsKey(Sort) ? Sort.ToLowerInvariant() : VesselFieldTable.Name.Key;

    public bool Descending => string.Equals(Dir, "desc", StringComparison.OrdinalIgnoreCase);

    internal string OrderBy => $"{SortColumns[SortKey]} {(Descending ? "DESC" : "ASC")}, id {(Descending ? "DESC" : "ASC")}";

    /// <summary>
    /// The filters as SQL and as link values. Written for SQLite to collect the matches through their indexes (the
    /// trigram index, the type and flag indexes) and sort them, which is cheap while they are few; with
    /// <paramref name="walkSortOrder"/> every test is one SQLite makes on each row while it walks the sort order's
    /// index, which stops at the end of the page and so is cheap when they are many (see <see cref="VesselStore.SearchAsync"/>).
    /// </summary>
    public ListQuery ToListQuery(bool walkSortOrder = false)
    {
        var list = new ListQuery().Keep("name", Name);
        var keys = VesselName.SearchKeys(SearchTerm(Name));
        if (keys.Count > 0)
        {
            if (!walkSortOrder && keys.All(key => key.EnumerateRunes().Count() >= MinIndexedTermLength))
            {
                // The trigram index (0005_vessel_search_keys.sql) finds substrings; each key is a quoted phrase, taken literally.
                list.Join("vessel_search ON vessel_search.rowid = vessels.id")
                    .And("vessel_search MATCH @phrase", "phrase", Phrases(keys));
            }
            else
            {
                // Too short for trigrams, or walking the sort order: instr() tests the same text, literally. Unless it
                // walks another order, SQLite reads search_key from the name index rather than computing it for every row.
                if (!walkSortOrder)
                {
                    list.Through("ix_vessels_name");
                }
                list.And("(" + string.Join(" OR ", keys.Select((_, i) => $"instr(search_key, @key{i}) > 0")) + ")", keys.Select((key, i) => ($"key{i}", (object?)key)));
            }
        }
        // A unary + keeps SQLite off the type and flag indexes, so it walks the sort order instead.
        var column = walkSortOrder ? "+" : "";
        return list
            .Filter("ship_type", ShipType, $"{column}ship_type = @shipType", "shipType", value => value.ToUpperInvariant())
            .Filter("flag", Flag, $"{column}flag = @flag", "flag", value => value.ToUpperInvariant())
            .Keep("sort", Sort)
            .Keep("dir", Dir);
    }

    /// <summary>
    /// The search keys when the word index (0007_vessel_words.sql) can answer this query, else null: the list in name
    /// order with no other filter, and each key one word (no space) of at least three characters (trigrams) with one
    /// that is not a digit (words of digits only are not indexed).
    /// </summary>
    public IReadOnlyList<string>? WordIndexKeys()
    {
        if (SortKey != VesselFieldTable.Name.Key || !string.IsNullOrWhiteSpace(ShipType) || !string.IsNullOrWhiteSpace(Flag))
        {
            return null;
        }
        var keys = VesselName.SearchKeys(SearchTerm(Name));
        return keys.Count > 0 && keys.All(key =>
            !key.Contains(' ', StringComparison.Ordinal) && key.EnumerateRunes().Count() >= MinIndexedTermLength && key.Any(c => !char.IsAsciiDigit(c)))
            ? keys : null;
    }

    /// <summary>The keys as one full-text query: each a quoted phrase, taken literally.</summary>
    internal static string Phrases(IEnumerable<string> keys) => string.Join(" OR ", keys.Select(Phrase));

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

    private static string Phrase(string key) => "\"" + key.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
