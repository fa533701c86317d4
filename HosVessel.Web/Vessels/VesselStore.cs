using System.Data;
using Dapper;
using HosVessel.Web.Data;

namespace HosVessel.Web.Vessels;

/// <summary>Reads and writes the register. Each list page is one page query plus one count.</summary>
public sealed class VesselStore(Database database, TimeProvider clock)
{
    internal const string Columns =
        "id, name, name_key AS NameKey, imo_no AS ImoNo, ship_code AS ShipCode, ship_type AS ShipType, size, flag, ro, " +
        "class, built_year AS BuiltYear, shipyard, finance, tic, crew, callsign, internal_audit AS InternalAudit, " +
        "created_at AS CreatedAt, updated_at AS UpdatedAt";

    public async Task<Vessel?> FindByIdAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Vessel>($"SELECT {Columns} FROM vessels WHERE id = @id", new { id });
    }

    public async Task<Vessel?> FindByImoAsync(string imo, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Vessel>(
            $"SELECT {Columns} FROM vessels WHERE imo_no = @imo", new { imo = ImoNumber.Clean(imo) });
    }

    /// <summary>The vessel whose name normalises like <paramref name="name"/> (see <see cref="VesselName.Normalise"/>).</summary>
    public async Task<Vessel?> FindByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<Vessel>(
            $"SELECT {Columns} FROM vessels WHERE name_key = @key ORDER BY id LIMIT 1", new { key = VesselName.Normalise(name) });
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
        var items = await connection.QueryAsync<Vessel>(
            $"SELECT {Columns} FROM vessels{where} ORDER BY {query.OrderBy} LIMIT @limit OFFSET @offset", parameters);
        return new PaginatedList<Vessel>(items.AsList(), total, page, VesselQuery.PageSize);
    }

    /// <summary>Every vessel matching the filters, in the list's order (for the CSV download).</summary>
    public async Task<IReadOnlyList<Vessel>> ListAllAsync(VesselQuery query, CancellationToken cancellationToken = default)
    {
        var (where, parameters) = query.Where();
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Vessel>($"SELECT {Columns} FROM vessels{where} ORDER BY {query.OrderBy}", parameters)).AsList();
    }

    private readonly VesselFilterOptionsCache filterOptions = new(clock);

    /// <summary>The list's dropdown values, from memory until the register changes.</summary>
    public ValueTask<VesselFilterOptions> FilterOptionsAsync(CancellationToken cancellationToken = default) =>
        filterOptions.GetAsync(async token => new VesselFilterOptions(await ShipTypesInUseAsync(token), await FlagsInUseAsync(token)), cancellationToken);

    /// <summary>Call after committing any write to the register (the importer does, after its transaction).</summary>
    internal void RegisterChanged() => filterOptions.RegisterChanged();

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
        RegisterChanged();
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
        RegisterChanged();
        VesselMetrics.Updated.Add(1);
        return SaveResult.Saved(id);
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var deleted = await connection.ExecuteAsync("DELETE FROM vessels WHERE id = @id", new { id }) > 0;
        if (deleted)
        {
            RegisterChanged();
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

    internal async Task<long> InsertAsync(IDbConnection connection, IDbTransaction transaction, VesselFields cleaned)
    {
        var now = clock.GetUtcNow().ToString("O");
        return await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO vessels (name, name_key, imo_no, ship_code, ship_type, size, flag, ro, class, built_year, shipyard,
                                 finance, tic, crew, callsign, internal_audit, created_at, updated_at)
            VALUES (@Name, @NameKey, @ImoNo, @ShipCode, @ShipType, @Size, @Flag, @Ro, @Class, @BuiltYear, @Shipyard,
                    @Finance, @Tic, @Crew, @Callsign, @InternalAudit, @now, @now)
            RETURNING id
            """,
            Parameters(cleaned, now), transaction);
    }

    internal async Task<bool> UpdateRowAsync(IDbConnection connection, IDbTransaction transaction, long id, VesselFields cleaned)
    {
        var parameters = Parameters(cleaned, clock.GetUtcNow().ToString("O"));
        parameters.Add("id", id);
        return await connection.ExecuteAsync(
            """
            UPDATE vessels SET name = @Name, name_key = @NameKey, imo_no = @ImoNo, ship_code = @ShipCode, ship_type = @ShipType,
                size = @Size, flag = @Flag, ro = @Ro, class = @Class, built_year = @BuiltYear, shipyard = @Shipyard,
                finance = @Finance, tic = @Tic, crew = @Crew, callsign = @Callsign, internal_audit = @InternalAudit, updated_at = @now
            WHERE id = @id
            """,
            parameters, transaction) > 0;
    }

    private static DynamicParameters Parameters(VesselFields cleaned, string now)
    {
        var parameters = new DynamicParameters(cleaned);
        parameters.Add("NameKey", VesselName.Normalise(cleaned.Name));
        parameters.Add("now", now);
        return parameters;
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
