using System.Globalization;
using Dapper;
using HosVessel.Web.Data;

namespace HosVessel.Web.Voyages.History;

/// <summary>A step of the current port call's ETA: from <paramref name="From"/> on, the feed said <paramref name="Eta"/>.</summary>
public sealed record EtaStep(DateTimeOffset From, string? Eta);

/// <summary>
/// Reads the voyage history; <see cref="VoyageStore"/> writes it. Every query is one index range. A vessel page's
/// timeline and ETA steps are kept until this process next writes (only its pushes add history), as the page is
/// opened far more often than the hourly push changes it.
/// </summary>
public sealed class VoyageHistoryReader(Database database, TimeProvider clock)
{
    public const int MaxLimit = 10_000;

    private static readonly TimeSpan CacheAge = TimeSpan.FromSeconds(10);

    private readonly ReadCache<(string Key, int Limit), IReadOnlyList<VoyageEvent>> timelines = new(clock, CacheAge, maxEntries: 1_000);

    private readonly ReadCache<(string Key, int MaxSteps), IReadOnlyList<EtaStep>> etaSteps = new(clock, CacheAge, maxEntries: 1_000);

    // About 110 KB an answer of 1,000 events: at most a few MB kept.
    private const int CachedApiLimit = 1_000;

    private readonly ReadCache<(string? Key, DateTimeOffset? Since, int Limit), byte[]?> apiAnswers = new(clock, CacheAge, maxEntries: 32);

    /// <summary>A ship's latest <paramref name="limit"/> events, newest first, for its page.</summary>
    public ValueTask<IReadOnlyList<VoyageEvent>> TimelineAsync(string vesselKey, int limit, CancellationToken cancellationToken = default) =>
        timelines.GetAsync((vesselKey, limit), (key, token) => LatestAsync(key.Key, since: null, key.Limit, token), cancellationToken);

    private const string Columns = "at, vessel_key, vessel_name, field, old_value, new_value";

    // The API's shape straight from SQLite: its C date functions turn 1,000 UTC times into KST (fixed +09:00,
    // Korea has no daylight saving) for a fraction of what parsing and formatting them in .NET costs.
    private const string ApiColumns =
        "strftime('%Y-%m-%dT%H:%M:%S+09:00', at, '+9 hours'), vessel_name, field, old_value, new_value";

    /// <summary>Newest first; <paramref name="vesselKey"/> null means the whole fleet.</summary>
    public Task<IReadOnlyList<VoyageEvent>> LatestAsync(
        string? vesselKey, DateTimeOffset? since, int limit, CancellationToken cancellationToken = default) =>
        QueryLatestAsync(Columns, r => new VoyageEvent(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Text(r, 4), Text(r, 5)),
            vesselKey, since, limit, cancellationToken);

    /// <summary>
    /// The API's answer (<see cref="ApiColumns"/>, newest first) as made by <paramref name="write"/> from the rows. Answers
    /// of up to <see cref="CachedApiLimit"/> events are kept until this process next writes (only its pushes and the
    /// prune change the history), so a script polling the API costs a copy, not a query.
    /// </summary>
    public ValueTask<byte[]?> ApiJsonAsync(string? vesselKey, DateTimeOffset? since, int limit,
        Func<System.Data.Common.DbDataReader, CancellationToken, Task<byte[]?>> write, CancellationToken cancellationToken)
    {
        async Task<byte[]?> ReadAsync((string? Key, DateTimeOffset? Since, int Limit) query, CancellationToken token)
        {
            var (sql, parameters) = LatestQuery(ApiColumns, query.Key, query.Since, query.Limit);
            await using var connection = await database.OpenAsync(token);
            using var reader = await connection.ExecuteReaderAsync(sql, parameters);
            return await write(reader, token);
        }
        return limit <= CachedApiLimit
            ? apiAnswers.GetAsync((vesselKey, since, limit), ReadAsync, cancellationToken)
            : new ValueTask<byte[]?>(ReadAsync((vesselKey, since, limit), cancellationToken));
    }

    private static string? Text(System.Data.Common.DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private async Task<IReadOnlyList<T>> QueryLatestAsync<T>(string columns, Func<System.Data.Common.DbDataReader, T> read,
        string? vesselKey, DateTimeOffset? since, int limit, CancellationToken cancellationToken)
    {
        var (sql, parameters) = LatestQuery(columns, vesselKey, since, limit);
        await using var connection = await database.OpenAsync(cancellationToken);
        using var reader = await connection.ExecuteReaderAsync(sql, parameters);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    private static (string Sql, object Parameters) LatestQuery(string columns, string? vesselKey, DateTimeOffset? since, int limit)
    {
        var where = new List<string>();
        if (vesselKey is not null)
        {
            where.Add("vessel_key = @vesselKey");
        }
        if (since is not null)
        {
            where.Add("at >= @since");
        }
        var sql = $"SELECT {columns} FROM voyage_events" + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "") +
                  // The primary key's order for one ship, and ix_voyage_events_at's (which ends with the key) for the fleet.
                  " ORDER BY at DESC, vessel_key DESC, seq DESC LIMIT @limit";
        return (sql, new
        {
            vesselKey,
            since = since?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            limit = Math.Clamp(limit, 1, MaxLimit),
        });
    }

    /// <summary>Whether the history has ever seen this ship.</summary>
    public async Task<bool> KnowsAsync(string vesselKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM voyage_events WHERE vessel_key = @vesselKey)", new { vesselKey });
    }

    /// <summary>
    /// The ETA of the current port call over time: the call begins when the next port last changed (or the ship
    /// entered the feed); each later ETA change is a step. Empty when the history has no ETA change for it.
    /// </summary>
    public ValueTask<IReadOnlyList<EtaStep>> CurrentCallEtaAsync(string vesselKey, int maxSteps = 500, CancellationToken cancellationToken = default) =>
        etaSteps.GetAsync((vesselKey, maxSteps), (key, token) => ReadCurrentCallEtaAsync(key.Key, key.MaxSteps, token), cancellationToken);

    private async Task<IReadOnlyList<EtaStep>> ReadCurrentCallEtaAsync(string vesselKey, int maxSteps, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Both walk the ship's own range of the primary key backwards, so they stop at the call's start.
        var callStart = await connection.ExecuteScalarAsync<string?>("""
            SELECT at FROM voyage_events WHERE vessel_key = @vesselKey AND field IN ('next_port.port', 'feed')
            ORDER BY at DESC LIMIT 1
            """, new { vesselKey });
        var changes = (await connection.QueryAsync<(string At, string? Old, string? New)>("""
            SELECT at, old_value, new_value FROM voyage_events
            WHERE vessel_key = @vesselKey AND at >= @from AND field = 'next_port.eta'
            ORDER BY at DESC, seq DESC LIMIT @maxSteps
            """, new { vesselKey, from = callStart ?? "", maxSteps })).Reverse().ToList();
        if (changes.Count == 0)
        {
            return [];
        }
        // Before the first change the ETA was its old value, from the call's start (or the first change, if unknown).
        var steps = new List<EtaStep> { new(Parse(callStart ?? changes[0].At), changes[0].Old) };
        steps.AddRange(changes.Select(c => new EtaStep(Parse(c.At), c.New)));
        return steps;
    }

    private static DateTimeOffset Parse(string at) => DateTimeOffset.Parse(at, CultureInfo.InvariantCulture);
}
