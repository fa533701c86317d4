using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Dapper;
using HosVessel.Web.Data;

namespace HosVessel.Web.Vessels;

/// <summary>Reads and writes the register. Each list page is one page query plus one capped count.</summary>
public sealed class VesselStore(Database database, TimeProvider clock)
{
    // The stored columns first, then the table's in VesselFieldTable order; ReadAsync relies on it.
    private static readonly string SelectColumns = $"SELECT id, name_key, created_at, updated_at, {VesselFieldTable.Columns()}";
    internal static readonly string Select = $"{SelectColumns} FROM vessels";

    public async Task<Vessel?> FindByIdAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await ReadAsync(connection, $"{Select} WHERE id = @id", new { id })).SingleOrDefault();
    }

    /// <summary>
    /// <see cref="FindByIdAsync"/> for the vessel's page, kept until this process next writes and at most
    /// <see cref="PageAge"/> (see <see cref="ReadCache{TKey, TValue}"/>): a ship's page is opened far more often than
    /// the register changes. Callers must not change it.
    /// </summary>
    public ValueTask<Vessel?> FindForPageAsync(long id, CancellationToken cancellationToken = default) =>
        forPage.GetAsync(id, (key, token) => FindByIdAsync(key, token), cancellationToken);

    /// <summary>How late a register change by another process (a CLI import, sqlite3) shows on a vessel's page at most.</summary>
    public static readonly TimeSpan PageAge = TimeSpan.FromSeconds(1);

    // A vessel is about 2 KB in memory: at most a few MB kept.
    private readonly ReadCache<long, Vessel?> forPage = new(clock, PageAge, maxEntries: 1_000);

    /// <summary>
    /// How many vessels the register holds, kept as <see cref="FindForPageAsync"/> is: the anonymous home page's one
    /// figure, which cost a connection and a count on every view.
    /// </summary>
    public ValueTask<long> CountAsync(CancellationToken cancellationToken = default) =>
        registerCount.GetAsync(0, async (_, token) =>
        {
            await using var connection = await database.OpenAsync(token);
            return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM vessels");
        }, cancellationToken);

    private readonly ReadCache<int, long> registerCount = new(clock, PageAge, maxEntries: 1);

    public async Task<Vessel?> FindByImoAsync(string imo, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await ReadAsync(connection, $"{Select} WHERE imo_no = @imo", new { imo = ImoNumber.Clean(imo) })).SingleOrDefault();
    }

    /// <summary>The vessel whose name normalises like <paramref name="name"/> (see <see cref="VesselName.Normalise"/>).</summary>
    public async Task<Vessel?> FindByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await ReadAsync(connection, $"{Select} WHERE name_key = @key ORDER BY id LIMIT 1", new { key = VesselName.Normalise(name) }))
            .SingleOrDefault();
    }

    /// <summary>
    /// One page of the list. The count stops at <see cref="PaginatedList{T}.CountCap"/> matches (the page shows
    /// "1,000척 이상"), so neither it nor the page touches every match of a common word: when the count stops early the
    /// matches are many, and walking the sort order's index finds a page of them within a few rows; otherwise they are
    /// few, and collecting them through the trigram index and sorting them is cheaper than a walk past the rest.
    /// A search in name order for one word reads the word index instead (<see cref="VesselWordSearch"/>), whose
    /// entries are in that order: its count and page read no more entries than they show.
    /// </summary>
    public async Task<PaginatedList<Vessel>> SearchAsync(VesselQuery query, CancellationToken cancellationToken = default)
    {
        var list = query.ToListQuery();
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await VesselWordSearch.FindAsync(connection, query) is { } words)
        {
            return await PaginatedList<Vessel>.CreateAsync(query.Page, VesselQuery.PageSize,
                atMost => words.CountAsync(connection, atMost),
                (limit, offset, _) => words.PageAsync(connection, SelectColumns, query.OrderBy, limit, offset));
        }
        return await PaginatedList<Vessel>.CreateAsync(query.Page, VesselQuery.PageSize,
            atMost => list.IsFiltered
                ? connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM (SELECT 1{list.From("vessels")}{list.Where} LIMIT {atMost})", list.Parameters)
                : CountAsync(cancellationToken).AsTask(),
            async (limit, offset, many) =>
            {
                var page = many ? query.ToListQuery(walkSortOrder: true) : list;
                page.Parameters.AddDynamicParams(new { limit, offset });
                return await ReadAsync(connection, $"{SelectColumns}{page.From("vessels")}{page.Where} ORDER BY {query.OrderBy} LIMIT @limit OFFSET @offset", page.Parameters);
            });
    }

    /// <summary>Every vessel matching the filters, in the list's order (for the CSV download).</summary>
    public async Task<IReadOnlyList<Vessel>> ListAllAsync(VesselQuery query, CancellationToken cancellationToken = default)
    {
        var list = query.ToListQuery();
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, $"{SelectColumns}{list.From("vessels")}{list.Where} ORDER BY {query.OrderBy}", list.Parameters);
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

    /// <summary>The register's statements inside <paramref name="write"/>, for work that spans tables (imports).</summary>
    public VesselWrites In(DatabaseWrite write) => new(write, clock);

    /// <summary>Runs <paramref name="work"/> in one write: all its changes commit together, or none (see <see cref="VesselWrites.Discard"/>).</summary>
    public Task<T> WriteAsync<T>(Func<VesselWrites, Task<T>> work, CancellationToken cancellationToken = default) =>
        database.WriteAsync(write => work(In(write)), cancellationToken);

    public async Task<SaveResult> CreateAsync(VesselFields fields, CancellationToken cancellationToken = default)
    {
        var result = await database.WriteAsync(async write =>
        {
            var vessels = In(write);
            var cleaned = fields.Cleaned();
            var errors = await vessels.ValidateAsync(cleaned, excludeId: null);
            return errors.Count > 0 ? SaveResult.Invalid(errors) : SaveResult.Saved(await vessels.InsertAsync(cleaned));
        }, cancellationToken);
        if (result.Succeeded)
        {
            RegisterChanged();
            VesselMetrics.Created.Add(1);
        }
        return result;
    }

    public async Task<SaveResult> UpdateAsync(long id, VesselFields fields, CancellationToken cancellationToken = default)
    {
        var result = await database.WriteAsync(async write =>
        {
            var vessels = In(write);
            var cleaned = fields.Cleaned();
            var errors = await vessels.ValidateAsync(cleaned, excludeId: id);
            return errors.Count > 0 ? SaveResult.Invalid(errors)
                : await vessels.UpdateAsync(id, cleaned) ? SaveResult.Saved(id)
                : SaveResult.NotFound();
        }, cancellationToken);
        if (result.Succeeded)
        {
            RegisterChanged();
            VesselMetrics.Updated.Add(1);
        }
        return result;
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        var deleted = await database.WriteAsync(write => In(write).DeleteAsync(id), cancellationToken);
        if (deleted)
        {
            RegisterChanged();
            VesselMetrics.Deleted.Add(1);
        }
        return deleted;
    }

    internal static async Task<List<Vessel>> ReadAsync(DbConnection connection, string sql, object parameters, IDbTransaction? transaction = null)
    {
        // Disposed synchronously: Dapper's wrapped reader disposes its command in Dispose, not in DisposeAsync, and every
        // command left undisposed stays in the connection's command list, which each later command's disposal scans
        // (an import's per-row lookups made its time grow with the square of its rows).
        using var reader = await connection.ExecuteReaderAsync(sql, parameters, transaction);
        var vessels = new List<Vessel>();
        while (await reader.ReadAsync())
        {
            vessels.Add(ReadRow(reader));
        }
        return vessels;
    }

    /// <summary>
    /// Every vessel in the list's default order, one at a time: the caller keeps what it needs, so a pass over
    /// 100,000 vessels holds one row at a time rather than the whole register.
    /// </summary>
    public async IAsyncEnumerable<Vessel> StreamAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var reader = await connection.ExecuteReaderAsync($"{Select} ORDER BY {new VesselQuery().OrderBy}");
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return ReadRow(reader);
        }
    }

    /// <summary>
    /// Every vessel with only what a search by name, code, IMO or call sign reads (id, name key, name, ship code,
    /// IMO, call sign), in table order: a fifth of the columns and no index walk, for a pass over the whole register.
    /// </summary>
    public IAsyncEnumerable<Vessel> StreamSearchFieldsAsync(CancellationToken cancellationToken = default) =>
        StreamSearchFieldsAsync("", null, cancellationToken);

    /// <summary>
    /// The vessels <paramref name="text"/> may name exactly, with the columns of <see cref="StreamSearchFieldsAsync(CancellationToken)"/>:
    /// a name key of <paramref name="nameKeys"/> or the IMO through their indexes, or the trimmed ship code or call sign
    /// (ASCII case ignored). The caller checks each one; a term naming one ship then costs no pass over the register.
    /// </summary>
    public IAsyncEnumerable<Vessel> StreamExactCandidatesAsync(IReadOnlyList<string> nameKeys, string imo, string text, CancellationToken cancellationToken = default) =>
        StreamSearchFieldsAsync("""
             WHERE name_key IN @nameKeys OR imo_no = @imo
                OR trim(ship_code) = @text COLLATE NOCASE OR trim(callsign) = @text COLLATE NOCASE
             ORDER BY id
            """, new { nameKeys, imo, text }, cancellationToken);

    private async IAsyncEnumerable<Vessel> StreamSearchFieldsAsync(string where, object? parameters, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var reader = await connection.ExecuteReaderAsync($"SELECT id, name_key, name, ship_code, imo_no, callsign FROM vessels{where}", parameters);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new Vessel
            {
                Id = reader.GetInt64(0), NameKey = reader.GetString(1), Name = Text(reader, 2), ShipCode = Text(reader, 3),
                ImoNo = Text(reader, 4), Callsign = Text(reader, 5),
            };
        }
    }

    // Legacy rows may hold numbers in TEXT columns; SQLite keeps the type it was given.
    private static string? Text(IDataReader reader, int i) => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);

    private static Vessel ReadRow(IDataReader reader)
    {
        var vessel = new Vessel
        {
            Id = reader.GetInt64(0), NameKey = reader.GetString(1), CreatedAt = reader.GetString(2), UpdatedAt = reader.GetString(3),
        };
        for (var i = 0; i < VesselFieldTable.All.Count; i++)
        {
            VesselFieldTable.All[i].Set(vessel, Text(reader, 4 + i));
        }
        return vessel;
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
