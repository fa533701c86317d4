using System.Globalization;
using Dapper;
using HosVessel.Web.Data;
using Microsoft.Data.Sqlite;

namespace HosVessel.Web.Vessels;

/// <summary>
/// The only statements that change <c>vessels</c>, run inside a <see cref="DatabaseWrite"/> from
/// <see cref="VesselStore"/>'s own methods or from an import that writes several tables in one transaction.
/// </summary>
public sealed class VesselWrites(DatabaseWrite write, TimeProvider clock)
{
    // Parameters are named by column (@imo_no), filled from the table: no C# member name reaches the SQL.
    private static readonly string Insert = $"""
        INSERT INTO vessels (name_key, created_at, updated_at, {VesselFieldTable.Columns()})
        VALUES (@name_key, @now, @now, {VesselFieldTable.Columns("@")})
        RETURNING id
        """;

    private static readonly string InsertWithId = $"""
        INSERT INTO vessels (id, name_key, created_at, updated_at, {VesselFieldTable.Columns()})
        VALUES (@id, @name_key, @created_at, @now, {VesselFieldTable.Columns("@")})
        """;

    private static readonly string Update = $"""
        UPDATE vessels SET name_key = @name_key, updated_at = @now,
            {string.Join(", ", VesselFieldTable.All.Select(f => $"{f.Column} = @{f.Column}"))}
        WHERE id = @id
        """;

    /// <summary>The stored vessel with this (cleaned) IMO, as this write sees it.</summary>
    public async Task<Vessel?> FindByImoAsync(string imo) =>
        (await VesselStore.ReadAsync(write.Connection, $"{VesselStore.Select} WHERE imo_no = @imo", new { imo }, write.Transaction)).SingleOrDefault();

    /// <summary>Field rules plus uniqueness of name (by key), IMO and ship code, against the rows in the database.</summary>
    public async Task<Dictionary<string, string>> ValidateAsync(VesselFields cleaned, long? excludeId)
    {
        var errors = VesselValidator.Validate(cleaned);
        var clashes = await write.Connection.QueryAsync<(string NameKey, string ImoNo, string? ShipCode)>(
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
            write.Transaction);
        foreach (var clash in clashes)
        {
            if (cleaned.Name is not null && clash.NameKey == VesselName.Normalise(cleaned.Name))
            {
                errors.TryAdd(VesselFieldTable.Name.Key, "같은 이름의 선박이 이미 등록되어 있습니다.");
            }
            if (cleaned.ImoNo is not null && clash.ImoNo == cleaned.ImoNo)
            {
                errors.TryAdd(VesselFieldTable.Imo.Key, "이 IMO 번호는 이미 등록되어 있습니다.");
            }
            if (cleaned.ShipCode is not null && string.Equals(clash.ShipCode, cleaned.ShipCode, StringComparison.OrdinalIgnoreCase))
            {
                errors.TryAdd(VesselFieldTable.ShipCode.Key, "이 선박 코드는 이미 사용 중입니다.");
            }
        }
        return errors;
    }

    // One compiled INSERT for every row of an import. SQLite compiles an INSERT together with every trigger it fires
    // (the trigram index's, the word index's three levels), and compiling took twice as long as running it.
    private SqliteCommand? insert;

    /// <summary>Adds a cleaned, validated vessel; returns its id.</summary>
    public async Task<long> InsertAsync(VesselFields cleaned)
    {
        if (insert is null)
        {
            insert = write.Connection.CreateCommand();
            insert.CommandText = Insert;
            insert.Transaction = write.Transaction;
            foreach (var name in VesselFieldTable.All.Select(f => f.Column).Append("name_key").Append("now"))
            {
                insert.Parameters.Add(new SqliteParameter("@" + name, null));
            }
        }
        foreach (var field in VesselFieldTable.All)
        {
            insert.Parameters["@" + field.Column].Value = (object?)field.Get(cleaned) ?? DBNull.Value;
        }
        insert.Parameters["@name_key"].Value = VesselName.Normalise(cleaned.Name);
        insert.Parameters["@now"].Value = Timestamp();
        return (long)(await insert.ExecuteScalarAsync())!;
    }

    /// <summary>Rows as they are, with their ids and timestamps (the legacy import keeps the old app's ids).</summary>
    public Task InsertRowsAsync(IEnumerable<Vessel> rows) =>
        write.Connection.ExecuteAsync(InsertWithId, rows.Select(row =>
        {
            var parameters = Parameters(row, row.UpdatedAt);
            parameters.Add("id", row.Id);
            parameters.Add("created_at", row.CreatedAt);
            return parameters;
        }), write.Transaction);

    public async Task<bool> UpdateAsync(long id, VesselFields cleaned)
    {
        var parameters = Parameters(cleaned, Timestamp());
        parameters.Add("id", id);
        return await write.Connection.ExecuteAsync(Update, parameters, write.Transaction) > 0;
    }

    public async Task<bool> DeleteAsync(long id) =>
        await write.Connection.ExecuteAsync("DELETE FROM vessels WHERE id = @id", new { id }, write.Transaction) > 0;

    /// <summary>Empties the register (the legacy import's <c>--replace</c>).</summary>
    public Task DeleteAllAsync() => write.Connection.ExecuteAsync("DELETE FROM vessels", transaction: write.Transaction);

    /// <summary>Roll the whole write back instead of committing it.</summary>
    public void Discard() => write.Discard();

    private string Timestamp() => clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

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
}
