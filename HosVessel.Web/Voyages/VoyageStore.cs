using System.Globalization;
using Dapper;
using HosVessel.Web.Data;
using HosVessel.Web.Voyages.History;

namespace HosVessel.Web.Voyages;

/// <summary>
/// The stored voyages: replaced as a whole by each push, read by the pages and the read API. Its writes, and those of
/// the voyage history (<c>voyage_events</c>, recorded in the same transaction as the change itself), are the
/// statements of <see cref="VoyageWrites"/>; pushes go through <see cref="VoyagePushQueue"/>, which writes them in groups.
/// </summary>
public sealed class VoyageStore(Database database, VoyagePushQueue pushes, TimeProvider clock)
{
    public const string LastPushKey = "voyage.last_push_at";

    private static readonly IReadOnlyList<VoyageField> Fields = VoyageFieldTable.All;

    // The register link is derived at read time, so a vessel created or renamed later links itself.
    // Columns come in VoyageFieldTable order after the first three; ReadVoyagesAsync relies on it.
    private const string RegisterLink = "(SELECT min(r.id) FROM vessels r WHERE r.name_key = v.vessel_key)";

    private static readonly string SelectVoyage = $"""
        SELECT v.id, v.updated_at, {RegisterLink},
               {string.Join(", ", Fields.Select(f => "v." + f.Column))}
        FROM voyages v
        """;

    /// <summary>
    /// Replaces the voyages with <paramref name="voyages"/>, recording what changed; <paramref name="logEntry"/>, when
    /// given, makes the push's feed-log row from the result in the same transaction.
    /// </summary>
    public Task<VoyagePushResult> ReplaceAllAsync(
        IReadOnlyList<Voyage> voyages, Func<VoyagePushResult, VoyageFeedEntry>? logEntry = null, CancellationToken cancellationToken = default) =>
        pushes.PushAsync(voyages, logEntry, cancellationToken);

    /// <summary>Removes every voyage: the explicit form of what an empty push did by accident in the old app.</summary>
    public Task<int> ClearAsync(CancellationToken cancellationToken = default) =>
        database.WriteAsync(async write =>
        {
            var now = Timestamp();
            var stored = await ReadStoredAsync(write);
            var first = await VoyageWrites.NextSeqAsync(write, now);
            await VoyageWrites.InsertEventsAsync(write, [.. VoyageChanges.Between(stored, [], now).Select((e, i) => new NumberedVoyageEvent(e, first + i))]);
            var removed = await VoyageWrites.DeleteAllAsync(write);
            await AppMeta.SetAsync(write, LastPushKey, now);
            return removed;
        }, cancellationToken);

    /// <summary>
    /// Deletes history older than <paramref name="cutoff"/> in batches, each its own short write, so a first prune
    /// of a large backlog never holds the write gate long enough to delay a push.
    /// </summary>
    public async Task<int> PruneHistoryAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var before = cutoff.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        var total = 0;
        while (true)
        {
            var deleted = await database.WriteAsync(write => VoyageWrites.PruneHistoryBatchAsync(write, before), cancellationToken);
            total += deleted;
            if (deleted == 0)
            {
                return total;
            }
        }
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM voyages");
    }

    /// <summary>When the last push arrived; kept like <see cref="GetByVesselNameKeyAsync"/>, as only a push changes it.</summary>
    public ValueTask<DateTimeOffset?> GetLastPushAsync(CancellationToken cancellationToken = default) =>
        lastPush.GetAsync(true, ReadLastPushAsync, cancellationToken);

    private readonly ReadCache<bool, DateTimeOffset?> lastPush = new(clock, TimeSpan.FromSeconds(5), maxEntries: 1);

    private async Task<DateTimeOffset?> ReadLastPushAsync(bool _, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var value = await AppMeta.GetAsync(connection, LastPushKey);
        return value is null ? null : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);
    }

    public async Task<PaginatedList<Voyage>> SearchAsync(VoyageQuery query, CancellationToken cancellationToken = default)
    {
        var list = query.ToListQuery();
        await using var connection = await database.OpenAsync(cancellationToken);
        return await PaginatedList<Voyage>.CreateAsync(query.Page, VoyageQuery.PageSize,
            () => connection.ExecuteScalarAsync<long>("SELECT count(*) FROM voyages v" + list.Where, list.Parameters),
            async (limit, offset) =>
            {
                list.Parameters.AddDynamicParams(new { limit, offset });
                return await ReadVoyagesAsync(connection,
                    SelectVoyage + list.Where + " ORDER BY " + query.OrderBy + " LIMIT @limit OFFSET @offset", list.Parameters);
            });
    }

    /// <summary>Every voyage the filters match, in the list's order (the CSV download).</summary>
    public async Task<IReadOnlyList<Voyage>> ListAllAsync(VoyageQuery query, CancellationToken cancellationToken = default)
    {
        var list = query.ToListQuery();
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadVoyagesAsync(connection, SelectVoyage + list.Where + " ORDER BY " + query.OrderBy, list.Parameters);
    }

    public async Task<Voyage?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await ReadVoyagesAsync(connection, SelectVoyage + " WHERE v.id = @id", new { id })).SingleOrDefault();
    }

    /// <summary>Every current voyage (one per ship in the last push), for the fleet overview.</summary>
    public async Task<IReadOnlyList<Voyage>> ListAllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadVoyagesAsync(connection, SelectVoyage, new { });
    }

    /// <summary>
    /// The current voyage of a register vessel, found by its <c>name_key</c>, for its page. Kept until this process next
    /// writes (a push, or a register change that links it) and at most a few seconds; callers must not change it.
    /// </summary>
    public ValueTask<Voyage?> GetByVesselNameKeyAsync(string nameKey, CancellationToken cancellationToken = default) =>
        byVesselKey.GetAsync(nameKey, ReadByVesselNameKeyAsync, cancellationToken);

    private readonly ReadCache<string, Voyage?> byVesselKey = new(clock, TimeSpan.FromSeconds(5), maxEntries: 1_000);

    private async Task<Voyage?> ReadByVesselNameKeyAsync(string nameKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await ReadVoyagesAsync(connection, SelectVoyage + " WHERE v.vessel_key = @nameKey", new { nameKey }))
            .SingleOrDefault();
    }

    /// <summary>The voyages as this write sees them, for comparing with a push (a fleet is ~120 rows).</summary>
    internal static Task<List<Voyage>> ReadStoredAsync(DatabaseWrite write) =>
        // No register link needed to compare: NULL in its place skips a lookup per ship.
        ReadVoyagesAsync(write.Connection, SelectVoyage.Replace(RegisterLink, "NULL", StringComparison.Ordinal), new { }, write.Transaction);

    private static async Task<List<Voyage>> ReadVoyagesAsync(
        System.Data.Common.DbConnection connection, string sql, object parameters, System.Data.IDbTransaction? transaction = null)
    {
        // Disposed synchronously, as in VesselStore.ReadAsync: Dapper's wrapped reader leaves its command to the finalizer
        // on DisposeAsync, whose sqlite3_finalize then contends for the connection's mutex (64% of a push profile's samples).
        using var reader = await connection.ExecuteReaderAsync(sql, parameters, transaction);
        var voyages = new List<Voyage>();
        while (await reader.ReadAsync())
        {
            var voyage = new Voyage
            {
                Id = reader.GetInt64(0),
                UpdatedAt = reader.GetString(1),
                VesselId = reader.IsDBNull(2) ? null : reader.GetInt64(2),
            };
            for (var i = 0; i < Fields.Count; i++)
            {
                // Legacy rows may hold numbers in these TEXT columns; SQLite keeps the type it was given.
                Fields[i].Set(voyage, reader.IsDBNull(3 + i) ? null : Convert.ToString(reader.GetValue(3 + i), CultureInfo.InvariantCulture));
            }
            voyages.Add(voyage);
        }
        return voyages;
    }

    private string Timestamp() => clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}
