using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;
using HosVessel.Web.Data;

namespace HosVessel.Web.Vessels;

/// <summary>Reads and writes the register. Each list page is one page query plus one count.</summary>
public sealed class VesselStore(Database database, TimeProvider clock)
{
    // The stored columns first, then the table's in VesselFieldTable order; ReadAsync relies on it.
    private static readonly string Select = $"SELECT id, name_key, created_at, updated_at, {VesselFieldTable.Columns()} FROM vessels";

    // Parameters are named by column (@imo_no), filled from the table: no C# member name reaches the SQL.
    private static readonly string Insert = $"""
        INSERT INTO vessels (name_key, created_at, updated_at, {VesselFieldTable.Columns()})
        VALUES (@name_key, @now, @now, {VesselFieldTable.Columns("@")})
        RETURNING id
        """;

    private static readonly string Update = $"""
        UPDATE vessels SET name_key = @name_key, updated_at = @now,
            {string.Join(", ", VesselFieldTable.All.Select(f => $"{f.Column} = @{f.Column}"))}
        WHERE id = @id
        """;

    public async Task<Vessel?> FindByIdAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await ReadAsync(connection, $"{Select} WHERE id = @id", new { id })).SingleOrDefault();
    }

    public async Task<Vessel?> FindByImoAsync(string imo, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindByImoAsync(connection, null, ImoNumber.Clean(imo));
    }

    /// <summary>The vessel whose name normalises like <paramref name="name"/> (see <see cref="VesselName.Normalise"/>).</summary>
    public async Task<Vessel?> FindByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await ReadAsync(connection, $"{Select} WHERE name_key = @key ORDER BY id LIMIT 1", new { key = VesselName.Normalise(name) }))
            .SingleOrDefault();
    }

    public async Task<PaginatedList<Vessel>> SearchAsync(VesselQuery query, CancellationToken cancellationToken = default)
    {
        var (where, parameters) = query.Where();
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM vessels{where}", parameters);
        var lastPage = Math.Max(1, (int)((total + VesselQuery.PageSize - 1) / VesselQuery.PageSize));
        var page = Math.Min(query.SafePage, lastPage);
        parameters.Add("limit", VesselQuery.PageSize);
        parameters.Add("offset", (page - 1) * VesselQuery.PageSize);
        var items = await ReadAsync(connection, $"{Select}{where} ORDER BY {query.OrderBy} LIMIT @limit OFFSET @offset", parameters);
        return new PaginatedList<Vessel>(items, total, page, VesselQuery.PageSize);
    }

    /// <summary>Every vessel matching the filters, in the list's order (for the CSV download).</summary>
    public async Task<IReadOnlyList<Vessel>> ListAllAsync(VesselQuery query, CancellationToken cancellationToken = default)
    {
        var (where, parameters) = query.Where();
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, $"{Select}{where} ORDER BY {query.OrderBy}", parameters);
    }

    /// <summary>Distinct ship types in use, for the filter dropdown.</summary>
    public Task<IReadOnlyList<string>> ShipTypesInUseAsync(CancellationToken cancellationToken = default) =>
        DistinctAsync("ship_type", cancellationToken);

    /// <summary>Distinct flags in use, for the filter dropdown.</summary>
    public Task<IReadOnlyList<string>> FlagsInUseAsync(CancellationToken cancellationToken = default) =>
        DistinctAsync("flag", cancellationToken);

    // Hops from value to value through the column's index, so 100,000 rows with ten types cost ten seeks.
    private async Task<IReadOnlyList<string>> DistinctAsync(string column, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(
            $"""
            WITH RECURSIVE v(value) AS (
                SELECT min({column}) FROM vessels
                UNION ALL
                SELECT (SELECT min({column}) FROM vessels WHERE {column} > v.value) FROM v WHERE v.value IS NOT NULL)
            SELECT value FROM v WHERE value IS NOT NULL AND value <> ''
            """)).AsList();
    }

    public async Task<SaveResult> CreateAsync(VesselFields fields, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        var cleaned = fields.Cleaned();
        var errors = await ValidateAsync(connection, transaction, cleaned, excludeId: null);
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }
        var id = await InsertAsync(connection, transaction, cleaned);
        transaction.Commit();
        VesselMetrics.Created.Add(1);
        return SaveResult.Saved(id);
    }

    public async Task<SaveResult> UpdateAsync(long id, VesselFields fields, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        var cleaned = fields.Cleaned();
        var errors = await ValidateAsync(connection, transaction, cleaned, excludeId: id);
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }
        if (!await UpdateRowAsync(connection, transaction, id, cleaned))
        {
            return SaveResult.NotFound();
        }
        transaction.Commit();
        VesselMetrics.Updated.Add(1);
        return SaveResult.Saved(id);
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var deleted = await connection.ExecuteAsync("DELETE FROM vessels WHERE id = @id", new { id }) > 0;
        if (deleted)
        {
            VesselMetrics.Deleted.Add(1);
        }
        return deleted;
    }

    /// <summary>Field rules plus uniqueness of name (by key), IMO and ship code, against the rows in the database.</summary>
    internal static async Task<Dictionary<string, string>> ValidateAsync(
        IDbConnection connection, IDbTransaction transaction, VesselFields cleaned, long? excludeId)
    {
        var errors = VesselValidator.Validate(cleaned);
        var clashes = await connection.QueryAsync<(string NameKey, string ImoNo, string? ShipCode)>(
            // One seek per unique index: SQLite 3.53 answers the same three tests joined by OR with a full table scan,
            // which made each imported row cost a pass over the register (an import grew with the square of its size).
            """
            SELECT name_key, imo_no, ship_code FROM vessels WHERE name_key = @nameKey AND id IS NOT @excludeId
            UNION ALL
            SELECT name_key, imo_no, ship_code FROM vessels WHERE imo_no = @imo AND id IS NOT @excludeId
            UNION ALL
            SELECT name_key, imo_no, ship_code FROM vessels WHERE ship_code = @shipCode COLLATE NOCASE AND id IS NOT @excludeId
            """,
            new { nameKey = VesselName.Normalise(cleaned.Name), imo = cleaned.ImoNo, shipCode = cleaned.ShipCode, excludeId },
            transaction);
        foreach (var clash in clashes)
        {
            if (cleaned.Name is not null && clash.NameKey == VesselName.Normalise(cleaned.Name))
            {
                errors.TryAdd("name", "같은 이름의 선박이 이미 등록되어 있습니다.");
            }
            if (cleaned.ImoNo is not null && clash.ImoNo == cleaned.ImoNo)
            {
                errors.TryAdd("imo_no", "이 IMO 번호는 이미 등록되어 있습니다.");
            }
            if (cleaned.ShipCode is not null && string.Equals(clash.ShipCode, cleaned.ShipCode, StringComparison.OrdinalIgnoreCase))
            {
                errors.TryAdd("ship_code", "이 선박 코드는 이미 사용 중입니다.");
            }
        }
        return errors;
    }

    internal static async Task<Vessel?> FindByImoAsync(DbConnection connection, IDbTransaction? transaction, string? imo) =>
        (await ReadAsync(connection, $"{Select} WHERE imo_no = @imo", new { imo }, transaction)).SingleOrDefault();

    internal async Task<long> InsertAsync(IDbConnection connection, IDbTransaction transaction, VesselFields cleaned) =>
        await connection.ExecuteScalarAsync<long>(Insert, Parameters(cleaned, Timestamp()), transaction);

    /// <summary>Rows as they are, with their ids and timestamps (the legacy import keeps the old app's ids).</summary>
    internal static Task InsertRowsAsync(IDbConnection connection, IDbTransaction transaction, IEnumerable<Vessel> rows) =>
        connection.ExecuteAsync(
            $"""
            INSERT INTO vessels (id, name_key, created_at, updated_at, {VesselFieldTable.Columns()})
            VALUES (@id, @name_key, @created_at, @now, {VesselFieldTable.Columns("@")})
            """,
            rows.Select(row =>
            {
                var parameters = Parameters(row, row.UpdatedAt);
                parameters.Add("id", row.Id);
                parameters.Add("created_at", row.CreatedAt);
                return parameters;
            }),
            transaction);

    internal async Task<bool> UpdateRowAsync(IDbConnection connection, IDbTransaction transaction, long id, VesselFields cleaned)
    {
        var parameters = Parameters(cleaned, Timestamp());
        parameters.Add("id", id);
        return await connection.ExecuteAsync(Update, parameters, transaction) > 0;
    }

    private string Timestamp() => clock.GetUtcNow().ToString("O");

    private static DynamicParameters Parameters(VesselFields cleaned, string now)
    {
        var parameters = new DynamicParameters();
        foreach (var field in VesselFieldTable.All)
        {
            parameters.Add(field.Column, field.Get(cleaned));
        }
        parameters.Add("name_key", VesselName.Normalise(cleaned.Name));
        parameters.Add("now", now);
        return parameters;
    }

    private static async Task<List<Vessel>> ReadAsync(DbConnection connection, string sql, object parameters, IDbTransaction? transaction = null)
    {
        await using var reader = await connection.ExecuteReaderAsync(sql, parameters, transaction);
        var vessels = new List<Vessel>();
        while (await reader.ReadAsync())
        {
            var vessel = new Vessel
            {
                Id = reader.GetInt64(0), NameKey = reader.GetString(1), CreatedAt = reader.GetString(2), UpdatedAt = reader.GetString(3),
            };
            for (var i = 0; i < VesselFieldTable.All.Count; i++)
            {
                // Legacy rows may hold numbers in these TEXT columns; SQLite keeps the type it was given.
                VesselFieldTable.All[i].Set(vessel, reader.IsDBNull(4 + i) ? null : Convert.ToString(reader.GetValue(4 + i), CultureInfo.InvariantCulture));
            }
            vessels.Add(vessel);
        }
        return vessels;
    }
}

/// <summary>The outcome of a create or update: the id, or Korean messages by field key, or not found.</summary>
public sealed record SaveResult(long? Id, IReadOnlyDictionary<string, string> Errors, bool IsNotFound)
{
    public bool Succeeded => Id is not null;

    public static SaveResult Saved(long id) => new(id, new Dictionary<string, string>(), false);

    public static SaveResult Invalid(Dictionary<string, string> errors) => new(null, errors, false);

    public static SaveResult NotFound() => new(null, new Dictionary<string, string>(), true);
}
