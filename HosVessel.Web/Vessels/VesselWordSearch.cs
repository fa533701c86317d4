using System.Data.Common;
using Dapper;

namespace HosVessel.Web.Vessels;

/// <summary>
/// A name-ordered search through the word index (0007_vessel_words.sql): the register's words that contain a key,
/// then their entries merged in list order, so the count reads at most its cap and a page reads offset + 20 entries,
/// however many vessels match and wherever they sit in name order.
/// </summary>
internal sealed class VesselWordSearch
{
    // Past this many words (a fragment such as "B00" inside many ship codes) the search goes the other ways.
    private const int MaxWords = 16;

    private readonly IReadOnlyList<string> words;
    private readonly string direction;

    private VesselWordSearch(IReadOnlyList<string> words, bool descending)
    {
        this.words = words;
        direction = descending ? "DESC" : "ASC";
    }

    /// <summary>The search for <paramref name="query"/>, or null when the word index cannot answer it.</summary>
    public static async Task<VesselWordSearch?> FindAsync(DbConnection connection, VesselQuery query)
    {
        if (query.WordIndexKeys() is not { } keys)
        {
            return null;
        }
        var words = (await connection.QueryAsync<string>(
            "SELECT word FROM vessel_word_search WHERE vessel_word_search MATCH @phrase LIMIT @limit",
            new { phrase = VesselQuery.Phrases(keys), limit = MaxWords + 1 })).AsList();
        return words.Count > MaxWords ? null : new VesselWordSearch(words, query.Descending);
    }

    /// <summary>How many vessels hold one of the words, counting no further than <paramref name="atMost"/>.</summary>
    public async Task<long> CountAsync(DbConnection connection, long atMost) =>
        words.Count == 0 ? 0 : await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM ({Entries()} LIMIT {atMost})", Parameters());

    /// <summary>The page's vessels: its entries first, then only their rows of the register.</summary>
    public async Task<IReadOnlyList<Vessel>> PageAsync(DbConnection connection, string selectColumns, string orderBy, int limit, int offset)
    {
        if (words.Count == 0)
        {
            return [];
        }
        var parameters = Parameters();
        parameters.AddDynamicParams(new { limit, offset });
        return await VesselStore.ReadAsync(connection,
            $"{selectColumns} FROM vessels WHERE id IN (SELECT id FROM ({Entries()} LIMIT @limit OFFSET @offset)) ORDER BY {orderBy}", parameters);
    }

    // One ordered range of the primary key per word; SQLite merges them (MERGE (UNION)), dropping a vessel met twice.
    private string Entries() =>
        string.Join(" UNION ", words.Select((_, i) => $"SELECT name, id FROM vessel_words WHERE word = @word{i}"))
        + $" ORDER BY name {direction}, id {direction}";

    private DynamicParameters Parameters()
    {
        var parameters = new DynamicParameters();
        for (var i = 0; i < words.Count; i++)
        {
            parameters.Add($"word{i}", words[i]);
        }
        return parameters;
    }
}
