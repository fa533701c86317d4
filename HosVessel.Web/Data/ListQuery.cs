using System.Globalization;
using Dapper;

namespace HosVessel.Web.Data;

/// <summary>
/// A list's filters built once into both things that need them: the SQL (WHERE clause and parameters) and the
/// query-string values its links carry (pager, sort headers, CSV). Each list's query object (<c>VesselQuery</c>,
/// <c>VoyageQuery</c>, ...) is bound from the query string and describes its filters here.
/// </summary>
public sealed class ListQuery
{
    public const string PageKey = "page";

    private readonly List<string> conditions = [];
    private readonly List<string> joins = [];
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public DynamicParameters Parameters { get; } = new();

    /// <summary>The WHERE clause with a leading space, or empty.</summary>
    public string Where => conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);

    private string? index;

    /// <summary>The FROM clause with a leading space: <paramref name="table"/>, the index it is read through, and the joined tables.</summary>
    public string From(string table) =>
        $" FROM {table}{(index is null ? "" : " INDEXED BY " + index)}{string.Concat(joins.Select(join => " JOIN " + join))}";

    /// <summary>True when the list is filtered at all.</summary>
    public bool IsFiltered => conditions.Count > 0 || joins.Count > 0;

    /// <summary>Reads the list's table through <paramref name="indexName"/>, where SQLite would read the table itself and the index holds all a filter tests.</summary>
    public ListQuery Through(string indexName)
    {
        index = indexName;
        return this;
    }

    /// <summary>Joins a table whose rows answer a filter (a full-text index, say): <c>"t ON t.rowid = list.id"</c>.</summary>
    public ListQuery Join(string tableAndCondition)
    {
        joins.Add(tableAndCondition);
        return this;
    }

    /// <summary>Keeps a typed value in the list's links (blank values are left out).</summary>
    public ListQuery Keep(string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            values[key] = value;
        }
        return this;
    }

    /// <summary>Adds a condition to the WHERE clause with its one parameter.</summary>
    public ListQuery And(string condition, string parameter, object? value)
    {
        conditions.Add(condition);
        Parameters.Add(parameter, value);
        return this;
    }

    /// <summary>Adds a condition to the WHERE clause with several parameters.</summary>
    public ListQuery And(string condition, IEnumerable<(string Name, object? Value)> parameters)
    {
        conditions.Add(condition);
        foreach (var (name, value) in parameters)
        {
            Parameters.Add(name, value);
        }
        return this;
    }

    /// <summary>A filter typed under <paramref name="key"/>: kept in links and, when not blank, a condition.</summary>
    public ListQuery Filter(string key, string? typed, string condition, string parameter, Func<string, object> value) =>
        string.IsNullOrWhiteSpace(typed) ? this : Keep(key, typed).And(condition, parameter, value(typed.Trim()));

    /// <summary>The values for a link to <paramref name="page"/> (page 1 is left out), with <paramref name="replaced"/> set.</summary>
    public Dictionary<string, string> Values(int page = 1, params (string Key, string? Value)[] replaced)
    {
        var link = new Dictionary<string, string>(values, StringComparer.Ordinal);
        foreach (var (key, value) in replaced)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                link.Remove(key);
            }
            else
            {
                link[key] = value;
            }
        }
        if (page > 1)
        {
            link[PageKey] = page.ToString(CultureInfo.InvariantCulture);
        }
        return link;
    }

    /// <summary><paramref name="path"/> with <paramref name="linkValues"/> as its query string.</summary>
    public static string Url(string path, IReadOnlyDictionary<string, string> linkValues) =>
        path + QueryString.Create(linkValues.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)));
}
