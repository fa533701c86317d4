using System.Text;
using Dapper;

namespace HosVessel.Web.Vessels;

/// <summary>
/// The list's filters, sort and page, shared by the list page, its CSV and the read API.
/// Sort columns come from a whitelist, so a query string never reaches the SQL text.
/// </summary>
public sealed record VesselQuery(
    string? Name = null, string? ShipType = null, string? Flag = null, string? Sort = null, string? Dir = null, int Page = 1)
{
    public const int PageSize = 20;
    private const int MinIndexedTermLength = 3;

    private static readonly Dictionary<string, string> SortColumns =
        VesselFieldTable.All.Where(f => f.Sortable).ToDictionary(f => f.Key, f => f.SortExpression, StringComparer.OrdinalIgnoreCase);

    private static readonly string ContainsTerm =
        "(" + string.Join(" OR ", VesselFieldTable.All.Where(f => f.Searched).Select(f => $@"{f.Column} LIKE @term ESCAPE '\'")) + ")";

    /// <summary>The sort key actually used: a whitelisted column, else <c>name</c>.</summary>
    public string SortKey => Sort is not null && SortColumns.ContainsKey(Sort) ? Sort.ToLowerInvariant() : "name";

    public bool Descending => string.Equals(Dir, "desc", StringComparison.OrdinalIgnoreCase);

    public int SafePage => Math.Max(1, Page);

    internal string OrderBy => $"{SortColumns[SortKey]} {(Descending ? "DESC" : "ASC")}, id {(Descending ? "DESC" : "ASC")}";

    /// <summary>The WHERE clause (or empty) and its parameters.</summary>
    internal (string Sql, DynamicParameters Parameters) Where()
    {
        var sql = new StringBuilder();
        var parameters = new DynamicParameters();
        void And(string condition) => sql.Append(sql.Length == 0 ? " WHERE " : " AND ").Append(condition);
        if (SearchTerm(Name) is { } term)
        {
            if (term.EnumerateRunes().Count() >= MinIndexedTermLength)
            {
                // The trigram index (0002_vessel_search.sql) finds substrings; a quoted phrase is taken literally.
                parameters.Add("phrase", "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
                And("id IN (SELECT rowid FROM vessel_search WHERE vessel_search MATCH @phrase)");
            }
            else
            {
                // Too short for trigrams: scan. LIKE is case-insensitive for ASCII; Korean has no case.
                parameters.Add("term", "%" + EscapeLike(term) + "%");
                And(ContainsTerm);
            }
        }
        if (!string.IsNullOrWhiteSpace(ShipType))
        {
            parameters.Add("shipType", ShipType.Trim().ToUpperInvariant());
            And("ship_type = @shipType");
        }
        if (!string.IsNullOrWhiteSpace(Flag))
        {
            parameters.Add("flag", Flag.Trim().ToUpperInvariant());
            And("flag = @flag");
        }
        return (sql.ToString(), parameters);
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

    /// <summary>Query-string values for links that keep the filters (pager, sort headers, CSV).</summary>
    public Dictionary<string, string> RouteValues(int? page = null, string? sort = null, string? dir = null)
    {
        var values = new Dictionary<string, string>();
        void Put(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[key] = value;
            }
        }
        Put("name", Name);
        Put("ship_type", ShipType);
        Put("flag", Flag);
        Put("sort", sort ?? Sort);
        Put("dir", dir ?? Dir);
        if ((page ?? SafePage) > 1)
        {
            values["page"] = (page ?? SafePage).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return values;
    }
}
