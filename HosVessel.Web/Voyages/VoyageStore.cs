using HosVessel.Web.Vessels;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using HosVessel.Web.Data;
using HosVessel.Web.Voyages.History;

namespace HosVessel.Web.Voyages;

/// <summary>
/// The stored voyages: replaced as a whole by each push, read by the pages and the read API. It also owns the
/// writes of the voyage history (<c>voyage_events</c>), recorded in the same transaction as the change itself.
/// </summary>
public sealed class VoyageStore(Database database, TimeProvider clock)
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

    // One statement for the whole push: SQLite walks the JSON itself, so 5,000 items cost one
    // round trip and one trace span instead of 5,000. The JSON is keyed by column name (see ItemsJson),
    // and the normalised name is also the key.
    private static readonly string UpsertFromJson = $"""
        INSERT INTO voyages (vessel_key, {string.Join(", ", Fields.Select(f => f.Column))}, updated_at)
        SELECT value ->> '$.{VoyageFieldTable.VesselName.Column}', {string.Join(", ", Fields.Select(f => $"value ->> '$.{f.Column}'"))}, @updatedAt
        FROM json_each(@items) WHERE true
        ON CONFLICT (vessel_key) DO UPDATE SET
            {string.Join(", ", Fields.Select(f => $"{f.Column} = excluded.{f.Column}"))}, updated_at = excluded.updated_at
        """;

    private const string InsertEventsFromJson = """
        INSERT INTO voyage_events (vessel_key, at, seq, vessel_name, field, old_value, new_value)
        SELECT value ->> '$.k', @at, key, value ->> '$.n', value ->> '$.f', value ->> '$.o', value ->> '$.v'
        FROM json_each(@events)
        """;

    /// <summary>
    /// Replaces the voyages with <paramref name="voyages"/>, recording what changed; <paramref name="logEntry"/>, when
    /// given, makes the push's feed-log row from the result in the same transaction.
    /// </summary>
    public Task<VoyagePushResult> ReplaceAllAsync(
        IReadOnlyList<Voyage> voyages, Func<VoyagePushResult, VoyageFeedEntry>? logEntry = null, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async write =>
        {
            var result = await ReplaceAllAsync(write, voyages);
            if (logEntry is not null)
            {
                await VoyageFeedLog.AddAsync(write, logEntry(result));
            }
            return result;
        }, cancellationToken);

    private async Task<VoyagePushResult> ReplaceAllAsync(DatabaseWrite write, IReadOnlyList<Voyage> voyages)
    {
        var now = Timestamp();
        var (connection, transaction) = (write.Connection, write.Transaction);
        await RecordChangesAsync(connection, transaction, voyages, now);
        var keys = JsonSerializer.Serialize(voyages.Select(v => v.VesselName));
        await connection.ExecuteAsync(
            "DELETE FROM voyages WHERE vessel_key NOT IN (SELECT value FROM json_each(@keys))", new { keys }, transaction);
        await connection.ExecuteAsync(UpsertFromJson, new { items = ItemsJson(voyages), updatedAt = now }, transaction);
        var linkedKeys = (await connection.QueryAsync<string>(
            "SELECT DISTINCT name_key FROM vessels WHERE name_key IN (SELECT value FROM json_each(@keys))",
            new { keys }, transaction)).ToHashSet(StringComparer.Ordinal);
        await AppMeta.SetAsync(write, LastPushKey, now);
        return new VoyagePushResult(
            [.. voyages.Where(v => linkedKeys.Contains(v.VesselName)).Select(v => v.VesselName)],
            [.. voyages.Where(v => !linkedKeys.Contains(v.VesselName)).Select(v => v.VesselName)]);
    }

    /// <summary>Removes every voyage: the explicit form of what an empty push did by accident in the old app.</summary>
    public Task<int> ClearAsync(CancellationToken cancellationToken = default) =>
        database.WriteAsync(async write =>
        {
            var now = Timestamp();
            await RecordChangesAsync(write.Connection, write.Transaction, [], now);
            var removed = await write.Connection.ExecuteAsync("DELETE FROM voyages", transaction: write.Transaction);
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
            var deleted = await database.WriteAsync(write => write.Connection.ExecuteAsync(
                """
                DELETE FROM voyage_events WHERE (vessel_key, at, seq) IN
                    (SELECT vessel_key, at, seq FROM voyage_events WHERE at < @before LIMIT 10000)
                """, new { before }, write.Transaction), cancellationToken);
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

    // Compared in memory with the field table (a fleet is ~120 rows), written with one statement.
    private static async Task RecordChangesAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, IReadOnlyList<Voyage> pushed, string now)
    {
        // No register link needed to compare: NULL in its place skips a lookup per ship.
        var stored = await ReadVoyagesAsync(connection, SelectVoyage.Replace(RegisterLink, "NULL", StringComparison.Ordinal), new { }, transaction);
        var changes = VoyageChanges.Between(stored, pushed, now);
        if (changes.Count == 0)
        {
            return;
        }
        var events = JsonSerializer.Serialize(changes.Select(e => new { k = e.VesselKey, n = e.VesselName, f = e.Field, o = e.Old, v = e.New }));
        await connection.ExecuteAsync(InsertEventsFromJson, new { at = now, events }, transaction);
    }

    private static readonly JsonEncodedText[] ColumnNames = [.. Fields.Select(f => JsonEncodedText.Encode(f.Column))];

    // Written field by field: a dictionary per voyage for the serializer to walk was most of a push's allocations.
    private static string ItemsJson(IReadOnlyList<Voyage> voyages)
    {
        var buffer = new ArrayBufferWriter<byte>(voyages.Count * 1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var voyage in voyages)
            {
                json.WriteStartObject();
                for (var i = 0; i < Fields.Count; i++)
                {
                    json.WriteString(ColumnNames[i], Fields[i].Get(voyage));
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

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

    /// <summary>The old app's voyages, with their ids, inside the legacy import's write.</summary>
    internal static Task InsertImportedAsync(DatabaseWrite write, IEnumerable<(long Id, string VesselKey, string VesselName, string UpdatedAt, IReadOnlyList<string?> Fields)> rows)
    {
        var columns = VoyageFieldTable.LegacyColumns;
        return write.Connection.ExecuteAsync(
            $"""
            INSERT INTO voyages (id, vessel_key, {VoyageFieldTable.VesselName.Column}, updated_at, {string.Join(", ", columns)})
            VALUES (@id, @vessel_key, @vessel_name, @updated_at, {string.Join(", ", columns.Select(c => "@" + c))})
            """,
            rows.Select(v =>
            {
                var parameters = new Dictionary<string, object?>
                {
                    ["id"] = v.Id, ["vessel_key"] = v.VesselKey, ["vessel_name"] = v.VesselName, ["updated_at"] = v.UpdatedAt,
                };
                for (var i = 0; i < columns.Count; i++)
                {
                    parameters[columns[i]] = v.Fields[i];
                }
                return parameters;
            }),
            write.Transaction);
    }

    /// <summary>Every voyage goes (the legacy import's <c>--replace</c>), without touching the last-push time.</summary>
    internal static Task DeleteAllAsync(DatabaseWrite write) => write.Connection.ExecuteAsync("DELETE FROM voyages", transaction: write.Transaction);

    private string Timestamp() => clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}
