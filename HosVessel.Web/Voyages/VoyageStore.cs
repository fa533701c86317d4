using HosVessel.Web.Vessels;
using System.Globalization;
using System.Text.Json;
using Dapper;
using HosVessel.Web.Data;

namespace HosVessel.Web.Voyages;

/// <summary>The stored voyages: replaced as a whole by each push, read by the pages and the read API.</summary>
public sealed class VoyageStore(Database database, TimeProvider clock)
{
    public const string LastPushKey = "voyage.last_push_at";

    // The register link is derived at read time, so a vessel created or renamed later links itself.
    private const string SelectVoyage = """
        SELECT v.id AS Id, v.updated_at AS UpdatedAt,
               (SELECT min(r.id) FROM vessels r WHERE r.name_key = v.vessel_key) AS VesselId,
               v.vessel_key AS VesselKey, v.vessel_name AS VesselName, v.voy_no AS VoyNo, v.line AS Line,
               v.teu AS Teu, v.flag AS Flag, v.captain AS Captain, v.chief_engineer AS ChiefEngineer,
               v.safety_supervisor AS SafetySupervisor, v.ops_supervisor AS OpsSupervisor,
               v.psc_mou_1 AS PscMou1, v.psc_date_1 AS PscDate1, v.psc_mou_2 AS PscMou2, v.psc_date_2 AS PscDate2,
               v.last_port AS LastPort, v.last_etd AS LastEtd, v.next_port AS NextPort, v.next_eta AS NextEta,
               v.next_etb AS NextEtb, v.next_etd AS NextEtd, v.itinerary AS Itinerary
        FROM voyages v
        """;

    // One statement for the whole push: SQLite walks the JSON itself, so 5,000 items cost one
    // round trip and one trace span instead of 5,000.
    private const string UpsertFromJson = """
        INSERT INTO voyages (vessel_key, vessel_name, voy_no, line, teu, flag, captain, chief_engineer,
            safety_supervisor, ops_supervisor, psc_mou_1, psc_date_1, psc_mou_2, psc_date_2,
            last_port, last_etd, next_port, next_eta, next_etb, next_etd, itinerary, updated_at)
        SELECT value ->> '$.VesselKey', value ->> '$.VesselName', value ->> '$.VoyNo', value ->> '$.Line',
            value ->> '$.Teu', value ->> '$.Flag', value ->> '$.Captain', value ->> '$.ChiefEngineer',
            value ->> '$.SafetySupervisor', value ->> '$.OpsSupervisor', value ->> '$.PscMou1',
            value ->> '$.PscDate1', value ->> '$.PscMou2', value ->> '$.PscDate2', value ->> '$.LastPort',
            value ->> '$.LastEtd', value ->> '$.NextPort', value ->> '$.NextEta', value ->> '$.NextEtb',
            value ->> '$.NextEtd', value ->> '$.Itinerary', @updatedAt
        FROM json_each(@items) WHERE true
        ON CONFLICT (vessel_key) DO UPDATE SET
            vessel_name = excluded.vessel_name, voy_no = excluded.voy_no, line = excluded.line,
            teu = excluded.teu, flag = excluded.flag, captain = excluded.captain,
            chief_engineer = excluded.chief_engineer, safety_supervisor = excluded.safety_supervisor,
            ops_supervisor = excluded.ops_supervisor, psc_mou_1 = excluded.psc_mou_1,
            psc_date_1 = excluded.psc_date_1, psc_mou_2 = excluded.psc_mou_2, psc_date_2 = excluded.psc_date_2,
            last_port = excluded.last_port, last_etd = excluded.last_etd, next_port = excluded.next_port,
            next_eta = excluded.next_eta, next_etb = excluded.next_etb, next_etd = excluded.next_etd,
            itinerary = excluded.itinerary, updated_at = excluded.updated_at
        """;

    public async Task<VoyagePushResult> ReplaceAllAsync(IReadOnlyList<VoyageFields> voyages, CancellationToken cancellationToken = default)
    {
        var now = Timestamp();
        using var write = await database.EnterWriteAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var keys = JsonSerializer.Serialize(voyages.Select(v => v.VesselKey));
        await connection.ExecuteAsync(
            "DELETE FROM voyages WHERE vessel_key NOT IN (SELECT value FROM json_each(@keys))", new { keys }, transaction);
        await connection.ExecuteAsync(UpsertFromJson, new { items = JsonSerializer.Serialize(voyages), updatedAt = now }, transaction);
        var linkedKeys = (await connection.QueryAsync<string>(
            "SELECT DISTINCT name_key FROM vessels WHERE name_key IN (SELECT value FROM json_each(@keys))",
            new { keys }, transaction)).ToHashSet(StringComparer.Ordinal);
        await SetLastPushAsync(connection, transaction, now);
        transaction.Commit();
        return new VoyagePushResult(
            voyages.Count,
            [.. voyages.Where(v => linkedKeys.Contains(v.VesselKey)).Select(v => v.VesselName)],
            [.. voyages.Where(v => !linkedKeys.Contains(v.VesselKey)).Select(v => v.VesselName)]);
    }

    /// <summary>Removes every voyage: the explicit form of what an empty push did by accident in the old app.</summary>
    public async Task<int> ClearAsync(CancellationToken cancellationToken = default)
    {
        using var write = await database.EnterWriteAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var removed = await connection.ExecuteAsync("DELETE FROM voyages", transaction: transaction);
        await SetLastPushAsync(connection, transaction, Timestamp());
        transaction.Commit();
        return removed;
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
        var rows = await QueryVoyagesAsync(connection,
            SelectVoyage + where + " ORDER BY v.vessel_name COLLATE NOCASE, v.id LIMIT @limit OFFSET @offset", parameters);
        return new PaginatedList<Voyage>(rows, total, page, pageSize);
    }

    public async Task<Voyage?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await QueryVoyagesAsync(connection, SelectVoyage + " WHERE v.id = @id", new { id })).SingleOrDefault();
    }

    /// <summary>The current voyage of a register vessel, found by its <c>name_key</c>.</summary>
    public async Task<Voyage?> GetByVesselNameKeyAsync(string nameKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await QueryVoyagesAsync(connection, SelectVoyage + " WHERE v.vessel_key = @nameKey", new { nameKey }))
            .SingleOrDefault();
    }

    private static async Task<List<Voyage>> QueryVoyagesAsync(System.Data.IDbConnection connection, string sql, object parameters) =>
        [.. await connection.QueryAsync<Voyage, VoyageFields, Voyage>(sql, (voyage, fields) =>
        {
            voyage.Fields = fields;
            return voyage;
        }, parameters, splitOn: "VesselKey")];

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
