using HosVessel.Web.Vessels;
using System.Globalization;
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
    // round trip and one trace span instead of 5,000. The JSON is keyed by column name (see ToRow),
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

    public async Task<VoyagePushResult> ReplaceAllAsync(IReadOnlyList<Voyage> voyages, CancellationToken cancellationToken = default)
    {
        var now = Timestamp();
        using var write = await database.EnterWriteAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await RecordChangesAsync(connection, transaction, voyages, now);
        var keys = JsonSerializer.Serialize(voyages.Select(v => v.VesselName));
        await connection.ExecuteAsync(
            "DELETE FROM voyages WHERE vessel_key NOT IN (SELECT value FROM json_each(@keys))", new { keys }, transaction);
        await connection.ExecuteAsync(UpsertFromJson, new { items = JsonSerializer.Serialize(voyages.Select(ToRow)), updatedAt = now }, transaction);
        var linkedKeys = (await connection.QueryAsync<string>(
            "SELECT DISTINCT name_key FROM vessels WHERE name_key IN (SELECT value FROM json_each(@keys))",
            new { keys }, transaction)).ToHashSet(StringComparer.Ordinal);
        await SetLastPushAsync(connection, transaction, now);
        transaction.Commit();
        return new VoyagePushResult(
            [.. voyages.Where(v => linkedKeys.Contains(v.VesselName)).Select(v => v.VesselName)],
            [.. voyages.Where(v => !linkedKeys.Contains(v.VesselName)).Select(v => v.VesselName)]);
    }

    /// <summary>Removes every voyage: the explicit form of what an empty push did by accident in the old app.</summary>
    public async Task<int> ClearAsync(CancellationToken cancellationToken = default)
    {
        using var write = await database.EnterWriteAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var now = Timestamp();
        await RecordChangesAsync(connection, transaction, [], now);
        var removed = await connection.ExecuteAsync("DELETE FROM voyages", transaction: transaction);
        await SetLastPushAsync(connection, transaction, now);
        transaction.Commit();
        return removed;
    }

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
            using var write = await database.EnterWriteAsync(cancellationToken);
            await using var connection = await database.OpenAsync(cancellationToken);
            var deleted = await connection.ExecuteAsync(
                """
                DELETE FROM voyage_events WHERE (vessel_key, at, seq) IN
                    (SELECT vessel_key, at, seq FROM voyage_events WHERE at < @before LIMIT 10000)
                """, new { before });
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

    public async Task<DateTimeOffset?> GetLastPushAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var value = await connection.ExecuteScalarAsync<string?>(
            "SELECT value FROM app_meta WHERE key = @key", new { key = LastPushKey });
        return value is null ? null : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);
    }

    public async Task<PaginatedList<Voyage>> SearchAsync(
        VoyageFilter filter, int pageIndex, int pageSize, CancellationToken cancellationToken = default)
    {
        var conditions = new List<string>();
        var parameters = new DynamicParameters();
        // The name filter goes through the same normalisation, so "h/smart" finds HYUNDAI SMART.
        AddContains(conditions, parameters, "name", VesselName.Normalise(filter.VesselName), "v.vessel_key");
        AddContains(conditions, parameters, "line", filter.Line, "v.line");
        AddContains(conditions, parameters, "supervisor", filter.Supervisor, "v.safety_supervisor", "v.ops_supervisor");
        AddContains(conditions, parameters, "crew", filter.Crew, "v.captain", "v.chief_engineer");
        var where = conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM voyages v" + where, parameters);
        var page = Math.Clamp(pageIndex, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        parameters.Add("limit", pageSize);
        parameters.Add("offset", (page - 1) * pageSize);
        var rows = await ReadVoyagesAsync(connection,
            SelectVoyage + where + " ORDER BY v.vessel_name COLLATE NOCASE, v.id LIMIT @limit OFFSET @offset", parameters);
        return new PaginatedList<Voyage>(rows, total, page, pageSize);
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

    /// <summary>The current voyage of a register vessel, found by its <c>name_key</c>.</summary>
    public async Task<Voyage?> GetByVesselNameKeyAsync(string nameKey, CancellationToken cancellationToken = default)
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

    private static Dictionary<string, string?> ToRow(Voyage voyage) => Fields.ToDictionary(f => f.Column, f => f.Get(voyage));

    private static async Task<List<Voyage>> ReadVoyagesAsync(
        System.Data.Common.DbConnection connection, string sql, object parameters, System.Data.IDbTransaction? transaction = null)
    {
        await using var reader = await connection.ExecuteReaderAsync(sql, parameters, transaction);
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

    private static void AddContains(List<string> conditions, DynamicParameters parameters, string name, string? value, params string[] columns)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }
        parameters.Add(name, value.Trim().ToUpperInvariant());
        conditions.Add("(" + string.Join(" OR ", columns.Select(c => $"instr(upper({c}), @{name}) > 0")) + ")");
    }

    private static Task SetLastPushAsync(System.Data.IDbConnection connection, System.Data.IDbTransaction transaction, string now) =>
        connection.ExecuteAsync(
            "INSERT INTO app_meta (key, value) VALUES (@key, @now) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            new { key = LastPushKey, now }, transaction);

    private string Timestamp() => clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}
