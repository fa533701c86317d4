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

    /// <summary>Adds a cleaned, validated vessel; returns its id.</summary>
    public async Task<long> InsertAsync(VesselFields cleaned) =>
        (long)(await Bound(Insert, cleaned, Timestamp()).ExecuteScalarAsync())!;

    /// <summary>Rows as they are, with their ids and timestamps (the legacy import keeps the old app's ids).</summary>
    public async Task InsertRowsAsync(IEnumerable<Vessel> rows)
    {
        foreach (var row in rows)
        {
            var insert = Bound(InsertWithId, row, row.UpdatedAt);
            insert.Parameters.AddWithValue("@id", row.Id);
            insert.Parameters.AddWithValue("@created_at", row.CreatedAt);
            await insert.ExecuteNonQueryAsync();
        }
    }

    public async Task<bool> UpdateAsync(long id, VesselFields cleaned)
    {
        var update = Bound(Update, cleaned, Timestamp());
        update.Parameters.AddWithValue("@id", id);
        return await update.ExecuteNonQueryAsync() > 0;
    }

    public async Task<bool> DeleteAsync(long id) =>
        await write.Connection.ExecuteAsync("DELETE FROM vessels WHERE id = @id", new { id }, write.Transaction) > 0;

    /// <summary>Empties the register (the legacy import's <c>--replace</c>).</summary>
    public Task DeleteAllAsync() => write.Connection.ExecuteAsync("DELETE FROM vessels", transaction: write.Transaction);

    /// <summary>Roll the whole write back instead of committing it.</summary>
    public void Discard() => write.Discard();

    private string Timestamp() => clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    // The write's compiled command for sql, bound by column (@imo_no) from the field table.
    private SqliteCommand Bound(string sql, VesselFields fields, string now)
    {
        var command = write.Prepared(sql);
        foreach (var field in VesselFieldTable.All)
        {
            command.Parameters.AddWithValue("@" + field.Column, (object?)field.Get(fields) ?? DBNull.Value);
        }
        command.Parameters.AddWithValue("@name_key", VesselName.Normalise(fields.Name));
        command.Parameters.AddWithValue("@now", now);
        return command;
    }
}
